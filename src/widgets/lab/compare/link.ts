/**
 * An A/B comparison in the share link. A is the lab's own settings (`lab.<name>`); B is
 * written as the settings where it differs from A (`labB.<name>`), plus `labB.compare=1` so
 * a comparison whose sides are still equal survives a reload. The prefix is not `lab.`, so
 * the lab's own reader never mistakes a B field for one of its own. B's fields go through
 * kit/params.ts like every other field: out of range is clamped, unusable is refused, and
 * each one becomes a notice.
 */
import { encodeValue, readState, type UrlNotice } from '../../kit/params.ts';
import { LAB_SCHEMA, type LabValues } from '../settings.ts';
import { COMPARED_KEYS, type LabKey } from './diff.ts';

export const LAB_B_ID = 'labB';

/** B's link fields: every setting a comparison can differ in, and the switch itself. */
export const LAB_B_SCHEMA = {
  ...Object.fromEntries(COMPARED_KEYS.map((k) => [k, LAB_SCHEMA[k]])),
  compare: { kind: 'bool', default: false },
} as Record<LabKey | 'compare', (typeof LAB_SCHEMA)[LabKey] | { kind: 'bool'; default: boolean }>;

/** B as the settings where it differs from A. */
export type Overrides = Partial<LabValues>;

export interface ParsedCompare {
  /** Null when the link holds no comparison. */
  overrides: Overrides | null;
  rejected: UrlNotice[];
}

/** Reads B from a query string. Never throws; a tampered field keeps A's value for B. */
export function readCompare(search: string): ParsedCompare {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { overrides: null, rejected: [] };
  }
  const prefix = `${LAB_B_ID}.`;
  const keys = [...params.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  if (keys.length === 0) return { overrides: null, rejected: [] };
  const parsed = readState(LAB_B_SCHEMA, LAB_B_ID, search);
  const refused = new Set(parsed.rejected.filter((n) => n.action === 'ignored').map((n) => n.name));
  const overrides: Overrides = {};
  for (const k of keys) {
    if (k === 'compare' || refused.has(k) || !Object.hasOwn(LAB_B_SCHEMA, k)) continue;
    (overrides as Record<string, unknown>)[k] = (parsed.values as Record<string, unknown>)[k];
  }
  const on = parsed.values.compare === true || Object.keys(overrides).length > 0;
  return { overrides: on ? overrides : null, rejected: parsed.rejected };
}

/** B's settings: A's, with B's own where it has them. */
export const sideB = (a: LabValues, overrides: Overrides): LabValues => ({ ...a, ...overrides });

/** The overrides that still differ from A (an override equal to A says nothing). */
export function pruneOverrides(a: LabValues, overrides: Overrides): Overrides {
  const out: Overrides = {};
  for (const [k, v] of Object.entries(overrides) as [LabKey, LabValues[LabKey]][]) if (a[k] !== v) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Writes B into a query string (null: no comparison), keeping every other key. */
export function writeCompare(a: LabValues, overrides: Overrides | null, search: string): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(`${LAB_B_ID}.`)) params.delete(key);
  if (overrides) {
    params.set(`${LAB_B_ID}.compare`, '1');
    const kept = pruneOverrides(a, overrides);
    for (const k of COMPARED_KEYS) if (Object.hasOwn(kept, k)) params.set(`${LAB_B_ID}.${k}`, encodeValue(LAB_SCHEMA[k], kept[k]));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
