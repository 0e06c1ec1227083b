// Everything the exploding-gradients figure displays, derived from the two runs: the
// step-0 error profile against its bound, the two loss curves, the two gradient norms
// against the clipping threshold, the summary and the data table. Shared by the
// build-time render, the island and the tests.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { classColours, curvesChart, logAxis, logSafe, neutral, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { errorProfile, globalGradNorm, initialRecord, regime, survives, type ExplodingValues, type RunName, type RunView } from './model.ts';

const K = 'widget.explodingGradients';

export interface ExplodingCharts {
  profile: PlotOptions;
  loss: PlotOptions;
  gradNorm: PlotOptions;
}

export function runColour(run: RunName, theme: Theme): string {
  const [orange, blue] = classColours(theme);
  return run === 'plain' ? orange : blue;
}

const runLabel = (s: Strings, run: RunName, v: ExplodingValues, lang: Lang) =>
  tr(s, `${K}.run.${run}`, { clip: formatNumber(Number(v.clip), lang, 2) });

/** The measured profile at step 0, identical for both runs (same seed, no update yet). */
export function initialProfile(runs: RunView[]): number[] {
  const rec = initialRecord(runs[0]?.records ?? []);
  return rec ? errorProfile(rec.layers) : [];
}

export function profileChart(runs: RunView[], bound: number[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const measured = initialProfile(runs);
  const colour = theme === 'dark' ? '#e6e6e6' : '#1a1a1a';
  return perLayerChart(
    [{ key: 'measured', label: tr(s, `${K}.measured`), colour, values: measured }],
    { title: tr(s, `${K}.chart.profile`), x: tr(s, `${K}.axis.layer`), y: tr(s, `${K}.axis.ratio`), envelope: tr(s, `${K}.bound`) },
    theme,
    { envelope: bound, width, height: Math.round(Math.max(220, width * 0.5)) },
  );
}

/** Losses at every step up to ~400 points, the first (step 0) and the last always kept. */
export function lossPoints(r: RunView): { step: number; value: number }[] {
  const out = [{ step: 0, value: r.initialLoss }];
  const n = r.losses.length;
  const stride = Math.max(1, Math.ceil(n / 400));
  for (let i = stride - 1; i < n; i += stride) out.push({ step: i + 1, value: r.losses[i] });
  if (n && out.at(-1)!.step !== n) out.push({ step: n, value: r.losses[n - 1] });
  return out.filter((p) => Number.isFinite(p.value));
}

/** Where a diverged run's curve stops: its last finite point. */
function divergencePoint(points: { step: number; value: number }[]) {
  return points.at(-1);
}

function stepDomain(runs: RunView[]): [number, number] {
  return [0, Math.max(10, ...runs.map((r) => r.step))];
}

function withDivergenceMarks(base: PlotOptions, runs: RunView[], pointsOf: (r: RunView) => { step: number; value: number }[], s: Strings, theme: Theme, lang: Lang): PlotOptions {
  const marks = [...((base.marks as Plot.Markish[]) ?? [])];
  for (const r of runs) {
    if (!r.diverged) continue;
    const p = divergencePoint(pointsOf(r));
    if (!p) continue;
    const c = runColour(r.run, theme);
    marks.push(Plot.dot([p], { x: 'step', y: (d: { value: number }) => logSafe(d.value), symbol: 'times', r: 7, stroke: c, strokeWidth: 2.5 }));
    marks.push(
      Plot.text([p], { x: 'step', y: (d: { value: number }) => logSafe(d.value), text: () => tr(s, `${K}.divergedMark`, { step: formatNumber(r.diverged!.step, lang, 0) }), fill: c, textAnchor: 'start', dx: 10, fontWeight: 600 }),
    );
  }
  return { ...base, x: { ...(base.x as object), domain: stepDomain(runs) }, marks };
}

export function lossChart(runs: RunView[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const base = curvesChart(
    runs.map((r) => ({ key: r.run, label: runLabel(s, r.run, v, lang), colour: runColour(r.run, theme), points: lossPoints(r) })),
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.lossLog`) },
    theme,
    { log: true, width, height: Math.round(Math.max(220, width * 0.42)) },
  );
  return withDivergenceMarks(base, runs, lossPoints, s, theme, lang);
}

/** The global gradient norm (before clipping) at every recorded step. */
export function gradNormPoints(r: RunView): { step: number; value: number }[] {
  return r.records.map((rec) => ({ step: rec.step, value: globalGradNorm(rec.layers) })).filter((p) => Number.isFinite(p.value));
}

export function gradNormChart(runs: RunView[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const clip = Number(v.clip);
  const base = curvesChart(
    runs.map((r) => ({ key: r.run, label: runLabel(s, r.run, v, lang), colour: runColour(r.run, theme), points: gradNormPoints(r) })),
    { title: tr(s, `${K}.chart.gradNorm`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.gradNorm`) },
    theme,
    { log: true, width, height: Math.round(Math.max(220, width * 0.42)) },
  );
  const all = [...runs.flatMap((r) => gradNormPoints(r).map((p) => logSafe(p.value))), clip];
  const muted = neutral(theme).muted;
  const withRule = {
    ...base,
    y: logAxis(tr(s, `${K}.axis.gradNorm`), all),
    marks: [
      Plot.ruleY([clip], { stroke: muted, strokeDasharray: '4 4', strokeWidth: 1.5 }),
      Plot.text([clip], { x: 0, y: (d: number) => d, text: () => tr(s, `${K}.threshold`, { clip: formatNumber(clip, lang, 2) }), fill: muted, textAnchor: 'start', dx: 4, dy: -7 }),
      ...((base.marks as Plot.Markish[]) ?? []),
    ],
  };
  return withDivergenceMarks(withRule, runs, gradNormPoints, s, theme, lang);
}

export function explodingCharts(runs: RunView[], bound: number[], v: ExplodingValues, s: Strings, theme: Theme, lang: Lang, width = 640): ExplodingCharts {
  return {
    profile: profileChart(runs, bound, s, theme, width),
    loss: lossChart(runs, v, s, theme, lang, width),
    gradNorm: gradNormChart(runs, v, s, theme, lang, width),
  };
}

/** A loss for the summary: three decimals, or scientific notation outside [0.01, 10⁴). */
export function formatLoss(x: number, lang: Lang): string {
  return Number.isFinite(x) && x !== 0 && (Math.abs(x) < 0.01 || Math.abs(x) >= 1e4) ? formatSci(x, lang) : formatNumber(x, lang, 3);
}

export function explodingSummary(runs: RunView[], bound: number[], v: ExplodingValues, s: Strings, lang: Lang): string {
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
    tr(s, `${K}.summary.step`, {
      step: formatNumber(Math.max(plain.step, clipped.step), lang, 0),
      lossP: formatLoss(plain.loss, lang),
      lossC: formatLoss(clipped.loss, lang),
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
export function explodingTable(runs: RunView[], bound: number[], s: Strings): DataTable {
  const [plain, clipped] = runs;
  const measured = initialProfile(runs);
  const now = (r: RunView) => errorProfile(r.records.at(-1)?.layers ?? []);
  const p = now(plain);
  const c = now(clipped);
  const columns = [tr(s, 'kit.col.layer'), tr(s, `${K}.col.initial`), tr(s, `${K}.col.bound`), tr(s, `${K}.col.plainNow`), tr(s, `${K}.col.clippedNow`)];
  const rows = measured.map((m, i) => [i + 1, m, bound[i] ?? NaN, p[i] ?? NaN, c[i] ?? NaN]);
  return { columns, rows };
}
