/** The plotted values of a figure, as a table: shown under "Show data" and exported. */
export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with full-precision numbers (a spreadsheet can format them; we do not round data away). */
export function toCsv(t: DataTable): string {
  return [t.columns, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function toJson(t: DataTable, meta: Record<string, unknown>): string {
  const rows = t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
  return JSON.stringify({ ...meta, rows }, null, 2);
}
