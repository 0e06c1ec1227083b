import type { ComponentChildren } from 'preact';
import type { PlotOptions } from '@observablehq/plot';
import { useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState } from '../kit/hooks.ts';
import { SteadyText } from '../kit/SteadyText.tsx';
import { tr } from '../kit/strings.ts';
import { Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import { datasetPoints } from '../runner/data.ts';
import { VANISHING_SCHEMA, LR_OPTIONS, PRESETS, RECORD_EVERY, activePreset, vanishingConfig, type VanishingValues, type VanishingView, type PresetName } from './model.ts';
import { heatmapData, vanishingCharts, vanishingDiagnosis, vanishingSummary, vanishingTable } from './view.ts';
import { heatmapDomain } from '../charts/index.ts';
import { gradientRatio } from '../series/index.ts';

interface Props extends IslandProps<VanishingValues> {
  /** Build-time SVGs, shown until the live charts are drawn (Astro named slots). */
  layersSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  driftSvg?: ComponentChildren;
  heatmapSvg?: ComponentChildren;
  lossSvg?: ComponentChildren;
  boundarySvg?: ComponentChildren;
}

const K = 'widget.vanishingLab';
const always = () => true;
const EMPTY: VanishingView = { step: 0, loss: NaN, initialLoss: NaN, testAccuracy: NaN, layers: [], start: [], losses: [], records: [], grid: null, diverged: null };

export default function VanishingLabIsland({ figureId, lang, strings: s, initial, layersSvg, errorSvg, driftSvg, heatmapSvg, lossSvg, boundarySvg }: Props) {
  const state = useFigureState(VANISHING_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => [vanishingConfig(v)], [v]);
  const config = configs[0];
  // Autoplay as soon as the session exists: its first snapshot is step 0.
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { ready: always });
  const { trainer, version: drawn, theme } = training;
  const session = trainer.sessions[0];
  const points = useMemo(() => datasetPoints(config.data), [config.data.name, config.data.seed]);

  const view: VanishingView = session
    ? { step: session.state.step, loss: session.state.loss, initialLoss: session.state.initialLoss, testAccuracy: session.state.testAccuracy, layers: session.state.layers, start: session.records[0]?.layers ?? session.state.layers, losses: session.losses, records: session.records, grid: session.grid, diverged: session.state.diverged }
    : EMPTY;
  // The heatmap's colour domain only ever widens within a run, so a colour means the same
  // value in every frame; a new run starts afresh.
  const heat = useRef<{ generation: number; domain: [number, number] } | null>(null);
  // The boundary is drawn again only when the worker sent a new grid: most snapshots carry none.
  const boundary = useRef<{ grid: ArrayLike<number> | null; key: unknown[]; draw: (w: number) => PlotOptions } | null>(null);
  // Charts and the summary redraw together, from one snapshot: the summary describes the
  // step the charts show.
  const frame = useMemo(() => {
    if (!session || view.layers.length === 0) return null;
    const prev = heat.current?.generation === trainer.generation ? heat.current.domain : undefined;
    const domain = heatmapDomain(heatmapData(view), prev);
    heat.current = { generation: trainer.generation, domain };
    const snapshot = { ...view, records: view.records.slice(), losses: view.losses.slice() };
    const d = vanishingDiagnosis(snapshot, s, lang);
    // Test hooks: the state these charts and this summary describe, as raw numbers.
    const probe = { 'data-generation': trainer.generation, 'data-step': snapshot.step, 'data-depth': v.depth, 'data-diagnosis': d.diagnosis, 'data-ratio0': gradientRatio(snapshot.start), 'data-loss': snapshot.loss };
    const charts = vanishingCharts(snapshot, v, points, s, theme, true, domain);
    const key = [theme, points, lang, v.activation];
    const b = boundary.current;
    if (b && b.grid === snapshot.grid && b.key.every((k, i) => k === key[i])) charts.boundary = b.draw;
    else boundary.current = { grid: snapshot.grid, key, draw: charts.boundary };
    return { charts, summary: vanishingSummary(snapshot, s, lang), diagnosis: d.headline, probe, table: vanishingTable(snapshot, v, s) };
  }, [drawn, theme, points, lang]);
  const charts = frame?.charts ?? null;
  const preset = activePreset(v);

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const options = <T extends string>(keys: readonly T[], prefix: string) => keys.map((k) => ({ value: k, label: tr(s, `${prefix}${k}`) }));
  const applyPreset = (p: PresetName) => state.setMany(PRESETS[p]);

  return (
    <TrainingFigure
      training={training}
      seed={VANISHING_SCHEMA.seed}
      settings={
        <>
          <div class="ctl ctl-presets" role="group" aria-label={tr(s, `${K}.presets`)}>
            <span class="ctl-presets__label" aria-hidden="true">{tr(s, `${K}.presets`)}</span>
            {(Object.keys(PRESETS) as PresetName[]).map((p) => (
              <button type="button" class={`btn btn--small${preset === p ? ' is-active' : ''}`} key={p} aria-pressed={preset === p} onClick={() => applyPreset(p)}>
                {tr(s, `${K}.preset.${p}`)}
              </button>
            ))}
          </div>
          <Slider label={tr(s, `${K}.depth`)} spec={VANISHING_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Slider label={tr(s, `${K}.width`)} spec={VANISHING_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.activation`)} value={v.activation} options={options(VANISHING_SCHEMA.activation.options, 'kit.act.')} onChange={(x) => state.set('activation', x)} />
          <Select label={tr(s, `${K}.init`)} value={v.init} options={options(VANISHING_SCHEMA.init.options, 'kit.init.')} onChange={(x) => state.set('init', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={LR_OPTIONS.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <Select label={tr(s, `${K}.dataset`)} value={v.dataset} options={options(VANISHING_SCHEMA.dataset.options, 'kit.data.')} onChange={(x) => state.set('dataset', x)} />
        </>
      }
      notes={session?.state.finished && <p class="ctl-note" role="status">{tr(s, 'kit.finished', { steps: fmtInt(session.state.step) })}</p>}
      stepBy={RECORD_EVERY}
      summary={frame?.summary ?? ''}
      data={frame?.table ?? null}
    >
      <div class="fig-grid fig-grid--lab">
        {frame && <SteadyText class="fig-note fig-diagnosis" {...frame.probe}>{frame.diagnosis}</SteadyText>}
        <div class="fig-grid__main">
          <Chart options={charts?.layers ?? null} fallback={layersSvg} primary />
          <p class="fig-note">{tr(s, `${K}.outputLayer`)}</p>
        </div>
        <div class="fig-grid__side"><Chart options={charts?.boundary ?? null} fallback={boundarySvg} /></div>
        <div class="fig-grid__wide fig-grid fig-grid--pair">
          <div>
            <Chart options={charts?.error ?? null} fallback={errorSvg} />
            <p class="fig-note">{tr(s, `${K}.errorNote`)}</p>
          </div>
          <div>
            <Chart options={charts?.drift ?? null} fallback={driftSvg} />
            <p class="fig-note">{tr(s, `${K}.driftNote`)}</p>
          </div>
        </div>
        <div class="fig-grid__wide"><Chart options={charts?.heatmap ?? null} fallback={heatmapSvg} /></div>
        <div class="fig-grid__wide"><Chart options={charts?.loss ?? null} fallback={lossSvg} /></div>
      </div>
    </TrainingFigure>
  );
}
