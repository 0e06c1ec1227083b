// Everything the residual figure displays, derived from the two runs: the loss curves
// against ln 2, the per-layer backpropagated error (now and at step 0), the per-layer
// drift from the initial weights, the summary and the data table.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { classColours, curvesChart, logAxis, logSafe, neutral, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { LN2, MAX_STEPS, errorRms, firstToOutput, initialRecord, latestDrift, latestRecord, stalled, trains, type ResidualValues, type RunName, type RunView } from './model.ts';

const K = 'widget.residualConnections';

export interface ResidualCharts {
  loss: PlotOptions;
  errors: PlotOptions;
  drift: PlotOptions;
}

export function runColour(run: RunName, theme: Theme): string {
  const [orange, blue] = classColours(theme);
  return run === 'plain' ? orange : blue;
}

const runLabel = (s: Strings, run: RunName) => tr(s, `${K}.run.${run}`);

/** At most ~400 points per curve; step 0 and the last step always kept. */
export function lossPoints(r: RunView): { step: number; value: number }[] {
  const out = [{ step: 0, value: r.initialLoss }];
  const n = r.losses.length;
  const stride = Math.max(1, Math.ceil(n / 400));
  for (let i = stride - 1; i < n; i += stride) out.push({ step: i + 1, value: r.losses[i] });
  if (n && out.at(-1)!.step !== n) out.push({ step: n, value: r.losses[n - 1] });
  return out.filter((p) => Number.isFinite(p.value));
}

export function lossChart(runs: RunView[], s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const muted = neutral(theme).muted;
  const top = Math.max(LN2 + 0.1, ...runs.flatMap((r) => lossPoints(r).map((p) => p.value)));
  const base = curvesChart(
    runs.map((r) => ({ key: r.run, label: runLabel(s, r.run), colour: runColour(r.run, theme), points: lossPoints(r) })),
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { yDomain: [0, Math.min(top, 3)], width, height: Math.round(Math.max(220, width * 0.42)) },
  );
  return {
    ...base,
    // The full budget from the start, so the curves grow into the chart instead of rescaling it.
    x: { ...(base.x as object), domain: [0, Math.max(MAX_STEPS, ...runs.map((r) => r.step))] },
    marks: [
      Plot.ruleY([LN2], { stroke: muted, strokeDasharray: '2 3' }),
      Plot.text([LN2], { x: MAX_STEPS / 2, y: (d: number) => d, text: () => tr(s, `${K}.chance`, { value: formatNumber(LN2, lang, 3) }), fill: muted, dy: -8 }),
      ...((base.marks as Plot.Markish[]) ?? []),
    ],
  };
}

