import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import es from '../../src/i18n/es.json';
import en from '../../src/i18n/en.json';
import { placeholders } from '../../src/i18n/format.ts';

const chaptersDir = new URL('../../src/content/chapters/', import.meta.url);
const fixturesDir = new URL('../fixtures/chapters/', import.meta.url);
const files = (dir: URL, lang: string) => {
  try {
    return readdirSync(new URL(`${lang}/`, dir)).filter((f) => /\.mdx?$/.test(f));
  } catch {
    return [];
  }
};
const slugs = (lang: string, dir = chaptersDir) => files(dir, lang).map((f) => f.replace(/\.mdx?$/, '')).sort();
const source = (lang: string, slug: string, dir = chaptersDir) => readFileSync(new URL(`${lang}/${files(dir, lang).find((f) => f.startsWith(`${slug}.`))}`, dir), 'utf8');
const frontmatter = (text: string) => text.split(/^---\s*$/m)[1] ?? '';
const isUntranslated = (lang: string, slug: string, dir = chaptersDir) => /^untranslated:\s*true\s*$/m.test(frontmatter(source(lang, slug, dir)));

/** Items of a missing from b, for a message that names them. */
const missing = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

/**
 * The twins' missing chapters: an error for each one not marked `untranslated: true`, and a
 * report (printed, not failed) for those that are.
 */
function twinCheck(from: string, to: string, dir = chaptersDir, marked = (slug: string) => isUntranslated(from, slug, dir)) {
  const gone = missing(slugs(from, dir), slugs(to, dir));
  return { errors: gone.filter((s) => !marked(s)), reported: gone.filter((s) => marked(s)) };
}

describe('language parity', () => {
  for (const [from, to] of [['es', 'en'], ['en', 'es']] as const) {
    it(`every ${from} chapter has a ${to} twin with the same slug, unless it is marked untranslated`, () => {
      const { errors, reported } = twinCheck(from, to);
      if (reported.length) console.info(`untranslated into ${to} (served from ${from} with a notice): ${reported.join(', ')}`);
      expect(errors, `chapters with no ${to} twin and no "untranslated: true": ${errors.join(', ')}`).toEqual([]);
    });
  }

  it('a one-language chapter marked untranslated is reported without failing; unmarked, it fails (fixture)', () => {
    const ok = twinCheck('en', 'es', fixturesDir);
    expect(ok.errors).toEqual([]);
    expect(ok.reported).toEqual(['one-language']);
    // The same chapter without the mark is an error.
    const unmarked = source('en', 'one-language', fixturesDir).replace(/^untranslated:.*$/m, '');
    const bad = twinCheck('en', 'es', fixturesDir, () => /^untranslated:\s*true\s*$/m.test(frontmatter(unmarked)));
    expect(bad.errors).toEqual(['one-language']);
    expect(bad.reported).toEqual([]);
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

  it('every UI string uses the same {placeholders} in both languages', () => {
    const enDict = en as Record<string, string>;
    const differ = Object.entries(es as Record<string, string>)
      .filter(([k, v]) => k in enDict && placeholders(v).join() !== placeholders(enDict[k]).join())
      .map(([k, v]) => `${k} (es: ${placeholders(v).join(', ') || '-'}; en: ${placeholders(enDict[k]).join(', ') || '-'})`);
    expect(differ, `placeholders differ: ${differ.join('; ')}`).toEqual([]);
  });

  it('every plural message has an "other" branch in both languages', () => {
    const bad = [...Object.entries(es), ...Object.entries(en)].filter(([, v]) => /,\s*plural\s*,/.test(v) && !/\bother\s*\{/.test(v)).map(([k]) => k);
    expect(bad).toEqual([]);
  });
});

/** A chapter's skeleton: heading levels, and the figure components in order with their numbers. */
export function structure(text: string): string[] {
  const body = text.replace(/^---[\s\S]*?^---\s*$/m, '').replace(/\$\$[\s\S]*?\$\$/g, '');
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const h = /^(#{2,6})\s/.exec(line);
    if (h) out.push(`h${h[1].length}`);
    for (const m of line.matchAll(/<([A-Z][A-Za-z0-9]*)\b([^>]*)>/g)) {
      const n = /\bn=\{(\d+)\}/.exec(m[2]);
      out.push(n ? `${m[1]}#${n[1]}` : m[1]);
    }
  }
  return out;
}

describe('twins match in structure', () => {
  const both = slugs('es').filter((s) => slugs('en').includes(s));
  it('compares at least one pair', () => expect(both.length).toBeGreaterThan(0));
  for (const slug of both) {
    it(`${slug}: same heading levels and the same figures, in the same order, with the same numbers`, () => {
      expect(structure(source('en', slug)), `en/${slug} against es/${slug}`).toEqual(structure(source('es', slug)));
    });
  }
  it('the structure check sees a missing heading and a swapped figure', () => {
    const a = '## A\n\n<Fig n={1} />\n\n### B\n\n<Other n={2} />\n';
    expect(structure(a)).toEqual(['h2', 'Fig#1', 'h3', 'Other#2']);
    expect(structure(a.replace('### B', 'B'))).not.toEqual(structure(a));
    expect(structure('## A\n\n<Other n={2} />\n\n### B\n\n<Fig n={1} />\n')).not.toEqual(structure(a));
  });
});
