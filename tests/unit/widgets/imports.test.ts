// The layering of src/widgets, read from the import statements themselves: a figure folder
// never imports another figure's folder (shared code lives in series/, charts/, kit/,
// runner/, controls/ or a module of its own), and charts/ never imports kit/. And the
// README's naming pattern: every figure folder holds <Name>.astro and <Name>Island.tsx.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../src/widgets');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|astro)$/.test(f) ? [p] : [];
  });
}

/** Relative import specifiers of a source file (static, dynamic and re-exports). */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*\(?\s*['"](\.[^'"]+)['"]|new URL\(\s*['"](\.[^'"]+)['"]/g;
  for (const m of src.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The top folder of src/widgets a path is in ('' for a file directly in src/widgets, null outside). */
function area(path: string): string | null {
  const rel = relative(ROOT, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '';
}

const folders = readdirSync(ROOT).filter((f) => statSync(join(ROOT, f)).isDirectory());
/** A figure folder is one with an Astro wrapper: the unit a chapter imports. */
const figures = new Set(folders.filter((f) => readdirSync(join(ROOT, f)).some((x) => x.endsWith('.astro')) && f !== 'kit'));
const edges = files(ROOT).flatMap((f) => imports(f).map((spec) => ({ from: f, to: resolve(dirname(f), spec), spec })));

describe('src/widgets import graph', () => {
  it('finds the figures and their imports (the test reads real files)', () => {
    expect(figures.has('vanishing-lab')).toBe(true);
    expect(figures.has('series')).toBe(false);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('no figure folder imports another figure folder', () => {
    const bad = edges.filter((e) => {
      const a = area(e.from);
      const b = area(e.to);
      return a !== null && b !== null && figures.has(a) && figures.has(b) && a !== b;
    });
    expect(bad.map((e) => `${relative(ROOT, e.from)} -> ${e.spec}`)).toEqual([]);
  });

  it('every figure folder holds <Name>.astro and <Name>Island.tsx with the same Name', () => {
    const wrong = [...figures].filter((fig) => {
      const names = readdirSync(join(ROOT, fig));
      const astro = names.filter((n) => n.endsWith('.astro')).map((n) => n.replace('.astro', ''));
      return astro.length !== 1 || !names.includes(`${astro[0]}Island.tsx`);
    });
    expect(wrong).toEqual([]);
  });

  it('charts/ imports nothing from kit/, runner/, controls/ or any figure', () => {
    const bad = edges.filter((e) => area(e.from) === 'charts' && !['charts', '', null].includes(area(e.to)));
    expect(bad.map((e) => `${relative(ROOT, e.from)} -> ${e.spec}`)).toEqual([]);
  });

  it('series/ imports no figure, and theme.ts and superscript.ts import nothing from src/widgets', () => {
    const bad = edges.filter((e) => {
      const a = area(e.from);
      const b = area(e.to);
      if (a === 'series') return b !== null && figures.has(b);
      if (a === '') return b !== null;
      return false;
    });
    expect(bad.map((e) => `${relative(ROOT, e.from)} -> ${e.spec}`)).toEqual([]);
  });
});
