/**
 * The reader's own points in a share link, compactly: each point is three base-36 fields
 * "x.y.c" with x and y in hundredths, joined by "_" (about 10 characters a point). Only small
 * sets go into a link (SHARE_MAX_POINTS); a larger one is left out with a notice. A tampered
 * value is refused whole, with a notice, and the lab keeps its built-in data.
 */
import { COORD_LIMIT } from './csv.ts';
import type { LabPoint } from './settings.ts';

/** The URL key (outside the `lab.` settings, which the kit's table reads and checks). */
export const POINTS_KEY = 'labpts';
export const SHARE_MAX_POINTS = 200;
const SCALE = 100;

const field = (v: number) => Math.round(v * SCALE).toString(36);

export function encodePoints(points: readonly LabPoint[]): string | null {
  if (points.length > SHARE_MAX_POINTS) return null;
  return points.map((p) => `${field(p.x)}.${field(p.y)}.${p.label}`).join('_');
}

const FIELD = /^-?[0-9a-z]{1,4}$/;

/** The points of a link's value, or null when any part of it is not a valid point. */
export function decodePoints(raw: string): LabPoint[] | null {
  if (raw === '') return [];
  const parts = raw.split('_');
  if (parts.length > SHARE_MAX_POINTS) return null;
  const out: LabPoint[] = [];
  for (const part of parts) {
    const f = part.split('.');
    if (f.length !== 3 || !FIELD.test(f[0]) || !FIELD.test(f[1]) || (f[2] !== '0' && f[2] !== '1')) return null;
    const x = parseInt(f[0], 36) / SCALE;
    const y = parseInt(f[1], 36) / SCALE;
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > COORD_LIMIT || Math.abs(y) > COORD_LIMIT) return null;
    out.push({ x, y, label: f[2] === '1' ? 1 : 0 });
  }
  return out;
}

/** Rounds a point to what a link can carry, so a shared experiment trains on the same data. */
export function snapPoint(p: LabPoint): LabPoint {
  return { x: Math.round(p.x * SCALE) / SCALE, y: Math.round(p.y * SCALE) / SCALE, label: p.label };
}

/** The point nearest to (x, y) within `radius`, by index, or -1. */
export function nearestPoint(points: readonly LabPoint[], x: number, y: number, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  points.forEach((p, i) => {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}
