import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dist = process.env.ASTRO_OUT_DIR
  ? `${process.env.ASTRO_OUT_DIR.replace(/\/$/, '')}/`
  : new URL('../../dist/', import.meta.url).pathname;

// Folders written after the Astro build by other tools: Lunaria's translation dashboards have
// neither the site's chrome nor its theme, and Pagefind's index holds no pages. The dashboards'
// links and content are checked in routing.spec.ts.
const NOT_SITE_PAGES = new Set(['translation-status', 'pagefind']);

/** Every HTML page of the built site, as URL paths ("/es/about/"), found from dist/. */
export function builtPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (dir.replace(/\/$/, '') === dist.replace(/\/$/, '') && NOT_SITE_PAGES.has(name)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') {
        const rel = relative(dist, dir).split(sep).join('/');
        out.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dist);
  try {
    if (statSync(join(dist, '404.html')).isFile()) out.push('/404.html');
  } catch {
    // No 404 page built: the routing test reports that.
  }
  if (out.length === 0) throw new Error('No pages in dist/: run `astro build` before the e2e tests.');
  return out.sort();
}

/** Pages that belong to one language and must have a twin in the other. */
export function localisedPages(): string[] {
  return builtPages().filter((p) => /^\/(es|en)\//.test(p));
}
