import type { Lang } from '../../i18n/index.ts';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const tag = (lang: Lang) => (lang === 'es' ? 'es-ES' : 'en-GB');

// Building an Intl.NumberFormat costs far more than using one, and figures format
// numbers every frame, so every formatter is built once, here, and never changes.
const DIGITS = [0, 1, 2, 3, 4, 5, 6] as const;
const build = (lang: Lang) => ({
  fixed: DIGITS.map((d) => new Intl.NumberFormat(tag(lang), { maximumFractionDigits: d, minimumFractionDigits: 0 })),
  significant: DIGITS.map((d) => new Intl.NumberFormat(tag(lang), { maximumSignificantDigits: Math.max(1, d) })),
  percent: DIGITS.map((d) => new Intl.NumberFormat(tag(lang), { style: 'percent', maximumFractionDigits: d })),
});
const FORMATTERS = Object.freeze({ es: build('es'), en: build('en') });
const pickDigits = (d: number) => Math.min(6, Math.max(0, Math.round(d)));

/** A decimal in the reader's convention: 0,25 in Spanish and 0.25 in English. */
export function formatNumber(x: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'NaN';
  // es-ES leaves four-digit numbers ungrouped; that is the Spanish norm (RAE), so keep it.
  return FORMATTERS[lang].fixed[pickDigits(digits)].format(x).replace('-', '−');
}

/** Fixed number of significant digits, e.g. 0.0066 or 0,0066. */
export function formatSig(x: number, lang: Lang, significant = 2): string {
  if (!Number.isFinite(x)) return formatNumber(x, lang);
  return FORMATTERS[lang].significant[pickDigits(significant)].format(x).replace('-', '−');
}

/**
 * Scientific notation a person can read: 2,1 × 10⁻⁶ (es) or 2.1 × 10⁻⁶ (en).
 * Numbers between 0.001 and 10 000 stay in plain notation.
 */
export function formatSci(x: number, lang: Lang, significant = 2): string {
  if (!Number.isFinite(x)) return formatNumber(x, lang);
  if (x === 0) return '0';
  const ax = Math.abs(x);
  if (ax >= 1e-3 && ax < 1e4) return formatSig(x, lang, significant);
  let exp = Math.floor(Math.log10(ax));
  let mant = x / 10 ** exp;
  // Rounding can carry the mantissa to 10 (9.96 -> 10.0): move it into the exponent.
  const rounded = Number(mant.toPrecision(significant));
  if (Math.abs(rounded) >= 10) {
    exp += 1;
    mant = rounded / 10;
  } else mant = rounded;
  const m = formatSig(mant, lang, significant);
  const e = String(exp).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
  return `${m} × 10${e}`;
}

/** Powers of ten for a log axis label: 10⁻⁶. */
export function formatPow10(x: number): string {
  const e = Math.round(Math.log10(x));
  return `10${String(e).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c])}`;
}

/** A percentage: 37 % (es) or 37% (en). */
export function formatPercent(fraction: number, lang: Lang, digits = 0): string {
  return FORMATTERS[lang].percent[pickDigits(digits)].format(fraction);
}
