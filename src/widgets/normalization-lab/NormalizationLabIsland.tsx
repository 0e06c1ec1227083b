import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { trainingAlert } from '../kit/alerts.ts';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useChartWidth, useFigureState, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { NumberInput, Segmented, Select, Slider, TrainerControls } from '../controls/index.ts';
import { useTrainer, type SessionView } from '../runner/useTrainer.ts';
import { NORMS, NORM_INITS, NORM_LR, NORM_SCHEMA, RECORD_EVERY, normConfigs, type NormName, type NormRun, type NormValues } from './model.ts';
import { errorChart, histogramChart, lossChart, normColour, normSummary, normTable, saturationChart } from './view.ts';

interface Props {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: NormValues;
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

export default function NormalizationLabIsland({ figureId, lang, strings: s, initial, staticData, lossSvg, errorSvg, satNoneSvg, satBatchSvg, satLayerSvg, histNoneSvg, histBatchSvg, histLayerSvg }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const state = useFigureState(NORM_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const configs = useMemo(() => normConfigs(v), [v]);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === NORMS.length && trainer.sessions.every((x) => x.state.layers.length > 0);
  useAutoplayOnce(ready, trainer.play);
  const runs = ready ? NORMS.map((n, i) => toRun(n, trainer.sessions[i])) : null;

  const grid = useRef<HTMLDivElement>(null);
  const width = useChartWidth(grid, 640);
  const step = runs ? runs[0].step : 0;
  const records = trainer.sessions[0]?.records.length ?? 0;
  const configKey = JSON.stringify(v);
  const lossKey = useThrottled(`${trainer.generation}|${configKey}|${step}|${ready ? 1 : 0}`, 200);
  const recKey = useThrottled(`${trainer.generation}|${configKey}|${records}|${ready ? 1 : 0}`, 300);
  const small = width >= 560 ? Math.floor((width - 32) / 3) : width;
  const loss = useMemo(() => (runs ? lossChart(runs, s, theme, width) : null), [lossKey, theme, width]);
  const error = useMemo(() => (runs ? errorChart(runs, s, theme, width) : null), [recKey, theme, width]);
  const sats = useMemo(() => (runs ? runs.map((r) => saturationChart(r, s, theme, Math.max(200, small))) : null), [recKey, theme, small]);
  const fallbacks = [satNoneSvg, satBatchSvg, satLayerSvg];
  const histKey = useThrottled(`${trainer.generation}|${configKey}|${runs ? runs.map((r) => r.histograms?.step ?? -1).join(',') : ''}`, 300);
  const hists = useMemo(() => (runs && runs.every((r) => r.histograms) ? runs.map((r) => histogramChart(r, s, theme, Math.max(200, small))) : null), [histKey, theme, small]);
  const histFallbacks = [histNoneSvg, histBatchSvg, histLayerSvg];

  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const k = 'widget.normalizationLab';

  return (
    <div ref={root}>
      <FigureShell
        lab={configs}
        figureId={figureId}
        lang={lang}
        strings={s}
        summary={runs ? normSummary(runs, s, lang) : ''}
        state={state}
        alert={trainingAlert(trainer, s, lang)}
        staticData={staticData}
        data={runs ? normTable(runs, s) : { columns: [], rows: [] }}
      >
        <div class="fig-controls">
          <Segmented label={tr(s, `${k}.activation`)} value={v.activation} options={NORM_SCHEMA.activation.options.map((a) => ({ value: a, label: tr(s, `kit.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
          <Slider label={tr(s, `${k}.depth`)} spec={NORM_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={fmtInt} />
          <Select label={tr(s, `${k}.init`)} value={v.init} options={NORM_INITS.map((o) => ({ value: o, label: tr(s, `${k}.initName.${o}`) }))} onChange={(x) => state.set('init', x)} />
          <Select label={tr(s, `${k}.lr`)} value={v.lr} options={NORM_LR.map((o) => ({ value: o, label: formatNumber(Number(o), lang, 3) }))} onChange={(x) => state.set('lr', x)} />
          <NumberInput label={tr(s, `${k}.seed`)} spec={NORM_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
          <TrainerControls trainer={trainer} strings={s} stepBy={RECORD_EVERY} format={fmtInt} />
          <p class="ctl-note">{tr(s, `${k}.same`)}</p>
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        <div class="fig-grid" ref={grid}>
          <div>{loss ? <Chart options={loss} primary /> : <div class="fig-chart">{lossSvg}</div>}</div>
          <div>
            {error ? <Chart options={error} /> : <div class="fig-chart">{errorSvg}</div>}
            <p class="fig-note">{tr(s, `${k}.errorNote`)}</p>
          </div>
          <div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr));gap:0.6rem 1rem;">
            {NORMS.map((n, i) => (
              <div key={n}>
                <p class="fig-note" style="font-weight:600;color:inherit"><span aria-hidden="true" style={`color:${normColour(n, theme)}`}>■</span> {tr(s, `${k}.norm.${n}`)}</p>
                {sats ? <Chart options={sats[i]} /> : <div class="fig-chart">{fallbacks[i]}</div>}
              </div>
            ))}
          </div>
          <p class="fig-note">{tr(s, `${k}.saturationNote`)}</p>
          <div class="norm-hists" style="display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr));gap:0.6rem 1rem;">
            {NORMS.map((n, i) => (
              <div key={n}>
                <p class="fig-note" style="font-weight:600;color:inherit"><span aria-hidden="true" style={`color:${normColour(n, theme)}`}>■</span> {tr(s, `${k}.norm.${n}`)}</p>
                {hists ? <Chart options={hists[i]} /> : <div class="fig-chart">{histFallbacks[i]}</div>}
              </div>
            ))}
          </div>
          <p class="fig-note">{tr(s, `${k}.histogramNote`)}</p>
        </div>
      </FigureShell>
    </div>
  );
}
