import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { activationColour } from '../charts/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { trainingAlert } from '../runner/alerts.ts';
import { diagnose, gradientRatio } from '../series/index.ts';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useChartWidth, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, TrainerControls, Select, Slider } from '../controls/index.ts';
import { datasetPoints } from '../runner/session.ts';
import { useTrainer, type SessionView } from '../runner/useTrainer.ts';
import { LR_OPTIONS, PAIR, PAIR_SCHEMA, RECORD_EVERY, initialLayers, pairConfigs, type PairActivation, type PairValues, type RunView } from './model.ts';
import { boundaryOptions, driftChart, errorChart, layersChart, lossChart, pairSummary, pairTable, pairWidths } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: PairValues;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  lossSvg?: ComponentChildren;
  layersSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
  boundarySigmoidSvg?: ComponentChildren;
  boundaryReluSvg?: ComponentChildren;
}

function toRun(activation: PairActivation, v: SessionView): RunView {
  return {
    activation,
    step: v.state.step,
    loss: v.state.loss,
    initialLoss: v.state.initialLoss,
    testAccuracy: v.state.testAccuracy,
    layers: v.state.layers,
    initialLayers: initialLayers(v.records),
    losses: v.losses.slice(),
    records: v.records.slice(),
    grid: v.grid,
    diverged: v.state.diverged,
  };
}

/** Test hooks: the state the per-layer charts and the summary describe, as raw numbers. */
function probe(runs: RunView[], generation: number, depth: number) {
  const d = (r: RunView) => diagnose({ step: r.step, loss: r.loss, layers: r.layers, start: r.initialLayers, diverged: r.diverged }, gradientRatio(r.layers));
  return { 'data-generation': generation, 'data-step': runs[0].step, 'data-depth': depth, 'data-diagnosis-sigmoid': d(runs[0]), 'data-diagnosis-relu': d(runs[1]), 'data-ratio0-sigmoid': gradientRatio(runs[0].initialLayers), 'data-ratio0-relu': gradientRatio(runs[1].initialLayers) };
}

const PAIR_STYLE = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr));gap:0.6rem 1rem;';

export default function ReluVsSigmoidIsland({ figureId, lang, strings: s, initial, lossSvg, layersSvg, errorSvg, driftSvg, boundarySigmoidSvg, boundaryReluSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(PAIR_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => pairConfigs(v), [v]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === PAIR.length && trainer.sessions.every((x) => x.state.layers.length > 0);
  const points = useMemo(() => datasetPoints(configs[0].data), [v.dataset, v.seed]);

  useAutoplayOnce(ready, trainer.play);

  const runs = ready ? PAIR.map((a, i) => toRun(a, trainer.sessions[i])) : null;
  // The line charts redraw at most about five times a second, whenever the trainer has new
  // data; the boundaries only when the worker sends new grids.
  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  const w = pairWidths(width);
  const drawn = useThrottled(trainer.version, 200);
  const loss = useMemo(() => (runs ? lossChart(runs, s, theme, w.line) : null), [drawn, theme, w.line]);
  // The per-layer charts and the summary come from one snapshot: the summary describes the step they show.
  const perLayer = useMemo(
    () => (runs ? { layers: layersChart(runs, s, theme, w.line), error: errorChart(runs, s, theme, w.line), drift: driftChart(runs, s, theme, w.line), summary: pairSummary(runs, s, lang), table: pairTable(runs, s), probe: probe(runs, trainer.generation, v.depth) } : null),
    [drawn, theme, w.line, lang],
  );
  const layers = perLayer?.layers ?? null;
  const gridS = trainer.sessions[0]?.grid;
  const gridR = trainer.sessions[1]?.grid;
  const boundaryS = useMemo(() => (runs ? boundaryOptions(runs[0], points, s, theme, true, w.boundary) : null), [gridS, ready, theme, points, w.boundary]);
  const boundaryR = useMemo(() => (runs ? boundaryOptions(runs[1], points, s, theme, true, w.boundary) : null), [gridR, ready, theme, points, w.boundary]);
  const charts = loss && perLayer && layers && boundaryS && boundaryR ? { loss, layers, error: perLayer.error, drift: perLayer.drift, boundarySigmoid: boundaryS, boundaryRelu: boundaryR } : null;

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const options = <T extends string>(keys: readonly T[], prefix: string) => keys.map((k) => ({ value: k, label: tr(s, `${prefix}${k}`) }));
  const k = 'widget.reluVsSigmoid';

  return (
    <div ref={root}>
      <FigureShell
        lab={configs}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={perLayer?.summary ?? ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={perLayer?.table ?? { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <Slider label={tr(s, `${k}.depth`)} spec={PAIR_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Slider label={tr(s, `${k}.width`)} spec={PAIR_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={fmtInt} />
          <Select label={tr(s, `${k}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <Select label={tr(s, `${k}.dataset`)} value={v.dataset} options={options(PAIR_SCHEMA.dataset.options, 'kit.data.')} onChange={(x) => state.set('dataset', x)} />
          <NumberInput label={tr(s, `${k}.seed`)} spec={PAIR_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          <p class="ctl-note">{tr(s, `${k}.same`)}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        <div class="fig-grid" ref={grid} {...(perLayer?.probe ?? {})}>
          <div>{charts ? <Chart options={charts.loss} primary /> : <div class="fig-chart">{lossSvg}</div>}</div>
          <div>
            {charts ? <Chart options={charts.layers} /> : <div class="fig-chart">{layersSvg}</div>}
            <p class="fig-note">{tr(s, `${k}.layersNote`)}</p>
          </div>
          <div>
            {charts ? <Chart options={charts.error} /> : <div class="fig-chart">{errorSvg}</div>}
            <p class="fig-note">{tr(s, `${k}.noteError`)}</p>
          </div>
          <div>
            {charts ? <Chart options={charts.drift} /> : <div class="fig-chart">{driftSvg}</div>}
            <p class="fig-note">{tr(s, `${k}.noteDrift`)}</p>
          </div>
          <div style={PAIR_STYLE}>
            <div>
              <p class="fig-note" style="font-weight:600;color:inherit"><span aria-hidden="true" style={`color:${activationColour('sigmoid', theme)}`}>■</span> {tr(s, 'kit.act.sigmoid')}</p>
              {charts ? <Chart options={charts.boundarySigmoid} /> : <div class="fig-chart">{boundarySigmoidSvg}</div>}
            </div>
            <div>
              <p class="fig-note" style="font-weight:600;color:inherit"><span aria-hidden="true" style={`color:${activationColour('relu', theme)}`}>■</span> {tr(s, 'kit.act.relu')}</p>
              {charts ? <Chart options={charts.boundaryRelu} /> : <div class="fig-chart">{boundaryReluSvg}</div>}
            </div>
          </div>
        </div>
      </FigureShell>
    </div>
  );
}
