// Build settings read from the environment, shared by astro.config.mjs, the after-build step
// and the tests, so they cannot disagree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** SITE_BASE ("/vanishing-gradients/" or "vanishing-gradients"), normalised to "/x/"; "/" by default. */
export function siteBase(value = process.env.SITE_BASE) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Test-only content (tests/fixtures/chapters) is built only with VG_FIXTURES=1; it never ships. */
export function withFixtures() {
  return process.env.VG_FIXTURES === '1';
}

/** The folders that hold chapters for this build: src/content/chapters, plus the fixtures when asked. */
export function chapterDirs() {
  const dirs = [new URL('src/content/chapters/', root)];
  if (withFixtures()) dirs.push(new URL('tests/fixtures/chapters/', root));
  return dirs;
}

/** { slug: Set(langs) } over every non-draft chapter of this build. */
export function chapterLangs() {
  /** @type {Map<string, Set<string>>} */
  const out = new Map();
  for (const dir of chapterDirs()) {
    for (const lang of ['es', 'en']) {
      const d = new URL(`${lang}/`, dir);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) {
        if (!/\.mdx?$/.test(f)) continue;
        if (/^draft:\s*true\s*$/m.test(readFileSync(new URL(f, d), 'utf8').split(/^---\s*$/m)[1] ?? '')) continue;
        const slug = f.replace(/\.mdx?$/, '');
        if (!out.has(slug)) out.set(slug, new Set());
        out.get(slug)?.add(lang);
      }
    }
  }
  return out;
}

/** Paths ("/es/x/", without base) of pages that borrow the other language's text: noindex, no sitemap. */
export function noShipSlugs() {
  const out = [];
  for (const [slug, langs] of chapterLangs()) {
    for (const lang of ['es', 'en']) if (!langs.has(lang)) out.push(`/${lang}/${slug}/`);
  }
  return out;
}
