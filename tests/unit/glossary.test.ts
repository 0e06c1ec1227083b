import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import glossary from '../../src/data/glossary.json';
import { loadTerms } from '../../scripts/rehype-glossary.mjs';

const chaptersDir = new URL('../../src/content/chapters/', import.meta.url);
const chapters = (lang: string) =>
  readdirSync(new URL(`${lang}/`, chaptersDir))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => ({ file: `${lang}/${f}`, text: readFileSync(new URL(`${lang}/${f}`, chaptersDir), 'utf8') }));

/** The prose of a chapter: no frontmatter, imports, maths or component tags (which name code, not words). */
const prose = (text: string) =>
  text
    .replace(/^---[\s\S]*?^---\s*$/m, '')
    .replace(/^import .*$/gm, '')
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g, ' ')
    .replace(/<\/?[A-Z][^>]*>/g, ' ');

/** Rejected terms found in text, as "term (use …)". */
export function rejectedIn(text: string, lang: 'es' | 'en'): string[] {
  return glossary.rejected
    .filter((r) => r.lang === lang)
    .flatMap((r) => [...prose(text).matchAll(new RegExp(r.pattern, 'giu'))].map((m) => `«${m[0]}» (use: ${r.use})`));
}

describe('glossary data', () => {
  it('every term has a term, forms and a definition in both languages, and a unique id', () => {
    const ids = glossary.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of glossary.terms) {
      for (const lang of ['es', 'en'] as const) {
        expect(t[lang].term.length, `${t.id}.${lang}.term`).toBeGreaterThan(0);
        expect(t[lang].forms.length, `${t.id}.${lang}.forms`).toBeGreaterThan(0);
        expect(t[lang].definition.length, `${t.id}.${lang}.definition`).toBeGreaterThan(20);
      }
    }
  });
  it('covers the chapters\' core vocabulary', () => {
    const ids = glossary.terms.map((t) => t.id);
    for (const id of ['unit', 'pre-activation', 'delta', 'fan-in', 'saturation', 'dead-unit', 'vanishing-gradient', 'exploding-gradient', 'residual-connection', 'normalisation']) expect(ids).toContain(id);
  });
  it('each term\'s forms are found by the chapter-link matcher', () => {
    const terms = loadTerms();
    for (const lang of ['es', 'en'] as const) for (const t of terms[lang]) expect(t.re.test(` ${t.term} `), `${lang}: ${t.term}`).toBe(true);
  });
});

describe('term check', () => {
  it('refuses "neurona(s)" but accepts "red neuronal", and refuses the calques', () => {
    expect(rejectedIn('Cada neurona de la capa', 'es')).toHaveLength(1);
    expect(rejectedIn('Las neuronas muertas', 'es')).toHaveLength(1);
    expect(rejectedIn('Una red neuronal profunda; redes neuronales', 'es')).toEqual([]);
    expect(rejectedIn('cada empujón; un sorteo; lado a lado', 'es')).toHaveLength(3);
    expect(rejectedIn('<Neurona n={1} /> y $neurona$', 'es')).toEqual([]);
  });
  for (const lang of ['es', 'en'] as const) {
    for (const { file, text } of chapters(lang)) {
      it(`${file} uses no rejected term`, () => {
        expect(rejectedIn(text, lang), `${file}: replace these (see src/data/glossary.json and TRANSLATING.md)`).toEqual([]);
      });
    }
  }
});
