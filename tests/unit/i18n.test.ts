import { describe, expect, it } from 'vitest';
import { formatMessage, otherLang, pick, placeholders, useTranslations, isLang } from '../../src/i18n/index.ts';
import { numericValue } from '../../src/i18n/format.ts';
import { tr } from '../../src/widgets/kit/strings.ts';
import { regimeText } from '../../src/widgets/gd-step/view.ts';

describe('t()', () => {
  it('returns the string of the bound language', () => {
    expect(useTranslations('es')('nav.next')).toBe('Siguiente');
    expect(useTranslations('en')('nav.next')).toBe('Next');
  });
  it('fills {placeholders} and leaves unknown ones visible', () => {
    const t = useTranslations('en');
    // @ts-expect-error a key that does not exist is a type error; at run time it is undefined
    expect(() => t('no.such.key')).toThrow();
    expect(t('site.title', { x: 1 })).toBe('Vanishing Gradients');
    expect(formatMessage('a {x} b {y}', { x: 1 }, 'en')).toBe('a 1 b {y}');
  });
  it('pick() hands out only the keys under a prefix', () => {
    const subset = pick('es', 'nav.');
    expect(Object.keys(subset).every((k) => k.startsWith('nav.'))).toBe(true);
    expect(subset['nav.prev']).toBe('Anterior');
  });
  it('recognises only the two site languages', () => {
    expect(isLang('es') && isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(otherLang('es')).toBe('en');
  });
});

describe('plurals (Intl.PluralRules)', () => {
  const en = '{n, plural, one {# update} other {# updates}}';
  const es = '{n, plural, one {# actualización} other {# actualizaciones}}';
  it('chooses one/other by the number, in each language', () => {
    expect(formatMessage(en, { n: 1 }, 'en')).toBe('1 update');
    expect(formatMessage(en, { n: 2 }, 'en')).toBe('2 updates');
    expect(formatMessage(en, { n: 0 }, 'en')).toBe('0 updates');
    expect(formatMessage(es, { n: 1 }, 'es')).toBe('1 actualización');
    expect(formatMessage(es, { n: 12 }, 'es')).toBe('12 actualizaciones');
  });
  it('reads numbers already formatted for the reader, and exact =N branches win', () => {
    expect(numericValue('1.000', 'es')).toBe(1000);
    expect(numericValue('1,000', 'en')).toBe(1000);
    expect(numericValue('1,5', 'es')).toBe(1.5);
    expect(formatMessage(es, { n: '1' }, 'es')).toBe('1 actualización');
    expect(formatMessage('{n, plural, =0 {none} one {one} other {#}}', { n: 0 }, 'en')).toBe('none');
  });
  it('lists plural variables as placeholders', () => {
    expect(placeholders(`every ${en} at {rate}`)).toEqual(['n', 'rate']);
  });
  it('the learning-rate figure no longer says "every 1 updates" / "cada 1 actualizaciones"', () => {
    for (const lang of ['es', 'en'] as const) {
      const strings = pick(lang, 'widget.gdStep.');
      // lr = 0.9 with k = 2: the factor is -0.8, so tenfold takes 11 updates; lr = 0.95 -> factor -0.9 -> 22.
      // A learning rate whose factor shrinks tenfold in one update: |1 - 2·lr| <= 0.1, e.g. lr = 0.46 (factor 0.08).
      const one = regimeText(0.46, strings, lang);
      expect(one).not.toMatch(/\b1 updates|cada 1 actualizaciones/);
      expect(one).toMatch(lang === 'en' ? /every update\b/ : /en cada actualización/);
      const many = regimeText(0.2, strings, lang);
      expect(many).toMatch(lang === 'en' ? /every \d+ updates/ : /cada \d+ actualizaciones/);
    }
    expect(tr({ k: '{n, plural, one {# x} other {# xs}}' }, 'k', { n: 1 }, 'en')).toBe('1 x');
  });
});
