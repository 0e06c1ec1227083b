// Everything the exploding-gradients figure displays, derived from the two runs: the
// step-0 error profile against its bound, the two loss curves, the two gradient norms
// against the clipping threshold, the summary and the data table. Shared by the
// build-time render, the island and the tests.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { classColours, curvesChart, neutral, perLayerChart, textColour, type Theme } from '../charts/index.ts';
import { formatLoss, thinLosses, type LossPoint } from '../series/index.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { errorProfile, globalGradNorm, initialRecord, regime, survives, type ExplodingValues, type ExplodingRunName, type ExplodingRun } from './model.ts';

const K = 'widget.explodingGradients';

export interface ExplodingCharts {
  profile: PlotOptions;
  loss: PlotOptions;
  gradNorm: PlotOptions;
}

export function runColour(run: ExplodingRunName, theme: Theme): string {
  const [orange, blue] = classColours(theme);
  return run === 'plain' ? orange : blue;
}

const runLabel = (s: Strings, run: ExplodingRunName, v: ExplodingValues, lang: Lang) =>
  tr(s, `${K}.run.${run}`, { clip: formatNumber(Number(v.clip), lang, 2) });

/** The measured profile at step 0, identical for both runs (same seed, no update yet). */
export function initialProfile(runs: ExplodingRun[]): number[] {
  const rec = initialRecord(runs[0]?.records ?? []);
  return rec ? errorProfile(rec.layers) : [];
}

