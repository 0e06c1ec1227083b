// Chart, summary and table of the gradient-through-time figure. Shared by build and island.
import type { Lang } from '../../i18n/index.ts';
import { perLayerChart, runColours, type Theme } from '../charts/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { firstToLast } from '../series/index.ts';
import { CELLS, perStep, type Cell, type GttResult } from './model.ts';

const K = 'widget.gradientThroughTime';

/** One colour per cell across the recurrent figures (Okabe–Ito vermillion and blue; lighter on dark). */
export function cellColour(c: Cell, theme: Theme): string {
  return runColours(theme)[CELLS.indexOf(c)];
}

export function cellLabel(c: Cell, s: Strings): string {
  return tr(s, `${K}.cell.${c}`);
}

/** |dL/dh_t| against t on a log axis; the reader reads it right to left, going back in time. */
export function throughTimeChart(r: { steps: number; hidden: Record<Cell, number[]> }, s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(
    CELLS.map((c) => ({ key: c, label: cellLabel(c, s), colour: cellColour(c, theme), values: r.hidden[c] })),
    { title: tr(s, `${K}.chart`), x: tr(s, `${K}.axis.t`), y: tr(s, `${K}.axis.grad`) },
    theme,
    { width, height: Math.round(Math.max(220, width * 0.5)) },
  );
}

export function gttSummary(r: GttResult, s: Strings, lang: Lang): string {
  return tr(s, `${K}.summary`, {
    steps: formatNumber(r.steps, lang, 0),
    rnn: formatSci(firstToLast(r.hidden.rnn), lang),
    lstm: formatSci(firstToLast(r.hidden.lstm), lang),
    rnnStep: formatNumber(perStep(r.hidden.rnn), lang, 3),
    lstmStep: formatNumber(perStep(r.hidden.lstm), lang, 3),
  });
}

export function gttTable(r: GttResult, s: Strings): DataTable {
  return {
    columns: [tr(s, `${K}.col.t`), tr(s, `${K}.col.rnn`), tr(s, `${K}.col.lstm`)],
    rows: r.hidden.rnn.map((v, i) => [i + 1, v, r.hidden.lstm[i]]),
  };
}