/** Both networks' error per layer now (solid, dots) and at step 0 (dashed), on one log axis. */
export function errorsChart(runs: RunView[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const series = runs.map((r) => ({ key: r.run, label: runLabel(s, r.run), colour: runColour(r.run, theme), values: errorRms(latestRecord(r.records)?.layers ?? []) }));
  const base = perLayerChart(series, { title: tr(s, `${K}.chart.errors`), x: tr(s, `${K}.axis.layer`), y: tr(s, `${K}.axis.error`) }, theme, { width, height: Math.round(Math.max(220, width * 0.5)) });
  const initial = runs.flatMap((r) => errorRms(initialRecord(r.records)?.layers ?? []).map((v, i) => ({ layer: i + 1, value: logSafe(v, 1e-300), key: r.run })));
  const all = [...series.flatMap((se) => se.values.map((v) => logSafe(v, 1e-300))), ...initial.map((d) => d.value)];
  return {
    ...base,
    y: logAxis(tr(s, `${K}.axis.error`), all, 1e-300),
    marks: [
      ...runs.map((r) => Plot.line(initial.filter((d) => d.key === r.run), { x: 'layer', y: 'value', stroke: runColour(r.run, theme), strokeWidth: 1.5, strokeDasharray: '5 4', strokeOpacity: 0.75 })),
      ...((base.marks as Plot.Markish[]) ?? []),
    ],
  };
}

/**
 * Drift from the initial weights per layer. A layer that never moved has drift 0, which a
 * log axis cannot show: it sits on the axis floor, one decade below the smallest drift.
 */
export function driftChart(runs: RunView[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const raw = runs.map((r) => latestDrift(r));
  const positive = raw.flat().filter((v) => Number.isFinite(v) && v > 0);
  const floor = positive.length ? Math.min(...positive) / 10 : 1e-6;
  const series = runs.map((r, i) => ({ key: r.run, label: runLabel(s, r.run), colour: runColour(r.run, theme), values: raw[i].map((v) => (v > floor ? v : floor)) }));
  const base = perLayerChart(series, { title: tr(s, `${K}.chart.drift`), x: tr(s, `${K}.axis.layer`), y: tr(s, `${K}.axis.drift`) }, theme, { width, height: Math.round(Math.max(220, width * 0.5)) });
  return { ...base, y: logAxis(tr(s, `${K}.axis.drift`), series.flatMap((se) => se.values), floor) };
}

export function residualCharts(runs: RunView[], s: Strings, theme: Theme, lang: Lang, width = 640): ResidualCharts {
  return { loss: lossChart(runs, s, theme, lang, width), errors: errorsChart(runs, s, theme, width), drift: driftChart(runs, s, theme, width) };
}

/** A loss for the summary: three decimals, or scientific notation once it is below 0.01. */
export function formatLoss(x: number, lang: Lang): string {
  return Number.isFinite(x) && Math.abs(x) < 0.01 && x !== 0 ? formatSci(x, lang) : formatNumber(x, lang, 3);
}

export function residualSummary(runs: RunView[], v: ResidualValues, s: Strings, lang: Lang): string {
  const [plain, res] = runs;
  const first = (r: RunView) => firstToOutput(initialRecord(r.records)?.layers ?? []);
  const drift0 = (r: RunView) => latestDrift(r)[0] ?? NaN;
  const parts = [
    tr(s, `${K}.summary`, {
      depth: formatNumber(v.depth, lang, 0),
      step: formatNumber(Math.max(plain.step, res.step), lang, 0),
      lossP: formatLoss(plain.loss, lang),
      lossR: formatLoss(res.loss, lang),
      ratioP: formatSci(first(plain), lang),
      ratioR: formatSci(first(res), lang),
      driftP: formatSci(drift0(plain), lang),
      driftR: formatSci(drift0(res), lang),
    }),
  ];
  const ln2 = formatNumber(LN2, lang, 3);
  if (stalled(plain) && trains(res)) parts.push(tr(s, `${K}.verdict.plainStalls`, { ln2 }));
  else if (trains(plain) && trains(res)) parts.push(tr(s, `${K}.verdict.bothTrain`));
  else if (stalled(plain) && stalled(res)) parts.push(tr(s, `${K}.verdict.bothStall`, { ln2 }));
  for (const r of runs) if (r.diverged) parts.push(tr(s, `${K}.verdict.diverged`, { run: runLabel(s, r.run), step: formatNumber(r.diverged.step, lang, 0) }));
  return parts.join(' ');
}

/** One row per layer: each network's error at step 0 and now, and its drift now. */
export function residualTable(runs: RunView[], s: Strings): DataTable {
  const [plain, res] = runs;
  const e0 = (r: RunView) => errorRms(initialRecord(r.records)?.layers ?? []);
  const e = (r: RunView) => errorRms(latestRecord(r.records)?.layers ?? []);
  const cols = [e0(plain), e0(res), e(plain), e(res), latestDrift(plain), latestDrift(res)];
  const columns = [tr(s, 'kit.col.layer'), ...['plainStart', 'residualStart', 'plainNow', 'residualNow', 'plainDrift', 'residualDrift'].map((c) => tr(s, `${K}.col.${c}`))];
  const n = Math.max(...cols.map((c) => c.length));
  return { columns, rows: Array.from({ length: n }, (_, i) => [i + 1, ...cols.map((c) => c[i] ?? NaN)]) };
}
