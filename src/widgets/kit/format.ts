import type { Lang } from '../../i18n/index.ts';
import { formatPow10, superscript } from '../superscript.ts';

// The one superscript table lives in ../superscript.ts (below charts/ and kit/); the kit
// re-exports it so figures import every number formatter from here.
export { formatPow10, superscript };

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
/**
 * Spanish groups thousands with a narrow no-break space (RAE, ISO 80000), not the point
 * es-ES prints: 1 048 576. In Spanish output a point can only be that separator.
 */
const group = (text: string, lang: Lang) => (lang === 'es' ? text.replace(/\./g, '\u202f') : text);

/** A decimal in the reader's convention: 0,25 in Spanish and 0.25 in English. */
export function formatNumber(x: number, lang: Lang, digits = 2): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'NaN';
  // es-ES leaves four-digit numbers ungrouped; that is the Spanish norm (RAE), so keep it.
  return group(FORMATTERS[lang].fixed[pickDigits(digits)].format(x), lang).replace('-', '−');
}

/** Fixed number of significant digits, e.g. 0.0066 or 0,0066. */
export function formatSig(x: number, lang: Lang, significant = 2): string {
  if (!Number.isFinite(x)) return formatNumber(x, lang);
  return group(FORMATTERS[lang].significant[pickDigits(significant)].format(x), lang).replace('-', '−');
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
  return `${m} × 10${superscript(exp)}`;
}

/** A percentage: 37 % (es) or 37% (en). */
export function formatPercent(fraction: number, lang: Lang, digits = 0): string {
  return FORMATTERS[lang].percent[pickDigits(digits)].format(fraction);
}

/**
 * Reads a number typed by a reader of `lang`. English groups with commas (9,999) and Spanish
 * with points (9.999); a lone separator that is not a thousands group is the decimal mark
 * in either language (es 0,5 and 0.5, en 0.5). NaN when the text is not a number.
 */
export function parseLocaleNumber(text: string, lang: Lang): number {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^[−–]/, '-');
  if (t === '') return NaN;
  const group = lang === 'en' ? ',' : '.';
  const decimal = lang === 'en' ? '.' : ',';
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d*)?$`);
  if (grouped.test(t)) t = t.split(group).join('');
  t = t.replace(',', '.');
  if (/^[+-]?infinity$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

/** A number as a reader would type it back into a field: 0,5 (es) or 0.5 (en), never grouped. */
export function formatForInput(x: number, lang: Lang): string {
  const s = String(x);
  return lang === 'es' ? s.replace('.', ',') : s;
}

/**
 * An axis tick label that Plot (d3-format) wrote in English (0.6, 12,000) in the reader's
 * convention. Only plain numbers change; 10⁻³ and words are left as they are.
 */
export function localiseTick(text: string, lang: Lang): string {
  const m = lang === 'es' ? /^([−-]?)(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(text) : null;
  if (!m) return text;
  const digits = m[2].replace(/,/g, '');
  // Four-digit numbers stay ungrouped, as formatNumber writes them (RAE).
  const int = digits.length > 4 ? digits.replace(/\B(?=(\d{3})+$)/g, '\u202f') : digits;
  return `${m[1]}${int}${m[3] === undefined ? '' : `,${m[3]}`}`;
}
