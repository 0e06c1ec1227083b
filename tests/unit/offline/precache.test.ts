import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precacheList, serviceWorkerSource } from '../../../scripts/offline.mjs';

let dist: string;
const put = (rel: string, text = rel) => {
  mkdirSync(join(dist, rel, '..'), { recursive: true });
  writeFileSync(join(dist, rel), text);
};
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'vg-dist-'));
  for (const f of ['index.html', '404.html', 'es/index.html', 'en/relu/index.html', '_astro/worker-abc.js', '_astro/KaTeX_Main.woff2', '_astro/KaTeX_Main.woff', '_astro/KaTeX_Main.ttf', '_astro/x.js.map', 'sitemap-index.xml', 'favicon.svg', 'manifest.webmanifest']) put(f);
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('the offline precache list', () => {
  it('holds every page by its URL, every script, worker, woff2 font and icon, and nothing a reader never fetches', () => {
    const { urls } = precacheList(dist) as { urls: string[] };
    expect([...urls].sort()).toEqual(['/', '/404.html', '/_astro/KaTeX_Main.woff2', '/_astro/worker-abc.js', '/en/relu/', '/es/', '/favicon.svg', '/manifest.webmanifest'].sort());
  });

  it('puts every URL under the site’s base path, the 404 fallback too', () => {
    const list = precacheList(dist, '/vg');
    expect(list.urls).toContain('/vg/en/relu/');
    expect(list.urls).toContain('/vg/');
    expect(list.urls.every((u: string) => u.startsWith('/vg/'))).toBe(true);
    expect(serviceWorkerSource(list)).toContain('cache.match("/vg/404.html")');
  });

  it('changes version when any precached byte changes, and only then', () => {
    const v1 = precacheList(dist).version;
    expect(precacheList(dist).version).toBe(v1);
    put('_astro/x.js.map', 'changed map');
    expect(precacheList(dist).version).toBe(v1);
    put('en/relu/index.html', 'new text');
    expect(precacheList(dist).version).not.toBe(v1);
  });

  it('writes a worker whose cache name carries the version and whose list is the file list', () => {
    const list = precacheList(dist);
    const src = serviceWorkerSource(list) as string;
    expect(src).toContain(`const CACHE = 'vg-${list.version}';`);
    expect(JSON.parse(src.match(/const PRECACHE = (\[.*\]);/)![1])).toEqual(list.urls);
  });
});
