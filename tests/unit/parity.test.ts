import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import es from '../../src/i18n/es.json';
import en from '../../src/i18n/en.json';

const chaptersDir = new URL('../../src/content/chapters/', import.meta.url);
const slugs = (lang: string) =>
  readdirSync(new URL(`${lang}/`, chaptersDir))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, ''))
    .sort();

/** Items of a missing from b, for a message that names them. */
const missing = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

describe('language parity', () => {
  it('every Spanish chapter has an English twin with the same slug', () => {
    const gone = missing(slugs('es'), slugs('en'));
    expect(gone, `chapters with no English twin: ${gone.join(', ')}`).toEqual([]);
  });

  it('every English chapter has a Spanish twin with the same slug', () => {
    const gone = missing(slugs('en'), slugs('es'));
    expect(gone, `chapters with no Spanish twin: ${gone.join(', ')}`).toEqual([]);
  });

  it('there is at least one chapter to compare', () => {
    expect(slugs('es').length).toBeGreaterThan(0);
  });

  it('the two UI dictionaries have exactly the same keys', () => {
    const esKeys = Object.keys(es);
    const enKeys = Object.keys(en);
    const onlyEs = missing(esKeys, enKeys);
    const onlyEn = missing(enKeys, esKeys);
    expect(onlyEs, `keys in es.json missing from en.json: ${onlyEs.join(', ')}`).toEqual([]);
    expect(onlyEn, `keys in en.json missing from es.json: ${onlyEn.join(', ')}`).toEqual([]);
  });

  it('no UI string is empty in either language', () => {
    const empty = [...Object.entries(es), ...Object.entries(en)].filter(([, v]) => String(v).trim() === '').map(([k]) => k);
    expect(empty, `empty strings: ${empty.join(', ')}`).toEqual([]);
  });
});
