import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { activationColour } from '../charts/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { activationRunOfView } from '../runner/runs.ts';
import { datasetPoints } from '../runner/data.ts';
import type { SessionView } from '../runner/useTrainer.ts';
import { pairProbe } from '../series/index.ts';
import { LR_OPTIONS, PAIR, PAIR_SCHEMA, RECORD_EVERY, pairConfigs, type PairActivation, type PairValues } from './model.ts';
import { boundaryOptions, driftChart, errorChart, layersChart, lossChart, pairSummary, pairTable, pairWidths } from './view.ts';

interface Props extends IslandProps<PairValues> {
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  lossSvg?: ComponentChildren;
  layersSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
  boundarySigmoidSvg?: ComponentChildren;
  boundaryReluSvg?: ComponentChildren;
}

const K = 'widget.reluVsSigmoid';
const hasLayers = (s: SessionView) => s.state.layers.length > 0;
/** The two boundaries side by side from 2 x 16rem (pairWidths sizes them for it). */
const PAIR_STYLE = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr));gap:0.6rem 1rem;';

export default function ReluVsSigmoidIsland({ figureId, lang, strings: s, initial, lossSvg, layersSvg, errorSvg, driftSvg, boundarySigmoidSvg, boundaryReluSvg }: Props) {
  const state = useFigureState(PAIR_SCHEMA, figureId, initial);
  const v = state.values;
  // The line charts redraw at most about five times a second, whenever the trainer has new
  // data; the boundaries only when the worker sends new grids.
  const configs = useMemo(() => pairConfigs(v), [v]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { ready: hasLayers, redrawMs: 200 });
  const { trainer, ready, version, theme } = training;
  const points = useMemo(() => datasetPoints(configs[0].data), [v.dataset, v.seed]);

  const runs = ready ? PAIR.map((a, i) => activationRunOfView(a, trainer.sessions[i])) : null;
  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  const w = pairWidths(width);
  const loss = useMemo(() => (runs ? lossChart(runs, s, theme, w.line) : null), [version, theme, w.line]);
  // The per-layer charts and the summary come from one snapshot: the summary describes the step they show.
  const perLayer = useMemo(
    () => (runs ? { layers: layersChart(runs, s, theme, w.line), error: errorChart(runs, s, theme, w.line), drift: driftChart(runs, s, theme, w.line), summary: pairSummary(runs, s, lang), table: pairTable(runs, s), probe: pairProbe(runs, trainer.generation, v.depth) } : null),
    [version, theme, w.line, lang],
  );
  const gridS = trainer.sessions[0]?.grid;
  const gridR = trainer.sessions[1]?.grid;
  const boundaryS = useMemo(() => (runs ? boundaryOptions(runs[0], points, s, theme, true, w.boundary) : null), [gridS, ready, theme, points, w.boundary]);
  const boundaryR = useMemo(() => (runs ? boundaryOptions(runs[1], points, s, theme, true, w.boundary) : null), [gridR, ready, theme, points, w.boundary]);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const boundary = (a: PairActivation, options: typeof boundaryS, fallback: ComponentChildren) => (
    <div>
      <p class="fig-note" style="font-weight:600;color:inherit"><span aria-hidden="true" style={`color:${activationColour(a, theme)}`}>■</span> {tr(s, `kit.act.${a}`)}</p>
      <Chart options={options} fallback={fallback} />
    </div>
  );

  return (
    <TrainingFigure
      training={training}
      seed={PAIR_SCHEMA.seed}
      settings={
        <>
          <Slider label={tr(s, `${K}.depth`)} spec={PAIR_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Slider label={tr(s, `${K}.width`)} spec={PAIR_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <Select label={tr(s, `${K}.dataset`)} value={v.dataset} options={PAIR_SCHEMA.dataset.options.map((o) => ({ value: o, label: tr(s, `kit.data.${o}`) }))} onChange={(x) => state.set('dataset', x)} />
        </>
      }
      notes={<p class="ctl-note">{tr(s, `${K}.same`)}</p>}
      stepBy={RECORD_EVERY}
      summary={perLayer?.summary ?? ''}
      data={perLayer?.table ?? null}
    >
      <div class="fig-grid" ref={grid} {...(perLayer?.probe ?? {})}>
        <div><Chart options={loss} fallback={lossSvg} primary /></div>
        <div>
          <Chart options={perLayer?.layers ?? null} fallback={layersSvg} />
          <p class="fig-note">{tr(s, `${K}.layersNote`)}</p>
        </div>
        <div>
          <Chart options={perLayer?.error ?? null} fallback={errorSvg} />
          <p class="fig-note">{tr(s, `${K}.noteError`)}</p>
        </div>
        <div>
          <Chart options={perLayer?.drift ?? null} fallback={driftSvg} />
          <p class="fig-note">{tr(s, `${K}.noteDrift`)}</p>
        </div>
        <div style={PAIR_STYLE}>
          {boundary('sigmoid', boundaryS, boundarySigmoidSvg)}
          {boundary('relu', boundaryR, boundaryReluSvg)}
        </div>
      </div>
    </TrainingFigure>
  );
}
