// Charts, status line, summary and table of the lab's recurrent part. Shared by build and island.
import type { Lang } from '../../i18n/index.ts';
import { curvesChart, perLayerChart, runColours, type LayerSeries, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { formatLoss } from '../series/index.ts';
import { reachRatio, seqStatus, type SeqCell, type SeqRun, type SeqStatus } from './model.ts';

const K = 'widget.sequenceLab';
type SeqTask = 'adding' | 'firstBit';

/** The recurrent chapter's colours: vermillion for the plain network, blue for the LSTM, whichever are compared. */
export function seqColour(c: SeqCell, theme: Theme): string {
  return runColours(theme)[c === 'rnn' ? 0 : 1];
}

const label = (c: SeqCell, s: Strings) => tr(s, `${K}.cell.${c}`);
/** On a phone the direct labels take the short names, so the plot keeps most of the width. */
const NARROW = 480;
const chartLabel = (c: SeqCell, s: Strings, width: number) => tr(s, `${K}.${width < NARROW ? 'cellShort' : 'cell'}.${c}`);
/** A sentence that starts with a cell's name starts with a capital ("plain RNN" -> "Plain RNN"). */
const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const heightOf = (width: number, k: number) => Math.round(Math.max(220, width * k));

/** Test loss per cell over training, log scale, against the loss of answering the average. */
export function seqLossChart(runs: SeqRun[], task: SeqTask, s: Strings, theme: Theme, width = 640): PlotOptions {
  return curvesChart(
    runs.map((r) => ({ key: r.cell, label: chartLabel(r.cell, s, width), colour: seqColour(r.cell, theme), points: r.records.map((x) => ({ step: x.step, value: x.testLoss })) })),
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.loss.${task}`) },
    theme,
    // Log scale: the baseline and a learned loss (10⁻³ and below) both stay readable.
    { width, height: heightOf(width, 0.45), log: true, references: runs[0] ? [{ value: runs[0].baseline, label: tr(s, `${K}.baseline.${task}`) }] : [] },
  );
}

/** Test accuracy per cell (firstBit only: the output read as a guess of the first input), against chance. */
export function seqAccuracyChart(runs: SeqRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return curvesChart(
    runs.map((r) => ({ key: r.cell, label: chartLabel(r.cell, s, width), colour: seqColour(r.cell, theme), points: r.records.map((x) => ({ step: x.step, value: x.testAccuracy ?? NaN })) })),
    { title: tr(s, `${K}.chart.accuracy`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.accuracy`) },
    theme,
    { width, height: heightOf(width, 0.4), yDomain: [0, 1], references: [{ value: 0.5, label: tr(s, `${K}.chance`) }] },
  );
}

/**
 * The phenomenon: RMS of dL/dhₜ against t for each cell, now (solid) and at step 0 (dashed),
 * on a log axis. Read right to left it is the gradient travelling back in time.
 */
export function seqThroughTimeChart(runs: SeqRun[], s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  return perLayerChart(
    runs.flatMap((r) => {
      const colour = seqColour(r.cell, theme);
      const now = r.records.at(-1);
      const start = r.records[0];
      const narrow = width < NARROW;
      const cell = chartLabel(r.cell, s, width);
      const series: LayerSeries[] = [{ key: `${r.cell}-now`, label: tr(s, `${K}.${narrow ? 'nowShort' : 'now'}`, { cell, step: formatNumber(now?.step ?? 0, lang, 0) }), colour, values: now?.hidden ?? [] }];
      if (start && now && now.step > 0) series.push({ key: `${r.cell}-0`, label: tr(s, `${K}.${narrow ? 'atStartShort' : 'atStart'}`, { cell }), colour, values: start.hidden, dashed: true });
      return series;
    }),
    { title: tr(s, `${K}.chart.throughTime`), x: tr(s, `${K}.axis.t`), y: tr(s, `${K}.axis.grad`) },
    theme,
    { width, height: heightOf(width, 0.5), empty: tr(s, `${K}.empty`) },
  );
}

