/**
 * The reader's own data as CSV: columns x, y, label (a header row is optional). Every row is
 * checked on its own; a bad row is named by its line number and skipped, never silently
 * dropped, and there is a limit on size with its own message. Pure, so it is unit-tested.
 */
import type { LabPoint } from './settings.ts';

/** At most this many points in the lab's own data set (the boundary chart stays readable). */
export const CSV_MAX_POINTS = 500;
/** At most this many characters of pasted or uploaded text (about 20 KB). */
export const CSV_MAX_CHARS = 20_000;
/** Coordinates are kept within the boundary chart's frame, with some room. */
export const COORD_LIMIT = 5;

export type CsvProblem =
  | { line: number; reason: 'columns' }
  | { line: number; reason: 'number' }
  | { line: number; reason: 'label' }
  | { line: number; reason: 'range' };

export interface CsvResult {
  points: LabPoint[];
  /** Bad rows, in order (at most MAX_LISTED are kept; `problemCount` counts them all). */
  problems: CsvProblem[];
  problemCount: number;
  /** Rows left out because the data set was already at CSV_MAX_POINTS. */
  overLimit: number;
  /** The text was longer than CSV_MAX_CHARS and was refused whole. */
  tooLong: boolean;
}

const MAX_LISTED = 8;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const HEADER = /^\s*["']?x["']?\s*[,;\t]\s*["']?y["']?\s*[,;\t]\s*["']?(label|class|y2|c)["']?\s*$/i;

function cellNumber(raw: string): number {
  const t = raw.trim().replace(/^["']|["']$/g, '');
  return NUMBER.test(t) ? Number(t) : NaN;
}

/**
 * Parses CSV text (comma, semicolon or tab separated; a decimal comma only with ; or tab).
 * `existing` is how many points the data set already holds, for the size limit.
 */
export function parseCsv(text: string, existing = 0): CsvResult {
  const out: CsvResult = { points: [], problems: [], problemCount: 0, overLimit: 0, tooLong: false };
  if (text.length > CSV_MAX_CHARS) return { ...out, tooLong: true };
  const lines = text.split(/\r\n|\r|\n/);
  const problem = (p: CsvProblem) => {
    out.problemCount++;
    if (out.problems.length < MAX_LISTED) out.problems.push(p);
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const row = raw.trim();
    if (row === '' || row.startsWith('#')) return;
    if (line === 1 && HEADER.test(row)) return;
    const sep = row.includes(';') ? ';' : row.includes('\t') ? '\t' : ',';
    const cells = row.split(sep).map((c) => (sep === ',' ? c : c.replace(',', '.')));
    if (cells.length !== 3) return problem({ line, reason: 'columns' });
    const [x, y, label] = cells.map(cellNumber);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Number.isNaN(label)) return problem({ line, reason: 'number' });
    if (label !== 0 && label !== 1) return problem({ line, reason: 'label' });
    if (Math.abs(x) > COORD_LIMIT || Math.abs(y) > COORD_LIMIT) return problem({ line, reason: 'range' });
    if (existing + out.points.length >= CSV_MAX_POINTS) {
      out.overLimit++;
      return;
    }
    out.points.push({ x, y, label: label as 0 | 1 });
  });
  return out;
}

/** The points as CSV, the same format parseCsv reads. */
export function pointsToCsv(points: readonly LabPoint[]): string {
  return ['x,y,label', ...points.map((p) => `${p.x},${p.y},${p.label}`)].join('\n') + '\n';
}
