import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { CSV_MAX_CHARS, CSV_MAX_POINTS, parseCsv, pointsToCsv } from '../../../src/widgets/lab/csv.ts';
import { csvMessages } from '../../../src/widgets/lab/CsvImport.tsx';
import { SHARE_MAX_POINTS, decodePoints, encodePoints, nearestPoint, snapPoint } from '../../../src/widgets/lab/points.ts';

describe('CSV of the reader\'s points', () => {
  it('reads x, y, label rows with or without a header, skipping blank lines and comments', () => {
    const r = parseCsv('x,y,label\n0.5,-0.25,1\n\n# a comment\n-1,1,0\n');
    expect(r.points).toEqual([{ x: 0.5, y: -0.25, label: 1 }, { x: -1, y: 1, label: 0 }]);
    expect(r.problems).toEqual([]);
  });

  it('names every bad row by its line and reason, and keeps the good ones', () => {
    const r = parseCsv('x,y,label\n0,0,1\n1,2\nfoo,1,0\n0.1,0.2,2\n9,0,1\n0.3,0.3,0');
    expect(r.points).toHaveLength(2);
    expect(r.problems).toEqual([
      { line: 3, reason: 'columns' },
      { line: 4, reason: 'number' },
      { line: 5, reason: 'label' },
      { line: 6, reason: 'range' },
    ]);
    const en = { ...pick('en', 'widget.lab.') };
    const messages = csvMessages(r, en, 'en');
    expect(messages[0]).toBe('2 points read.');
    expect(messages.slice(1).map((m) => m.match(/Line (\d+)/)?.[1])).toEqual(['3', '4', '5', '6']);
  });

  it('reads semicolon-separated rows with a decimal comma (a Spanish spreadsheet)', () => {
    expect(parseCsv('0,5;-0,25;1').points).toEqual([{ x: 0.5, y: -0.25, label: 1 }]);
  });

  it('stops at the size limit and says how many were left out', () => {
    const text = Array.from({ length: CSV_MAX_POINTS + 7 }, (_, i) => `${(i % 100) / 100},0,${i % 2}`).join('\n');
    const r = parseCsv(text);
    expect(r.points).toHaveLength(CSV_MAX_POINTS);
    expect(r.overLimit).toBe(7);
    expect(parseCsv('0,0,1\n0,1,0', CSV_MAX_POINTS - 1).overLimit).toBe(1);
  });

  it('refuses text over the character limit whole', () => {
    const r = parseCsv('0,0,1\n'.repeat(Math.ceil(CSV_MAX_CHARS / 6) + 1));
    expect(r.tooLong).toBe(true);
    expect(r.points).toEqual([]);
  });

  it('writes what it reads', () => {
    const pts = [{ x: 0.25, y: -1.5, label: 1 as const }, { x: 0, y: 0, label: 0 as const }];
    expect(parseCsv(pointsToCsv(pts)).points).toEqual(pts);
  });
});

describe('points in a share link', () => {
  const pts = [{ x: 0.25, y: -1.5, label: 1 as const }, { x: -1.23, y: 0.07, label: 0 as const }];

  it('round-trips and stays short (about ten characters a point)', () => {
    const s = encodePoints(pts)!;
    expect(decodePoints(s)).toEqual(pts);
    expect(s.length).toBeLessThan(12 * pts.length);
  });

  it('leaves out a set too big for a link', () => {
    const many = Array.from({ length: SHARE_MAX_POINTS + 1 }, () => pts[0]);
    expect(encodePoints(many)).toBeNull();
  });

  it('refuses a tampered value whole', () => {
    for (const bad of ['1.2', '1.2.3', 'zzzzz.0.1', '1.2.1_<script>', `${'a.b.1_'.repeat(SHARE_MAX_POINTS)}a.b.1`, 'zzz.0.1']) expect(decodePoints(bad), bad).toBeNull();
  });

  it('snaps points to what a link carries, and finds the nearest point within a radius', () => {
    expect(snapPoint({ x: 0.123456, y: -0.987, label: 1 })).toEqual({ x: 0.12, y: -0.99, label: 1 });
    expect(nearestPoint(pts, 0.3, -1.45, 0.1)).toBe(0);
    expect(nearestPoint(pts, 1, 1, 0.1)).toBe(-1);
  });
});
