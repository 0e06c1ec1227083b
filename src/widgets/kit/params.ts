/**
 * Widget settings: one table per widget drives validation, clamping, URL encoding and
 * parsing (the idea of TensorFlow Playground's state table, without its globals).
 */

export type ParamSpec =
  | { kind: 'number'; min: number; max: number; step: number; default: number }
  | { kind: 'enum'; options: readonly string[]; default: string }
  | { kind: 'bool'; default: boolean };

export type Schema = Record<string, ParamSpec>;

export type ValueOf<P extends ParamSpec> = P extends { kind: 'enum'; options: readonly (infer O)[] }
  ? O
  : P extends { kind: 'bool' }
    ? boolean
    : number;

export type Values<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(schema)) out[k] = p.default;
  return out as Values<S>;
}

/** Decimal places implied by a step (0.001 -> 3), so snapped values print cleanly. */
function decimals(step: number): number {
  const s = String(step);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export interface Clamped {
  value: number;
  /**
   * Set when the input had to be moved: outside [min, max] ('below', 'above'), off the step
   * grid ('step'), or not a number at all ('invalid', and the value is the default).
   */
  adjusted: 'below' | 'above' | 'step' | 'invalid' | null;
}

/**
 * Brings a typed number into range and onto the step grid. Infinities are out of range like
 * any other number (so they become the max or the min, as the label says); NaN has no side
 * and falls back to the default.
 */
export function clampNumber(p: Extract<ParamSpec, { kind: 'number' }>, x: number): Clamped {
  if (Number.isNaN(x)) return { value: p.default, adjusted: 'invalid' };
  if (x < p.min) return { value: p.min, adjusted: 'below' };
  if (x > p.max) return { value: p.max, adjusted: 'above' };
  const snapped = Number((p.min + Math.round((x - p.min) / p.step) * p.step).toFixed(decimals(p.step)));
  const value = Math.min(p.max, Math.max(p.min, snapped));
  return { value, adjusted: Math.abs(value - x) > 1e-9 * Math.max(1, Math.abs(x)) ? 'step' : null };
}

/** A number as links write it: plain decimal, optional exponent; no hex, no Infinity. */
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;

/** Parses one raw string for a parameter; null when it is not a valid value. Never throws. */
export function parseValue(p: ParamSpec, raw: string): ValueOf<ParamSpec> | null {
  if (p.kind === 'bool') return raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : null;
  if (p.kind === 'enum') return p.options.includes(raw) ? raw : null;
  if (!NUMBER.test(raw.trim())) return null;
  const x = Number(raw);
  if (!Number.isFinite(x) || x < p.min || x > p.max) return null;
  return clampNumber(p, x).value;
}

export function encodeValue(p: ParamSpec, v: unknown): string {
  if (p.kind === 'bool') return v ? '1' : '0';
  return String(v);
}

/**
 * One setting in a link that could not be used as written. A link is written by anyone, so
 * only trusted text is ever quoted back: the setting's name from the schema (null for keys
 * this figure does not have) and the value cut down by `quotable`.
 */
export interface UrlNotice {
  name: string | null;
  value: string;
  /** 'clamped': a number out of range, moved to `to`; 'ignored': unusable, the default stays. */
  action: 'clamped' | 'ignored';
  to?: number;
}

/** Characters a value may keep when quoted in a notice, and how many of them. */
export const QUOTE_MAX = 12;
export function quotable(raw: string): string {
  const clean = raw.replace(/[^A-Za-z0-9.,+\-_]/g, '');
  return clean.length > QUOTE_MAX ? `${clean.slice(0, QUOTE_MAX)}…` : clean;
}

export interface ParsedState<S extends Schema> {
  values: Values<S>;
  /** The settings in the URL that could not be used as written, in URL order. */
  rejected: UrlNotice[];
  /** True when the URL held at least one valid setting for this figure. */
  fromUrl: boolean;
}

/**
 * Reads a figure's settings from a query string: keys are "<figureId>.<param>".
 * Each field is checked on its own, so one tampered value does not lose the others.
 */
export function readState<S extends Schema>(schema: S, figureId: string, search: string): ParsedState<S> {
  const values = defaults(schema) as Record<string, unknown>;
  const rejected: UrlNotice[] = [];
  let fromUrl = false;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { values: values as Values<S>, rejected: [], fromUrl: false };
  }
  const prefix = `${figureId}.`;
  for (const [key, raw] of params) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
    const parsed = spec ? parseValue(spec, raw) : null;
    if (spec?.kind === 'number' && parsed === null && NUMBER.test(raw.trim()) && Number.isFinite(Number(raw))) {
      // A real number out of range: the reader gets the nearest setting, and is told.
      const to = clampNumber(spec, Number(raw)).value;
      values[name] = to;
      rejected.push({ name, value: quotable(raw), action: 'clamped', to });
      fromUrl = true;
    } else if (parsed === null) rejected.push({ name: spec ? name : null, value: quotable(raw), action: 'ignored' });
    else {
      values[name] = parsed;
      fromUrl = true;
    }
  }
  return { values: values as Values<S>, rejected, fromUrl };
}

/**
 * Writes a figure's settings into a query string, keeping other figures' keys.
 * Settings at their default are left out so links stay short.
 */
export function writeState<S extends Schema>(schema: S, figureId: string, values: Values<S>, search: string): string {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(`${figureId}.`)) params.delete(key);
  for (const [name, spec] of Object.entries(schema)) {
    const v = (values as Record<string, unknown>)[name];
    if (v !== spec.default) params.set(`${figureId}.${name}`, encodeValue(spec, v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
