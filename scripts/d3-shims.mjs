// Vite aliases that replace d3 modules Plot imports but the site's charts never run with the
// stand-ins in src/widgets/charts/shims/ (see the README there). About 20 KB gzip per figure page.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const shim = (name) => fileURLToPath(new URL(`../src/widgets/charts/shims/${name}.js`, import.meta.url));
const REAL_CHROMATIC = 'vg-real-d3-scale-chromatic';

export function d3Shims() {
  const fromPlot = createRequire(createRequire(import.meta.url).resolve('@observablehq/plot'));
  return [
    { find: /^d3-geo$/, replacement: shim('d3-geo') },
    { find: /^d3-delaunay$/, replacement: shim('d3-delaunay') },
    { find: /^d3-random$/, replacement: shim('d3-random') },
    { find: /^d3-time-format$/, replacement: shim('d3-time-format') },
    { find: /^d3-scale-chromatic$/, replacement: shim('d3-scale-chromatic') },
    { find: /^d3-shape$/, replacement: shim('d3-shape') },
    { find: /^vg-real-d3-shape$/, replacement: fromPlot.resolve('d3-shape') },
  ];
}

/**
 * The kept colour schemes, as data taken from the real d3-scale-chromatic when the site is
 * built. Its bundle is one file whose every scheme is decoded at load time, so importing even
 * one scheme from it brings all of them (5 KB gzip); this module holds only the kept ones,
 * with the same values: a sequential scheme is the same 256-colour table, a diverging one the
 * same basis spline through the same 11 colours.
 */
export function keptSchemes() {
  const virtual = `\0${REAL_CHROMATIC}`;
  return {
    name: 'vg-kept-schemes',
    resolveId: (id) => (id === REAL_CHROMATIC ? virtual : null),
    async load(id) {
      if (id !== virtual) return null;
      const fromPlot = createRequire(createRequire(import.meta.url).resolve('@observablehq/plot'));
      const c = await import(fromPlot.resolve('d3-scale-chromatic'));
      // Every sequential multi-hue scheme in d3 is ramp(256 colours): range[floor(t * 256)].
      const table = (f) => Array.from({ length: 256 }, (_, i) => f((i + 0.5) / 256));
      const viridis = table(c.interpolateViridis);
      if (!viridis.every((x) => /^#[0-9a-f]{6}$/.test(x))) throw new Error('d3-scale-chromatic: viridis is no longer a table of hex colours');
      // JSON, except that holes stay holes: d3's schemes by size start at size 3 (schemePuOr[3]).
      const json = (x) => (Array.isArray(x) ? `[${Array.from(x, (v) => (v === undefined ? '' : json(v))).join(',')}${x.length && x[x.length - 1] === undefined ? ',' : ''}]` : JSON.stringify(x));
      return [
        "import { interpolateRgbBasis } from 'd3-interpolate';",
        `const viridis = ${json(viridis.join('').replace(/#/g, ''))}.match(/.{6}/g).map((x) => '#' + x);`,
        'export const interpolateViridis = (t) => viridis[Math.max(0, Math.min(255, Math.floor(t * 256)))];',
        ...['PuOr', 'RdBu', 'YlOrRd'].flatMap((n) => [
          `export const scheme${n} = ${json(c[`scheme${n}`])};`,
          `export const interpolate${n} = interpolateRgbBasis(scheme${n}[scheme${n}.length - 1]);`,
        ]),
        ...['Observable10', 'Tableau10', 'Category10'].map((n) => `export const scheme${n} = ${json(c[`scheme${n}`])};`),
      ].join('\n');
    },
  };
}