export function profileChart(runs: ExplodingRun[], bound: number[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(
    [{ key: 'measured', label: tr(s, `${K}.measured`), colour: neutral(theme).accent, values: initialProfile(runs) }],
    { title: tr(s, `${K}.chart.profile`), x: tr(s, `${K}.axis.layer`), y: tr(s, `${K}.axis.ratio`), envelope: tr(s, `${K}.bound`) },
    theme,
    { envelope: bound, rule: 1, width, height: Math.round(Math.max(220, width * 0.5)) },
  );
}

export function lossPoints(r: ExplodingRun): LossPoint[] {
  return thinLosses(r.losses, r.initialLoss);
}

/** A cross at the last finite point of each diverged run, labelled with its step. */
function withDivergenceMarks(base: PlotOptions, runs: ExplodingRun[], pointsOf: (r: ExplodingRun) => LossPoint[], s: Strings, theme: Theme, lang: Lang): PlotOptions {
  const marks = [...((base.marks as Plot.Markish[]) ?? [])];
  for (const r of runs) {
    const p = r.diverged ? pointsOf(r).at(-1) : undefined;
    if (!r.diverged || !p) continue;
    const c = runColour(r.run, theme);
    marks.push(Plot.dot([p], { x: 'step', y: 'value', symbol: 'times', r: 7, stroke: c, strokeWidth: 2.5 }));
    marks.push(Plot.text([p], { x: 'step', y: 'value', text: () => tr(s, `${K}.divergedMark`, { step: formatNumber(r.diverged!.step, lang, 0) }), fill: textColour(c, theme), textAnchor: 'start', dx: 10, dy: 12, fontWeight: 600 }));
  }
  return { ...base, marks };
}

const curves = (runs: ExplodingRun[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, points: (r: ExplodingRun) => LossPoint[]) =>
  runs.map((r) => ({ key: r.run, label: runLabel(s, r.run, v, lang), colour: runColour(r.run, theme), points: points(r) }));

export function lossChart(runs: ExplodingRun[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const base = curvesChart(curves(runs, v, s, theme, lang, lossPoints), { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.lossLog`) }, theme, {
    log: true,
    minStep: 20,
    width,
    height: Math.round(Math.max(220, width * 0.42)),
  });
  return withDivergenceMarks(base, runs, lossPoints, s, theme, lang);
}

/** The global gradient norm (before clipping) at every recorded step. */
export function gradNormPoints(r: ExplodingRun): LossPoint[] {
  return r.records.map((rec) => ({ step: rec.step, value: globalGradNorm(rec.layers) })).filter((p) => Number.isFinite(p.value));
}

export function gradNormChart(runs: ExplodingRun[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const clip = Number(v.clip);
  const base = curvesChart(curves(runs, v, s, theme, lang, gradNormPoints), { title: tr(s, `${K}.chart.gradNorm`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.gradNorm`) }, theme, {
    log: true,
    minStep: 20,
    references: [{ value: clip, label: tr(s, `${K}.threshold`, { clip: formatNumber(clip, lang, 2) }) }],
    width,
    height: Math.round(Math.max(220, width * 0.42)),
  });
  return withDivergenceMarks(base, runs, gradNormPoints, s, theme, lang);
}

export function explodingCharts(runs: ExplodingRun[], bound: number[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, width = 640): ExplodingCharts {
  return {
    profile: profileChart(runs, bound, s, theme, width),
    loss: lossChart(runs, v, s, theme, lang, width),
    gradNorm: gradNormChart(runs, v, s, theme, lang, width),
  };
}

/** A loss in text; an exploded one (10⁴ and up) in scientific notation. */
const lossText = (x: number, lang: Lang) => (Number.isFinite(x) && Math.abs(x) >= 1e4 ? formatSci(x, lang) : formatLoss(x, lang));

/** Share of the hidden units' derivatives below a tenth of their maximum at step 0 (saturation). */
export function saturatedShare(runs: ExplodingRun[]): number {
  const hidden = initialRecord(runs[0]?.records ?? [])?.layers.slice(0, -1) ?? [];
  return hidden.length ? hidden.reduce((a, l) => a + l.saturatedFraction, 0) / hidden.length : 0;
}

export function explodingSummary(runs: ExplodingRun[], bound: number[], v: ExplodingValues, s: Strings, lang: Lang): string {
  const [plain, clipped] = runs;
  const measured = initialProfile(runs);
  const ratio = measured[0] ?? NaN;
  const parts = [
    tr(s, `${K}.summary.init`, {
      act: tr(s, `kit.act.${v.activation}`),
      depth: formatNumber(v.depth, lang, 0),
      scale: formatNumber(v.scale, lang, 1),
      ratio: formatSci(ratio, lang),
      bound: formatSci(bound[0] ?? NaN, lang),
    }),
    tr(s, `${K}.regime.${regime(ratio)}`),
    ...(v.activation === 'tanh' ? [tr(s, `${K}.summary.saturated`, { share: formatPercent(saturatedShare(runs), lang) })] : []),
    tr(s, `${K}.summary.step`, {
      step: formatNumber(Math.max(plain.step, clipped.step), lang, 0),
      lossP: lossText(plain.loss, lang),
      lossC: lossText(clipped.loss, lang),
      clip: formatNumber(Number(v.clip), lang, 2),
    }),
  ];
  if (plain.diverged) {
    parts.push(tr(s, `${K}.summary.diverged`, { step: formatNumber(plain.diverged.step, lang, 0) }));
    if (clipped.diverged) parts.push(tr(s, `${K}.summary.bothDiverged`, { step: formatNumber(clipped.diverged.step, lang, 0) }));
    else if (survives(clipped)) parts.push(tr(s, `${K}.summary.survives`));
  } else if (clipped.diverged) {
    parts.push(tr(s, `${K}.summary.clippedDiverged`, { step: formatNumber(clipped.diverged.step, lang, 0) }));
  }
  return parts.join(' ');
}

/** One row per layer: the step-0 ratio and its bound, and each run's ratio now. */
export function explodingTable(runs: ExplodingRun[], bound: number[], s: Strings): DataTable {
  const [plain, clipped] = runs;
  const measured = initialProfile(runs);
  const now = (r: ExplodingRun) => errorProfile(r.records.at(-1)?.layers ?? []);
  const p = now(plain);
  const c = now(clipped);
  const columns = [tr(s, 'kit.col.layer'), tr(s, `${K}.col.initial`), tr(s, `${K}.col.bound`), tr(s, `${K}.col.plainNow`), tr(s, `${K}.col.clippedNow`)];
  const rows = measured.map((m, i) => [i + 1, m, bound[i] ?? NaN, p[i] ?? NaN, c[i] ?? NaN]);
  return { columns, rows };
}
