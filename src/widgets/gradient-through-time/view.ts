// Chart, summary and table of the gradient-through-time figure. Shared by build and island.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { logAxis, logSafe, type Theme } from '../charts/index.ts';
import { base } from '../charts/common.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { CELLS, firstToLast, perStep, type Cell, type GttResult } from './model.ts';

const K = 'widget.gradientThroughTime';

/** One colour per cell across the recurrent figures (Okabe–Ito vermillion and blue; lighter on dark). */
export function cellColour(c: Cell, theme: Theme): string {
  const light = { rnn: '#D55E00', lstm: '#0072B2' };
  const dark = { rnn: '#FF8A4C', lstm: '#56B4E9' };
  return (theme === 'dark' ? dark : light)[c];
}

export function cellLabel(c: Cell, s: Strings): string {
  return tr(s, `${K}.cell.${c}`);
}

/** |dL/dh_t| against t on a log axis; the reader reads it right to left, going back in time. */
export function throughTimeChart(r: { steps: number; hidden: Record<Cell, number[]> }, s: Strings, theme: Theme, width = 640, title = tr(s, `${K}.chart`)): PlotOptions {
  const rows = CELLS.flatMap((c) => r.hidden[c].map((v, i) => ({ t: i + 1, value: logSafe(v), cell: c })));
  const marks: Plot.Markish[] = [];
  for (const c of CELLS) {
    const own = rows.filter((d) => d.cell === c);
    marks.push(Plot.line(own, { x: 't', y: 'value', stroke: cellColour(c, theme), strokeWidth: 2.25 }));
    const first = own[0];
    if (first) marks.push(Plot.text([first], { x: 't', y: 'value', text: () => cellLabel(c, s), fill: cellColour(c, theme), textAnchor: 'start', dx: 4, dy: -9, fontWeight: 600 }));
  }
  return {
    ...base(theme, width, Math.round(Math.max(220, width * 0.5))),
    ariaLabel: title,
    x: { label: tr(s, `${K}.axis.t`), domain: [1, Math.max(2, r.steps)], grid: true },
    y: logAxis(tr(s, `${K}.axis.grad`), rows.map((d) => d.value)),
    marks,
  };
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
