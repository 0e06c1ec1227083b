import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { IslandProps } from '../kit/FigureShell.tsx';
import { Chart } from '../kit/Chart.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useThrottled } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { Segmented, Select, Slider } from '../controls/index.ts';
import { TrainingFigure, useTraining } from '../controls/TrainingFigure.tsx';
import type { SessionView } from '../runner/useTrainer.ts';
import { NORMS, NORM_INITS, NORM_LR, NORM_SCHEMA, RECORD_EVERY, normConfigs, type NormName, type NormRun, type NormValues } from './model.ts';
import { errorChart, histogramChart, lossChart, normColour, normSummary, normTable, saturationChart } from './view.ts';

interface Props extends IslandProps<NormValues> {
  /** The build-time table, for readers without JavaScript. */
  staticData?: DataTable;
  lossSvg?: ComponentChildren;
  errorSvg?: ComponentChildren;
  satNoneSvg?: ComponentChildren;
  satBatchSvg?: ComponentChildren;
  satLayerSvg?: ComponentChildren;
  histNoneSvg?: ComponentChildren;
  histBatchSvg?: ComponentChildren;
  histLayerSvg?: ComponentChildren;
}

const hasLayers = (s: SessionView) => s.state.layers.length > 0;

function toRun(norm: NormName, v: SessionView): NormRun {
  return {
    norm,
    step: v.state.step,
    loss: v.state.loss,
    initialLoss: v.state.initialLoss,
    losses: v.losses,
    layers: v.state.layers,
    initialLayers: v.records.find((r) => r.step === 0)?.layers ?? v.records[0]?.layers ?? [],
    records: v.records,
    diverged: v.state.diverged,
    histograms: v.histograms,
  };
}

const K = 'widget.normalizationLab';

export default function NormalizationLabIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, errorSvg, satNoneSvg, satBatchSvg, satLayerSvg, histNoneSvg, histBatchSvg, histLayerSvg }: Props) {
  const state = useFigureState(NORM_SCHEMA, figureId, initial);
  const v = state.values;
  const configs = useMemo(() => normConfigs(v), [v]);
  const training = useTraining({ figureId, lang, strings: s, prefix: K, state }, configs, { ready: hasLayers, redrawMs: 200 });
  const { trainer, ready, version, theme } = training;
  const runs = ready ? NORMS.map((n, i) => toRun(n, trainer.sessions[i])) : null;

  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  // The loss follows every step; the per-layer charts and histograms, drawn six at a time,
  // follow the records at most every 300 ms.
  const slow = useThrottled(trainer.version, 300);
  const small = width >= 560 ? Math.floor((width - 32) / 3) : width;
  // Each chart is built inside its own draw (a function for Chart): one chart per task.
  const loss = useMemo(() => (runs ? () => lossChart(runs, s, theme, width) : null), [version, ready, theme, width]);
  const error = useMemo(() => (runs ? () => errorChart(runs, s, theme, width) : null), [slow, ready, theme, width]);
  const sats = useMemo(() => (runs ? runs.map((r) => () => saturationChart(r, s, theme, Math.max(200, small), { raster: true })) : null), [slow, ready, theme, small]);
  const hists = useMemo(() => (runs && runs.every((r) => r.histograms) ? runs.map((r) => () => histogramChart(r, s, theme, Math.max(200, small))) : null), [slow, ready, theme, small]);
  // The summary and the table follow the loss chart's redraws, not every re-render of the controls.
  const text = useMemo(() => (runs ? { summary: normSummary(runs, s, lang), table: normTable(runs, s) } : null), [version, ready, lang]);
  const satFallbacks = [satNoneSvg, satBatchSvg, satLayerSvg];
  const histFallbacks = [histNoneSvg, histBatchSvg, histLayerSvg];

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const runHeading = (n: NormName) => (
    <p class="fig-note" style="font-weight:600;color:inherit"><span aria-hidden="true" style={`color:${normColour(n, theme)}`}>■</span> {tr(s, `${K}.norm.${n}`)}</p>
  );

  return (
    <TrainingFigure
      training={training}
      seed={NORM_SCHEMA.seed}
      settings={
        <>
          <Segmented label={tr(s, `${K}.activation`)} value={v.activation} options={NORM_SCHEMA.activation.options.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${K}.depth`)} spec={NORM_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${K}.init`)} value={v.init} options={NORM_INITS.map((o) => ({ value: o, label: tr(s, `${K}.initName.${o}`) }))} onChange={(x) => state.set('init', x)} />
          <Select label={tr(s, `${K}.lr`)} value={v.lr} options={NORM_LR.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
        </>
      }
      notes={<p class="ctl-note">{tr(s, `${K}.same`)}</p>}
      stepBy={RECORD_EVERY}
      summary={text?.summary ?? ''}
      data={text?.table ?? null}
      staticData={staticData}
    >
      <div class="fig-grid" ref={grid}>
        <div><Chart options={loss} fallback={lossSvg} primary /></div>
        <div>
          <Chart options={error} fallback={errorSvg} />
          <p class="fig-note">{tr(s, `${K}.errorNote`)}</p>
        </div>
        <div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr));gap:0.6rem 1rem;">
          {NORMS.map((n, i) => (
            <div key={n}>
              {runHeading(n)}
              <Chart options={sats?.[i] ?? null} fallback={satFallbacks[i]} />
            </div>
          ))}
        </div>
        <p class="fig-note">{tr(s, `${K}.saturationNote`)}</p>
        <div class="norm-hists" style="display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr));gap:0.6rem 1rem;">
          {NORMS.map((n, i) => (
            <div key={n}>
              {runHeading(n)}
              <Chart options={hists?.[i] ?? null} fallback={histFallbacks[i]} />
            </div>
          ))}
        </div>
        <p class="fig-note">{tr(s, `${K}.histogramNote`)}</p>
      </div>
    </TrainingFigure>
  );
}
