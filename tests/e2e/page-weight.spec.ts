// The page-weight budget as a test: every built page, measured by the same code as
// `npm run size` (scripts/page-weight.mjs), must be within budget. It reads dist/ (the suite
// runs after `astro build`), so a change that puts a JS file on a text page, takes a figure
// page over 130 KB gzip of JS or links KaTeX's CSS on a page without maths fails here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { JS_BUDGET, measurePages } from '../../scripts/page-weight.mjs';

const DIST = process.env.ASTRO_OUT_DIR ?? 'dist';

test.describe('page weight', () => {
  const pages = measurePages(DIST);

  test('the build has text pages and figure pages to measure', () => {
    expect(pages.filter((p) => p.figures === 0 && p.url.startsWith('/es/')).length).toBeGreaterThan(2);
    expect(pages.filter((p) => p.figures > 0).length).toBeGreaterThan(10);
  });

  for (const p of pages)
    test(`${p.url}: within budget (${(p.jsGz / 1024).toFixed(1)} KB gz JS in ${p.jsFiles} files, ${p.figures} figures)`, () => {
      expect(p.problems).toEqual([]);
      if (p.figures === 0) expect(p.jsFiles).toBe(0);
      else expect(p.jsGz).toBeLessThanOrEqual(JS_BUDGET);
      if (!p.maths) expect(p.katexCssGz).toBe(0);
    });

  // The check itself must be able to fail: a made-up site with each kind of overweight page.
  test('the measurement flags a JS file on a text page, a heavy figure page and KaTeX without maths', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vg-weight-'));
    try {
      mkdirSync(path.join(dir, '_astro'));
      // Pseudo-random text (90 symbols, about 6.5 bits each) hardly compresses: 170 KB of it is about 138 KB gzipped.
      let x = 1;
      const noise = Array.from({ length: 170 * 1024 }, () => String.fromCharCode(33 + ((x = (x * 48271) % 2147483647) % 90))).join('').replace(/[`\\$]/g, 'a');
      writeFileSync(path.join(dir, '_astro', 'heavy.js'), `export const s = \`${noise}\`;`);
      writeFileSync(path.join(dir, '_astro', 'small.js'), 'export const t = 1;');
      writeFileSync(path.join(dir, '_astro', 'k.css'), '.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif}');
      writeFileSync(path.join(dir, 'text.html'), '<html><head><script type="module" src="/_astro/small.js"></script></head><body><p>Text</p></body></html>');
      writeFileSync(path.join(dir, 'figure.html'), '<html><body><astro-island component-url="/_astro/heavy.js"></astro-island></body></html>');
      writeFileSync(path.join(dir, 'nomaths.html'), '<html><head><link rel="stylesheet" href="/_astro/k.css"></head><body><p>Text</p></body></html>');
      const byUrl = new Map(measurePages(dir).map((r) => [r.url, r.problems.join('; ')]));
      expect(byUrl.get('/text.html')).toMatch(/text page ships 1 JS files/);
      expect(byUrl.get('/figure.html')).toMatch(/^JS 1\d\d\.\d KB > 130\.0 KB$/);
      expect(byUrl.get('/nomaths.html')).toMatch(/KaTeX CSS .* without maths/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
