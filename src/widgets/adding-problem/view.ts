// Charts, summary and table of the adding-problem figure. Shared by build and island.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { curvesChart, neutral, perLayerChart, runColours, type Theme } from '../charts/index.ts';
import { formatNumber } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { formatLoss } from '../series/index.ts';
import { ADD_CELLS, BASELINE, hasLearned, learnedAt, onBaseline, type AddCell, type AddRun } from './model.ts';

const K = 'widget.addingProblem';
const label = (r: AddRun, s: Strings) => tr(s, `${K}.cell.${r.cell}`);

/** The recurrent chapter's colours: Okabe–Ito vermillion for the plain network, blue for the LSTM. */
export function cellColour(c: AddCell, theme: Theme): string {
  return runColours(theme)[ADD_CELLS.indexOf(c)];
}

/** Test loss of both networks over training (log scale), with the 1/6 line of always answering 1. */
export function lossChart(runs: AddRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const o = curvesChart(
    runs.map((r) => ({ key: r.cell, label: label(r, s), colour: cellColour(r.cell, theme), points: r.records.map((x) => ({ step: x.step, value: x.testLoss })) })),
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.loss`) },
    theme,
    // Log scale: the baseline (1/6) and a learned loss (10⁻³ and below) both stay readable.
    { width, height: Math.round(Math.max(220, width * 0.45)), log: true },
  );
  const muted = neutral(theme).muted;
  o.marks = [
    Plot.ruleY([BASELINE], { stroke: muted, strokeDasharray: '3 3', strokeWidth: 1.5 }),
    Plot.text([BASELINE], { x: 0, y: (d: number) => d, text: () => tr(s, `${K}.baseline`), fill: muted, textAnchor: 'start', dx: 4, dy: -8, fontSize: 11 }),
    ...((o.marks as Plot.Markish[]) ?? []),
  ];
  return o;
}

/** The latest recorded gradient through time of both networks, |dL/dh_t| against t. */
export function hiddenChart(runs: AddRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(
    runs.map((r) => ({ key: r.cell, label: label(r, s), colour: cellColour(r.cell, theme), values: r.records.at(-1)?.hidden ?? [] })),
    { title: tr(s, `${K}.chart.hidden`), x: tr(s, `${K}.axis.t`), y: tr(s, `${K}.axis.grad`) },
    theme,
    { width, height: Math.round(Math.max(220, width * 0.5)) },
  );
}

export function addSummary(runs: AddRun[], steps: number, s: Strings, lang: Lang): string {
  const [rnn, lstm] = runs;
  const parts = [
    tr(s, `${K}.summary`, {
      step: formatNumber(Math.max(rnn.step, lstm.step), lang, 0),
      steps: formatNumber(steps, lang, 0),
      rnn: formatLoss(rnn.testLoss, lang),
      lstm: formatLoss(lstm.testLoss, lang),
      baseline: formatNumber(rnn.baseline, lang, 3),
    }),
  ];
  for (const r of runs) {
    const at = learnedAt(r);
    if (hasLearned(r) && at !== null) parts.push(tr(s, `${K}.learned`, { cell: label(r, s), step: formatNumber(at, lang, 0) }));
    else if (r.step >= 500 && onBaseline(r)) parts.push(tr(s, `${K}.stuck`, { cell: label(r, s) }));
  }
  return parts.join(' ');
}

export function addTable(runs: AddRun[], s: Strings): DataTable {
  const [rnn, lstm] = runs;
  return {
    columns: [tr(s, 'kit.col.step'), tr(s, `${K}.col.rnn`), tr(s, `${K}.col.lstm`), tr(s, `${K}.col.baseline`)],
    rows: rnn.records.map((x, i) => [x.step, x.testLoss, lstm.records[i]?.testLoss ?? NaN, rnn.baseline]),
  };
}
