import { describe, expect, it } from 'vitest';
import { formatForInput, formatNumber, formatPercent, formatPow10, formatSci, localiseTick, parseLocaleNumber, superscript } from '../../../src/widgets/kit/format.ts';
import { renderChartToString } from '../../../src/widgets/kit/ssr.ts';

describe('locale numbers', () => {
  it('writes 0,25 in Spanish and 0.25 in English', () => {
    expect(formatNumber(0.25, 'es')).toBe('0,25');
    expect(formatNumber(0.25, 'en')).toBe('0.25');
  });
  it('groups Spanish thousands with a narrow no-break space, from five digits on', () => {
    expect(formatNumber(1048576, 'es', 0)).toBe('1\u202f048\u202f576');
    expect(formatNumber(9999, 'es', 0)).toBe('9999');
    expect(formatNumber(1048576, 'en', 0)).toBe('1,048,576');
    expect(parseLocaleNumber(formatNumber(1048576, 'es', 0), 'es')).toBe(1048576);
  });
  it('uses a true minus sign', () => {
    expect(formatNumber(-1.5, 'en')).toBe('−1.5');
  });
  it('writes scientific notation with a superscript exponent', () => {
    expect(formatSci(2.1e-6, 'es')).toBe('2,1 × 10⁻⁶');
    expect(formatSci(2.1e-6, 'en')).toBe('2.1 × 10⁻⁶');
    expect(formatSci(0.25 ** 10, 'en')).toBe('9.5 × 10⁻⁷');
  });
  it('carries a mantissa that rounds up to 10 into the exponent', () => {
    expect(formatSci(9.96e-7, 'en')).toBe('1 × 10⁻⁶');
  });
  it('keeps ordinary magnitudes in plain notation', () => {
    expect(formatSci(0.0066, 'es')).toBe('0,0066');
    expect(formatSci(123, 'en')).toBe('120');
  });
  it('says infinity and NaN in words a reader can see', () => {
    expect(formatNumber(Infinity, 'en')).toBe('∞');
    expect(formatSci(NaN, 'es')).toBe('NaN');
  });
  it('labels log axes with powers of ten', () => {
    expect(formatPow10(1e-6)).toBe('10⁻⁶');
    expect(formatPow10(100)).toBe('10²');
  });
  it('writes percentages the local way', () => {
    expect(formatPercent(0.37, 'en')).toBe('37%');
    expect(formatPercent(0.37, 'es')).toMatch(/^37\s%$/);
  });
});

describe('numbers typed by a reader', () => {
  it('reads English thousands groups and Spanish decimal commas', () => {
    expect(parseLocaleNumber('9,999', 'en')).toBe(9999);
    expect(parseLocaleNumber('1,000', 'en')).toBe(1000);
    expect(parseLocaleNumber('0,5', 'es')).toBe(0.5);
    expect(parseLocaleNumber('9.999', 'es')).toBe(9999);
    expect(parseLocaleNumber('1.234,5', 'es')).toBe(1234.5);
  });
  it('reads a lone decimal point in either language, and a true minus sign', () => {
    expect(parseLocaleNumber('0.5', 'es')).toBe(0.5);
    expect(parseLocaleNumber('0.25', 'en')).toBe(0.25);
    expect(parseLocaleNumber('−3', 'en')).toBe(-3);
    expect(parseLocaleNumber(' 42 ', 'es')).toBe(42);
  });
  it('says NaN for text that is not a number, and infinity for numbers too large to hold', () => {
    expect(parseLocaleNumber('abc', 'en')).toBeNaN();
    expect(parseLocaleNumber('', 'es')).toBeNaN();
    expect(parseLocaleNumber('0x10', 'en')).toBeNaN();
    expect(parseLocaleNumber('1e309', 'en')).toBe(Infinity);
    expect(parseLocaleNumber('9'.repeat(400), 'en')).toBe(Infinity);
  });
  it('writes a value back into a field the way it is read', () => {
    for (const lang of ['es', 'en'] as const) for (const x of [0.5, 9999, -2.25]) expect(parseLocaleNumber(formatForInput(x, lang), lang)).toBe(x);
    expect(formatForInput(0.5, 'es')).toBe('0,5');
  });
  it('has one superscript table for exponents in text and on axes', () => {
    expect(superscript(-30)).toBe('⁻³⁰');
    expect(formatSci(1e-30, 'en')).toBe(`1 × 10${superscript(-30)}`);
  });
});

describe('axis tick labels in the reader\'s convention', () => {
  it('turns what d3-format writes into Spanish, as formatNumber would write it', () => {
    expect(localiseTick('0.6', 'es')).toBe('0,6');
    expect(localiseTick('−1.25', 'es')).toBe('−1,25');
    expect(localiseTick('1,000', 'es')).toBe('1000');
    expect(localiseTick('12,000', 'es')).toBe(formatNumber(12000, 'es'));
    expect(localiseTick('1,048,576', 'es')).toBe(formatNumber(1048576, 'es'));
    for (const x of [0.5, -2.5, 3000, 25000]) expect(localiseTick(x.toLocaleString('en-US').replace('-', '−'), 'es')).toBe(formatNumber(x, 'es', 3));
  });
  it('leaves English, powers of ten and words alone', () => {
    expect(localiseTick('0.6', 'en')).toBe('0.6');
    expect(localiseTick(formatPow10(1e-3), 'es')).toBe(formatPow10(1e-3));
    expect(localiseTick('capa 3', 'es')).toBe('capa 3');
  });
  it('is applied to a rendered chart\'s ticks, and only to them', () => {
    const options = { x: { domain: [0, 1.5], label: 'x 0.5' }, y: { domain: [0, 12000] }, marks: [] };
    const ticks = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const es = ticks(renderChartToString(options, 'es'));
    const en = ticks(renderChartToString(options, 'en'));
    expect(en).toContain('0.6');
    expect(en).toContain('12,000');
    expect(es).toContain('0,6');
    expect(es).toContain(formatNumber(12000, 'es'));
    expect(es).not.toContain('0.6');
    expect(es).toContain('x 0.5 →');
  });
});
