import { describe, expect, it } from 'vitest';
import { otherLang, pick, useTranslations, isLang } from '../../src/i18n/index.ts';

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
