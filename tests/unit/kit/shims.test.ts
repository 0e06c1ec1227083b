// The browser bundle replaces d3 modules Plot imports but the charts never run with stand-ins
// that throw (src/widgets/charts/shims/README.md). These checks read the widgets' source and
// fail when a chart starts asking for something a stand-in does not carry: a colour scheme
// that is not kept, a curve other than linear or step, a symbol other than circle, triangle or
// times, a map projection, an interpolated raster, a shuffle.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../src/widgets/', import.meta.url).pathname;
const shims = join(root, 'charts/shims');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (full === shims) return [];
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}
const sources = files(root).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const shimText = (name: string) => readFileSync(join(shims, `${name}.js`), 'utf8');

describe('d3 stand-ins in the browser bundle', () => {
  it('keeps every colour scheme a chart names', () => {
    const kept = JSON.parse((shimText('d3-scale-chromatic').match(/KEPT_SCHEMES = (\[[^\]]*\])/)?.[1] ?? '[]').replace(/'/g, '"')) as string[];
    expect(kept).toContain('viridis');
    const named = sources.flatMap(({ text }) => [...text.matchAll(/(?:scheme:\s*|_SCHEME\s*=\s*)'([A-Za-z0-9]+)'/g)].map((m) => m[1].toLowerCase()));
    // The palette's own constants are found, so the pattern reads the source as written.
    expect(named).toContain('viridis');
    expect(named).toContain('puor');
    for (const s of named) expect(kept, `scheme "${s}"`).toContain(s);
  });

  it('keeps the real interpolator and scheme of every kept diverging or sequential scheme', () => {
    const text = shimText('d3-scale-chromatic');
    for (const name of ['interpolatePuOr', 'interpolateRdBu', 'interpolateYlOrRd', 'interpolateViridis', 'schemeObservable10']) {
      expect(text).toMatch(new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from 'vg-real-d3-scale-chromatic'`));
      expect(text).not.toMatch(new RegExp(`export const ${name} =`));
    }
  });

  it('no chart asks for a curve other than linear or step, a projection, or an interpolated raster', () => {
    for (const { f, text } of sources) {
      for (const m of text.matchAll(/\bcurve:\s*'([a-z-]+)'/g)) expect(['linear', 'step', 'step-after', 'step-before'], `${f}: curve ${m[1]}`).toContain(m[1]);
      expect(/\bprojection:/.test(text), `${f}: projection`).toBe(false);
      for (const m of text.matchAll(/Plot\.raster\(([^;]*)/g)) expect(/\binterpolate:/.test(m[1]), `${f}: raster interpolate`).toBe(false);
      expect(/\bshuffle:/.test(text), `${f}: shuffle`).toBe(false);
      // A symbol named anywhere in a chart (symbol: 'times', or a function returning 'triangle').
      for (const m of text.matchAll(/\bsymbol:\s*([^,}]*(?:\([^)]*\)[^,}]*)?)/g))
        for (const name of m[1].matchAll(/'([a-z0-9]+)'/g)) expect(['circle', 'triangle', 'times'], `${f}: symbol ${name[1]}`).toContain(name[1]);
    }
  });
});

describe('the kept colour schemes', () => {
  it('are the real d3-scale-chromatic colours, value for value', async () => {
    const { keptSchemes } = await import('../../../scripts/d3-shims.mjs');
    const { writeFileSync, rmSync } = await import('node:fs');
    const code = (await keptSchemes().load('\0vg-real-d3-scale-chromatic')) as string;
    // Written next to this file so that its import of d3-interpolate resolves from node_modules.
    const tmp = new URL('./.kept-schemes.tmp.mjs', import.meta.url);
    writeFileSync(tmp, code);
    try {
      const kept = await import(/* @vite-ignore */ tmp.href);
      // By its file, not its name: the site's Vite config (which Vitest uses) aliases the name to the stand-in.
      const { createRequire } = await import('node:module');
      const { pathToFileURL } = await import('node:url');
      const real = await import(/* @vite-ignore */ pathToFileURL(createRequire(import.meta.url).resolve('d3-scale-chromatic')).href);
      for (let i = 0; i <= 100; i++) {
        const t = i / 100;
        for (const n of ['Viridis', 'PuOr', 'RdBu', 'YlOrRd']) expect(kept[`interpolate${n}`](t), `${n}(${t})`).toBe((real as Record<string, (t: number) => string>)[`interpolate${n}`](t));
      }
      for (const n of ['PuOr', 'RdBu', 'YlOrRd', 'Observable10', 'Tableau10', 'Category10']) expect(kept[`scheme${n}`]).toEqual((real as Record<string, unknown>)[`scheme${n}`]);
    } finally {
      rmSync(tmp);
    }
  });
});

describe('Plot with the stand-ins', () => {
  it('loads, and draws the gallery of every chart builder exactly as Plot with the real d3 does', async () => {
    const { build } = await import('esbuild');
    const { d3Shims, keptSchemes } = await import('../../../scripts/d3-shims.mjs');
    const { writeFileSync, rmSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const project = fileURLToPath(new URL('../../../', import.meta.url));
    const aliases = d3Shims() as { find: RegExp; replacement: string }[];
    const kept = keptSchemes();
    // The browser bundle's module graph, with esbuild standing in for Vite: the same aliases.
    const out = await build({
      stdin: { contents: "export * from '@observablehq/plot';", resolveDir: project, loader: 'js' },
      bundle: true,
      format: 'esm',
      write: false,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
      plugins: [{
        name: 'shims',
        setup(b) {
          b.onResolve({ filter: /^(d3-[a-z-]+|vg-real-d3-[a-z-]+)$/ }, (a) => {
            if (a.path === 'vg-real-d3-scale-chromatic') return { path: 'kept', namespace: 'kept' };
            const hit = aliases.find((x) => x.find.test(a.path));
            return hit ? { path: hit.replacement } : undefined;
          });
          b.onLoad({ filter: /.*/, namespace: 'kept' }, async () => ({ contents: (await kept.load('\0vg-real-d3-scale-chromatic')) as string, resolveDir: project, loader: 'js' }));
        },
      }],
    });
    const file = new URL('./.plot-shimmed.tmp.mjs', import.meta.url);
    writeFileSync(file, out.outputFiles[0].contents);
    try {
      const shimmed = await import(/* @vite-ignore */ file.href);
      const real = await import('@observablehq/plot');
      const { parseHTML } = await import('linkedom');
      const { galleryCharts } = await import('../../../src/widgets/kit-gallery/view.ts');
      const { GALLERY_SCHEMA } = await import('../../../src/widgets/kit-gallery/model.ts');
      const { galleryRun } = await import('../../../src/widgets/kit-gallery/run.ts');
      const { defaults } = await import('../../../src/widgets/kit/params.ts');
      const { figureStrings } = await import('../../../src/widgets/kit/ssr.ts');
      // Clip-path ids count up in each copy of Plot; everything else must be the same.
      const draw = (plot: typeof real.plot, options: object) => (plot({ ...options, document: parseHTML('<!doctype html><html><body></body></html>').document } as never) as unknown as Element).outerHTML.replace(/plot-clip-\d+/g, 'plot-clip');
      const extra = {
        diverging: { marks: [real.cell([-2, -1, 0, 1, 2], { x: (d: number) => d, fill: (d: number) => d })], color: { type: 'diverging', scheme: 'BuRd', pivot: 0 } },
        sequential: { marks: [real.cell([0, 0.25, 0.5, 1], { x: (d: number) => d, fill: (d: number) => d })], color: { type: 'linear', scheme: 'YlOrRd', domain: [0, 1] } },
      };
      for (const theme of ['light', 'dark'] as const) {
        const charts = { ...galleryCharts(defaults(GALLERY_SCHEMA), figureStrings('en', 'widget.kitGallery.'), theme, 'en', galleryRun(defaults(GALLERY_SCHEMA))), ...extra };
        expect(Object.keys(charts).length).toBeGreaterThanOrEqual(9);
        for (const [name, options] of Object.entries(charts)) {
          if (options === null) throw new Error(`${name}: no chart although the run is there`);
          expect(draw(shimmed.plot, options), `${theme} ${name}`).toBe(draw(real.plot, options));
        }
      }
    } finally {
      rmSync(file);
    }
  }, 60_000);
});
