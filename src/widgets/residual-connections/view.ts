// Everything the residual figure displays, derived from the two runs: the loss curves
// against ln 2, the per-layer backpropagated error (now and at step 0), the per-layer
// drift from the initial weights, the summary and the data table.
import type { Lang } from '../../i18n/index.ts';
import { classColours, curvesChart, perLayerChart, type Theme } from '../charts/index.ts';
import { LN2, errorRms, formatLoss, thinLosses, type LossPoint } from '../series/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { MAX_STEPS, firstToOutput, initialRecord, latestDrift, latestRecord, stalled, trains, type ResidualValues, type ResidualRunName, type ResidualRun } from './model.ts';

const K = 'widget.residualConnections';

export interface ResidualCharts {
  loss: PlotOptions;
  errors: PlotOptions;
  drift: PlotOptions;
}

export function runColour(run: ResidualRunName, theme: Theme): string {
  const [orange, blue] = classColours(theme);
  return run === 'plain' ? orange : blue;
}

const runLabel = (s: Strings, run: ResidualRunName) => tr(s, `${K}.run.${run}`);

export function lossPoints(r: ResidualRun): LossPoint[] {
  return thinLosses(r.losses, r.initialLoss);
}

export function lossChart(runs: ResidualRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return curvesChart(
    runs.map((r) => ({ key: r.run, label: runLabel(s, r.run), colour: runColour(r.run, theme), points: lossPoints(r) })),
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    // The full budget from the start, so the curves grow into the chart instead of rescaling it.
    { zero: true, minStep: MAX_STEPS, references: [{ value: LN2, label: tr(s, `${K}.chance`) }], width, height: Math.round(Math.max(220, width * 0.42)) },
  );
}

/** Both networks' error per layer now (solid, dots) and at step 0 (dashed), on one log axis. */
export function errorsChart(runs: ResidualRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const series = runs.flatMap((r) => [
    { key: `${r.run}0`, label: '', colour: runColour(r.run, theme), values: errorRms(initialRecord(r.records)?.layers ?? []), dashed: true },
    { key: r.run, label: runLabel(s, r.run), colour: runColour(r.run, theme), values: errorRms(latestRecord(r.records)?.layers ?? []) },
  ]);
  return perLayerChart(series, { title: tr(s, `${K}.chart.errors`), x: tr(s, `${K}.axis.layer`), y: tr(s, `${K}.axis.error`) }, theme, { width, height: Math.round(Math.max(220, width * 0.5)) });
}

/**
 * Drift from the initial weights per layer. A layer that never moved has drift 0, which a
 * log axis cannot show: perLayerChart draws it on the floor, a decade below the smallest drift.
 */
export function driftChart(runs: ResidualRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const series = runs.map((r) => ({ key: r.run, label: runLabel(s, r.run), colour: runColour(r.run, theme), values: latestDrift(r) }));
  return perLayerChart(series, { title: tr(s, `${K}.chart.drift`), x: tr(s, `${K}.axis.layer`), y: tr(s, `${K}.axis.drift`) }, theme, { width, height: Math.round(Math.max(220, width * 0.5)) });
}

export function residualCharts(runs: ResidualRun[], s: Strings, theme: Theme, width = 640): ResidualCharts {
  return { loss: lossChart(runs, s, theme, width), errors: errorsChart(runs, s, theme, width), drift: driftChart(runs, s, theme, width) };
}

export function residualSummary(runs: ResidualRun[], v: ResidualValues, s: Strings, lang: Lang): string {
  const [plain, res] = runs;
  const first = (r: ResidualRun) => firstToOutput(initialRecord(r.records)?.layers ?? []);
  const drift0 = (r: ResidualRun) => latestDrift(r)[0] ?? NaN;
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
export function residualTable(runs: ResidualRun[], s: Strings): DataTable {
  const [plain, res] = runs;
  const e0 = (r: ResidualRun) => errorRms(initialRecord(r.records)?.layers ?? []);
  const e = (r: ResidualRun) => errorRms(latestRecord(r.records)?.layers ?? []);
  const cols = [e0(plain), e0(res), e(plain), e(res), latestDrift(plain), latestDrift(res)];
  const columns = [tr(s, 'kit.col.layer'), ...['plainStart', 'residualStart', 'plainNow', 'residualNow', 'plainDrift', 'residualDrift'].map((c) => tr(s, `${K}.col.${c}`))];
  const n = Math.max(...cols.map((c) => c.length));
  return { columns, rows: Array.from({ length: n }, (_, i) => [i + 1, ...cols.map((c) => c[i] ?? NaN)]) };
}
