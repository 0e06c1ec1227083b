// Shared helpers for the claim tests: each test computes a number the chapters state,
// then checks that both language versions of the chapter say it, in that language's format.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['en', 'es'];
export const SEEDS = [1, 2, 3] as const;

const dir = new URL('../../../src/content/chapters/', import.meta.url);
const cache = new Map<string, string>();

/** The MDX source of a chapter. */
export function chapter(lang: Lang, slug: string): string {
  const key = `${lang}/${slug}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = readFileSync(new URL(`${key}.mdx`, dir), 'utf-8');
    cache.set(key, text);
  }
  return text;
}

/**
 * The ways a chapter may write an English-format number in lang: Spanish uses a
 * decimal comma, written {,} inside KaTeX so that it does not add a space.
 */
export function forms(lang: Lang, en: string): string[] {
  if (lang === 'en') return [en];
  return [en.replace(/(\d)\.(\d)/g, '$1,$2'), en.replace(/(\d)\.(\d)/g, '$1{,}$2')];
}

/** Fails unless both language versions of slug contain the number (English format given). */
export function expectBothSay(slug: string, en: string): void {
  for (const lang of LANGS) {
    const text = chapter(lang, slug);
    const found = forms(lang, en).some((f) => text.includes(f));
    expect(found, `${lang}/${slug}.mdx should state ${forms(lang, en).join(' or ')}`).toBe(true);
  }
}

/** x rounded to d decimals, as the chapters write it (English format). */
export const fixed = (x: number, d: number) => x.toFixed(d);

/** x as KaTeX scientific notation with one decimal in the mantissa: "9.5 \times 10^{-7}". */
export function sci(x: number, digits = 1): string {
  const e = Math.floor(Math.log10(Math.abs(x)));
  let m = x / 10 ** e;
  let exp = e;
  if (Number(m.toFixed(digits)) >= 10) {
    m /= 10;
    exp += 1;
  }
  return `${m.toFixed(digits)} \\times 10^{${exp}}`;
}

/** Geometric mean of ratios a[i+1] / a[i] from the end of a to its start: the per-step factor. */
export function perStep(first: number, last: number, steps: number): number {
  return Math.pow(first / last, 1 / steps);
}

/** Largest singular value of a rows x cols row-major matrix, by power iteration on WᵀW. */
export function spectralNorm(w: Float64Array, rows: number, cols: number, iterations = 200): number {
  let v = new Float64Array(cols).fill(1 / Math.sqrt(cols));
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    const u = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += w[i * cols + j] * v[j];
      u[i] = s;
    }
    const next = new Float64Array(cols);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += w[i * cols + j] * u[i];
      next[j] = s;
    }
    const norm = Math.hypot(...next);
    sigma = Math.sqrt(norm);
    v = next.map((q) => q / norm);
  }
  return sigma;
}
