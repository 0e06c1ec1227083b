import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { useActive, useAutoplayOnce, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, TrainerControls, Select, Slider } from '../controls/index.ts';
import { datasetPoints } from '../runner/session.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { LAB_SCHEMA, LR_OPTIONS, PRESETS, RECORD_EVERY, activePreset, labConfig, type LabValues, type LabView, type PresetName } from './model.ts';
import { heatmapData, labCharts, labDiagnosis, labSummary, labTable } from './view.ts';
import { heatmapDomain } from '../charts/index.ts';
import { gradientRatio } from '../series/index.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: LabValues;
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  layersSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
  heatmapSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  boundarySvg?: ComponentChildren;
}

const EMPTY: LabView = { step: 0, loss: NaN, initialLoss: NaN, testAccuracy: NaN, layers: [], start: [], losses: [], records: [], grid: null, diverged: null };

export default function VanishingLabIsland({ figureId, lang, strings: s, initial, layersSvg, errorSvg, driftSvg, heatmapSvg, lossSvg, boundarySvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(LAB_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const config = useMemo(() => labConfig(v), [v]);
  const trainer = useTrainer([config], active);
  const session = trainer.sessions[0];
  const points = useMemo(() => datasetPoints(config.data), [config.data.name, config.data.seed]);

  useAutoplayOnce(session !== undefined, trainer.play);

  const view: LabView = session
    ? { step: session.state.step, loss: session.state.loss, initialLoss: session.state.initialLoss, testAccuracy: session.state.testAccuracy, layers: session.state.layers, start: session.records[0]?.layers ?? session.state.layers, losses: session.losses, records: session.records, grid: session.grid, diverged: session.state.diverged }
    : EMPTY;
  // The heatmap's colour domain only ever widens within a run, so a colour means the same
  // value in every frame; a new run starts afresh.
  const heat = useRef<{ generation: number; domain: [number, number] } | null>(null);
  // Charts and the summary redraw together, at most about seven times a second, from one
  // snapshot: the summary describes the step the charts show.
  const drawn = useThrottled(trainer.version, 150);
  const frame = useMemo(() => {
    if (!session || view.layers.length === 0) return null;
    const prev = heat.current?.generation === trainer.generation ? heat.current.domain : undefined;
    const domain = heatmapDomain(heatmapData(view), prev);
    heat.current = { generation: trainer.generation, domain };
    const snapshot = { ...view, records: view.records.slice(), losses: view.losses.slice() };
    const d = labDiagnosis(snapshot, s, lang);
    // Test hooks: the state these charts and this summary describe, as raw numbers.
    const probe = { 'data-generation': trainer.generation, 'data-step': snapshot.step, 'data-depth': v.depth, 'data-diagnosis': d.diagnosis, 'data-ratio0': gradientRatio(snapshot.start), 'data-loss': snapshot.loss };
    return { charts: labCharts(snapshot, v, points, s, theme, true, domain), summary: labSummary(snapshot, s, lang), diagnosis: d.headline, probe, table: labTable(snapshot, v, s) };
  }, [drawn, theme, points, lang]);
  const charts = frame?.charts ?? null;
  const ready = frame !== null;
  const preset = activePreset(v);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const options = <T extends string>(keys: readonly T[], prefix: string) => keys.map((k) => ({ value: k, label: tr(s, `${prefix}${k}`) }));
  const applyPreset = (p: PresetName) => state.setMany(PRESETS[p]);

  return (
    <div ref={root}>
      <FigureShell
        lab={config}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={frame?.summary ?? ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        data={frame?.table ?? { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <div class="ctl ctl-presets" role="group" aria-label={tr(s, 'widget.vanishingLab.presets')}>
            <span class="ctl-presets__label" aria-hidden="true">{tr(s, 'widget.vanishingLab.presets')}</span>
            {(Object.keys(PRESETS) as PresetName[]).map((p) => (
              <button type="button" class={`btn btn--small${preset === p ? ' is-active' : ''}`} key={p} aria-pressed={preset === p} onClick={() => applyPreset(p)}>
                {tr(s, `widget.vanishingLab.preset.${p}`)}
              </button>
            ))}
          </div>
          <Slider label={tr(s, 'widget.vanishingLab.depth')} spec={LAB_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Slider label={tr(s, 'widget.vanishingLab.width')} spec={LAB_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={fmtInt} />
          <Select label={tr(s, 'widget.vanishingLab.activation')} value={v.activation} options={options(LAB_SCHEMA.activation.options, 'kit.act.')} onChange={(x) => state.set('activation', x)} />
          <Select label={tr(s, 'widget.vanishingLab.init')} value={v.init} options={options(LAB_SCHEMA.init.options, 'kit.init.')} onChange={(x) => state.set('init', x)} />
          <Select label={tr(s, 'widget.vanishingLab.lr')} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <Select label={tr(s, 'widget.vanishingLab.dataset')} value={v.dataset} options={options(LAB_SCHEMA.dataset.options, 'kit.data.')} onChange={(x) => state.set('dataset', x)} />
          <NumberInput label={tr(s, 'widget.vanishingLab.seed')} spec={LAB_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
          {session?.state.finished && <p class="ctl-note" role="status">{tr(s, 'kit.finished', { steps: fmtInt(session.state.step) })}</p>}
        </div>
        <div class="fig-grid fig-grid--lab">
          {frame && <p class="fig-note fig-diagnosis" {...frame.probe}>{frame.diagnosis}</p>}
          <div class="fig-grid__main">
            {charts ? <Chart options={charts.layers} primary /> : <div class="fig-chart">{layersSvg}</div>}
            <p class="fig-note">{tr(s, 'widget.vanishingLab.outputLayer')}</p>
          </div>
          <div class="fig-grid__side">{charts ? <Chart options={charts.boundary} /> : <div class="fig-chart">{boundarySvg}</div>}</div>
          <div class="fig-grid__wide fig-grid fig-grid--pair">
            <div>
              {charts ? <Chart options={charts.error} /> : <div class="fig-chart">{errorSvg}</div>}
              <p class="fig-note">{tr(s, 'widget.vanishingLab.errorNote')}</p>
            </div>
            <div>
              {charts ? <Chart options={charts.drift} /> : <div class="fig-chart">{driftSvg}</div>}
              <p class="fig-note">{tr(s, 'widget.vanishingLab.driftNote')}</p>
            </div>
          </div>
          <div class="fig-grid__wide">{charts ? <Chart options={charts.heatmap} /> : <div class="fig-chart">{heatmapSvg}</div>}</div>
          <div class="fig-grid__wide">{charts ? <Chart options={charts.loss} /> : <div class="fig-chart">{lossSvg}</div>}</div>
        </div>
      </FigureShell>
    </div>
  );
}
