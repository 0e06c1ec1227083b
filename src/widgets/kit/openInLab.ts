/**
 * "Open in the lab": a chapter figure's exact experiment as a link to the lab. One session is
 * the lab's settings; a figure that trains a pair opens it as an A/B comparison (its first
 * two sessions: A, and B as B's differences). A plain link, so it opens in a new tab,
 * can be copied, and survives the language switch like every share link.
 */
import type { Lang } from '../../i18n/index.ts';
import type { SessionConfig } from '../runner/session.ts';
import { LAB_DEFAULTS, labHref, labStateFromConfig, type LabValues } from '../lab/settings.ts';
import { COMPARED_KEYS } from '../lab/compare/diff.ts';
import { writeCompare, type Overrides } from '../lab/compare/link.ts';

/** The lab settings of one figure session, complete (the lab's defaults where it says nothing). */
export const labValuesOf = (c: SessionConfig): LabValues => ({ ...LAB_DEFAULTS, ...labStateFromConfig(c) });

/** The lab address for a figure's sessions (one, or a pair compared as A/B). */
export function openInLabHref(lang: Lang, lab: SessionConfig | readonly SessionConfig[]): string {
  const configs = Array.isArray(lab) ? lab : [lab as SessionConfig];
  const a = labValuesOf(configs[0]);
  const href = labHref(lang, a);
  if (configs.length < 2) return href;
  const b = labValuesOf(configs[1]);
  const overrides: Overrides = {};
  for (const k of COMPARED_KEYS) if (a[k] !== b[k]) (overrides as Record<string, unknown>)[k] = b[k];
  const hashAt = href.indexOf('#');
  const path = hashAt < 0 ? href : href.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const q = path.indexOf('?');
  const search = writeCompare(a, overrides, q < 0 ? '' : path.slice(q));
  return `${q < 0 ? path : path.slice(0, q)}${search}${hash}`;
}
