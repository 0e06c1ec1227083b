/**
 * "Open in the lab": a chapter figure's exact experiment as a link to the lab. One session is
 * the lab's settings; a figure that trains a pair opens it as an A/B comparison (its first
 * two sessions: A, and B as B's differences). A plain link, so it opens in a new tab,
 * can be copied, and survives the language switch like every share link.
 *
 * Why the lab's link format is written out here instead of imported from lab/settings.ts: the
 * kit sits below every figure, and the lab is a figure. Importing its settings put the lab's
 * whole settings module, its comparison wording and, through them, the library's network code
 * into every figure page (about 3 KB gzip on each). What a link needs is small: each setting's
 * default and, for numbers, the grid the lab snaps to. tests/unit/kit/open-in-lab.test.ts holds
 * this table equal to LAB_SCHEMA, key by key and in order, and the links equal to the ones the
 * lab writes itself, so the two cannot drift apart.
 */
import type { ActivationName } from '../../lib/index.ts';
import type { Lang } from '../../i18n/index.ts';
import type { SessionConfig } from '../runner/session.ts';
import { chapterPath } from './chapterPath.ts';
import { LAB_LINK_ACTS_KEY, encodeActs } from './layerActs.ts';
import { clampNumber, encodeValue, type ParamSpec } from './params.ts';

type NumberSpec = Extract<ParamSpec, { kind: 'number' }>;
/** A lab setting as its link writes it: a number on the lab's grid, a name, or a switch. */
export type LabLinkSpec = NumberSpec | { kind: 'enum'; default: string } | { kind: 'bool'; default: boolean };

const num = (min: number, max: number, step: number, d: number): NumberSpec => ({ kind: 'number', min, max, step, default: d });
const name = (d: string) => ({ kind: 'enum', default: d }) as const;
const bool = (d: boolean) => ({ kind: 'bool', default: d }) as const;

/** The lab's figure id (its URL keys are `lab.<name>`, its anchor `#lab`), B's prefix, and the per-layer list's key. */
export const LAB_LINK_ID = 'lab';
export const LAB_LINK_B_ID = 'labB';
export { LAB_LINK_ACTS_KEY } from './layerActs.ts';

/** The lab's settings in its own order (LAB_SCHEMA's, without the watching-only speed and skip). */
export const LAB_LINK_FIELDS = {
  depth: num(1, 50, 1, 6),
  width: num(1, 128, 1, 16),
  activation: name('tanh'),
  actMode: name('same'),
  leakyAlpha: num(0, 1, 0.01, 0.01),
  eluAlpha: num(0.05, 3, 0.05, 1),
  residual: bool(false),
  residualScale: num(0, 2, 0.05, 1),
  norm: name('none'),
  init: name('xavierNormal'),
  initScale: num(0, 5, 0.0001, 0.1),
  biasInit: num(-1, 1, 0.01, 0),
  loss: name('bce'),
  optimizer: name('sgd'),
  momentum: num(0, 0.999, 0.001, 0.9),
  beta1: num(0, 0.999, 0.001, 0.9),
  beta2: num(0.9, 0.9999, 0.0001, 0.999),
  eps: num(1e-10, 1, 1e-10, 1e-8),
  lr: num(0.00001, 10, 0.00001, 0.03),
  batch: num(0, 1000, 1, 0),
  clip: num(0, 100, 0.01, 0),
  dataset: name('circle'),
  points: num(20, 1000, 10, 240),
  noise: num(0, 0.5, 0.01, 0.08),
  testFraction: num(0, 0.5, 0.05, 0.25),
  seed: num(1, 9999, 1, 1),
} as const satisfies Record<string, LabLinkSpec>;

type Key = keyof typeof LAB_LINK_FIELDS;
type NumberKey = { [K in Key]: (typeof LAB_LINK_FIELDS)[K] extends { kind: 'number' } ? K : never }[Key];
/** One session as the lab's settings (a value per field), plus the per-layer list when it has one. */
export type LabLinkValues = { [K in Key]: (typeof LAB_LINK_FIELDS)[K]['default'] extends number ? number : (typeof LAB_LINK_FIELDS)[K]['default'] extends boolean ? boolean : string };
const KEYS = Object.keys(LAB_LINK_FIELDS) as Key[];

/** A number from a config, clamped onto the lab's grid (a figure may go beyond the lab's ranges). */
const grid = (key: NumberKey, x: number | undefined): number | undefined =>
  x === undefined || !Number.isFinite(x) ? undefined : clampNumber(LAB_LINK_FIELDS[key], x).value;

/**
 * The lab settings that reproduce a session, over the lab's defaults (the one mapping from a
 * session back to the lab; the lab reads these links with its own schema, which a test checks).
 */