export interface SeqCharts {
  loss: PlotOptions;
  throughTime: PlotOptions;
  accuracy: PlotOptions | null;
}

export function seqCharts(runs: SeqRun[], task: SeqTask, s: Strings, theme: Theme, lang: Lang, width = 640): SeqCharts {
  return {
    loss: seqLossChart(runs, task, s, theme, width),
    throughTime: seqThroughTimeChart(runs, s, theme, lang, width),
    accuracy: task === 'firstBit' ? seqAccuracyChart(runs, s, theme, width) : null,
  };
}

/** How much gradient reaches t = 1 against the last step, in words when there is none to compare. */
const ratioText = (x: number, s: Strings, lang: Lang): string => (Number.isFinite(x) ? formatSci(x, lang) : tr(s, `${K}.noRatio`));

/** One sentence per cell: what is happening to it, with the numbers the charts draw. */
export function seqStatusLine(runs: SeqRun[], s: Strings, lang: Lang): { text: string; statuses: SeqStatus[] } {
  const statuses = runs.map(seqStatus);
  const text = runs
    .map((r, i) => {
      const vars = {
        cell: label(r.cell, s),
        step: formatNumber(r.diverged?.step ?? r.step, lang, 0),
        loss: formatLoss(r.testLoss, lang),
        baseline: formatNumber(r.baseline, lang, 3),
        ratio: ratioText(reachRatio(r.records.at(-1)), s, lang),
      };
      const line = sentence(tr(s, `${K}.status.${statuses[i]}`, vars));
      // A run stuck on the baseline whose gradient also vanishes through time: say both, the second is the cause.
      return statuses[i] === 'stuck' && reachRatio(r.records.at(-1)) < 1e-3 ? `${line} ${tr(s, `${K}.status.because`, vars)}` : line;
    })
    .join(' ');
  return { text, statuses };
}

export function seqSummary(runs: SeqRun[], task: SeqTask, steps: number, s: Strings, lang: Lang): string {
  const step = Math.max(0, ...runs.map((r) => r.step));
  const parts = [tr(s, `${K}.summary`, { step: formatNumber(step, lang, 0), task: tr(s, `${K}.task.${task}`), steps: formatNumber(steps, lang, 0), baseline: formatNumber(runs[0]?.baseline ?? NaN, lang, 3) })];
  for (const r of runs) {
    const last = r.records.at(-1);
    const first = r.records[0];
    parts.push(
      sentence(tr(s, `${K}.summaryCell`, {
        cell: label(r.cell, s),
        loss: formatLoss(r.testLoss, lang),
        ratio0: ratioText(reachRatio(first), s, lang),
        ratio: ratioText(reachRatio(last), s, lang),
      })) + (last?.testAccuracy !== undefined ? ` ${tr(s, `${K}.summaryAccuracy`, { accuracy: formatPercent(last.testAccuracy, lang) })}` : ''),
    );
  }
  return parts.join(' ');
}

/** Per record: the step, then each cell's test loss, its accuracy (firstBit) and how much gradient reaches t = 1. */
export function seqTable(runs: SeqRun[], s: Strings): DataTable {
  const accuracy = runs.some((r) => r.records.some((x) => x.testAccuracy !== undefined));
  const columns = [tr(s, 'kit.col.step')];
  for (const r of runs) {
    const vars = { cell: label(r.cell, s) };
    columns.push(tr(s, `${K}.col.loss`, vars));
    if (accuracy) columns.push(tr(s, `${K}.col.accuracy`, vars));
    columns.push(tr(s, `${K}.col.ratio`, vars));
  }
  const n = Math.max(0, ...runs.map((r) => r.records.length));
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (string | number)[] = [runs.find((r) => r.records[i])?.records[i].step ?? NaN];
    for (const r of runs) {
      const x = r.records[i];
      row.push(x?.testLoss ?? NaN);
      if (accuracy) row.push(x?.testAccuracy ?? NaN);
      row.push(reachRatio(x));
    }
    rows.push(row);
  }
  return { columns, rows };
}