export function labLinkValues(config: SessionConfig): { values: LabLinkValues; acts?: ActivationName[] } {
  const { spec, data } = config;
  const v = Object.fromEntries(KEYS.map((k) => [k, LAB_LINK_FIELDS[k].default])) as LabLinkValues;
  const put = <K extends Key>(k: K, x: LabLinkValues[K] | undefined) => {
    if (x !== undefined) v[k] = x;
  };
  const hidden = spec.sizes.slice(1, -1);
  put('depth', grid('depth', Math.max(1, hidden.length)));
  put('width', grid('width', hidden.length ? Math.max(...hidden) : LAB_LINK_FIELDS.width.default));
  const acts = spec.activation;
  const first = typeof acts === 'string' ? acts : acts[0];
  put('activation', first);
  // A per-layer list only when the lab's depth is the network's (a deeper one cannot be shown).
  const perLayer = typeof acts !== 'string' && acts.length === v.depth && acts.some((a) => a !== first);
  if (perLayer) put('actMode', 'perLayer');
  const alphaKey = (typeof acts === 'string' ? acts === 'elu' : acts.includes('elu') && !acts.includes('leakyRelu')) ? 'eluAlpha' : 'leakyAlpha';
  if (spec.alpha !== undefined) put(alphaKey, grid(alphaKey, spec.alpha));
  put('residual', spec.residual ?? false);
  if (spec.residualScale !== undefined) put('residualScale', grid('residualScale', spec.residualScale));
  put('norm', spec.norm ?? 'none');
  const init = spec.init;
  if (typeof init === 'string') put('init', init);
  else if (init.kind === 'normal') (put('init', 'customNormal'), put('initScale', grid('initScale', init.std)));
  else if (init.kind === 'uniform') (put('init', 'customUniform'), put('initScale', grid('initScale', init.limit)));
  else (put('init', 'customOrthogonal'), put('initScale', grid('initScale', init.gain)));
  put('biasInit', grid('biasInit', spec.biasInit ?? 0));
  put('loss', config.loss);
  put('optimizer', config.optimizer ?? 'sgd');
  put('momentum', grid('momentum', config.momentum));
  put('beta1', grid('beta1', config.beta1));
  put('beta2', grid('beta2', config.beta2));
  put('eps', grid('eps', config.eps));
  put('lr', grid('lr', config.lr));
  put('batch', grid('batch', config.batchSize ?? 0));
  put('clip', grid('clip', config.clipNorm ?? 0));
  put('dataset', data.points ? 'custom' : data.name);
  put('points', grid('points', data.n));
  put('noise', grid('noise', data.noise));
  put('testFraction', grid('testFraction', data.testFraction ?? 0.25));
  put('seed', grid('seed', spec.seed));
  return perLayer ? { values: v, acts: (acts as readonly ActivationName[]).slice() } : { values: v };
}

/** The lab address for a figure's sessions (one, or a pair compared as A/B). */
export function openInLabHref(lang: Lang, lab: SessionConfig | readonly SessionConfig[]): string {
  const configs = Array.isArray(lab) ? lab : [lab as SessionConfig];
  const a = labLinkValues(configs[0]);
  const params = new URLSearchParams();
  // Defaults are left out, so a link says only what the figure changed.
  for (const k of KEYS) if (a.values[k] !== LAB_LINK_FIELDS[k].default) params.set(`${LAB_LINK_ID}.${k}`, encodeValue(LAB_LINK_FIELDS[k] as ParamSpec, a.values[k]));
  if (a.acts) params.set(LAB_LINK_ACTS_KEY, encodeActs(a.acts));
  if (configs.length > 1) {
    // B is written as its differences from A, and labB.compare=1 opens the comparison even when there are none.
    const b = labLinkValues(configs[1]).values;
    params.set(`${LAB_LINK_B_ID}.compare`, '1');
    for (const k of KEYS) if (a.values[k] !== b[k]) params.set(`${LAB_LINK_B_ID}.${k}`, encodeValue(LAB_LINK_FIELDS[k] as ParamSpec, b[k]));
  }
  const search = params.toString();
  return `${chapterPath(lang, 'lab')}${search ? `?${search}` : ''}#${LAB_LINK_ID}`;
}

/** "Open in the lab" as FigureShell shows it: the address, and whether it opens a pair as A/B. */
export interface LabLink {
  href: string;
  pair: boolean;
}

/** The link for a figure's sessions, or none (no session the lab can train). */
export function labLink(lang: Lang, lab: SessionConfig | readonly SessionConfig[] | undefined): LabLink | undefined {
  if (!lab || (Array.isArray(lab) && lab.length === 0)) return undefined;
  return { href: openInLabHref(lang, lab), pair: Array.isArray(lab) && lab.length > 1 };
}
