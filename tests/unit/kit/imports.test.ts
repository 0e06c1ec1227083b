// The layering of src/widgets, read from the import statements: a figure folder never
// imports another figure's folder (what two figures share gets a module of its own).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../src/widgets/', import.meta.url).pathname;
/** Folders that are not figures: the layers figures are built on. */
const SHARED = new Set(['kit', 'charts', 'controls', 'runner', 'series', 'worked-example']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|astro)$/.test(name) ? [full] : [];
  });
}

/** The widget folders a file imports from, by folder name. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"](\.\.\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => s.split('/')[1]).filter((f) => f && !f.endsWith('.ts') && f !== '..');
}

const figures = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory() && !SHARED.has(d));

describe('widget layering', () => {
  it('finds the figure folders', () => {
    expect(figures).toContain('gd-step');
    expect(figures).toContain('backprop-stepper');
  });
  for (const fig of figures) {
    it(`${fig} imports no other figure`, () => {
      const bad = files(join(root, fig)).flatMap((f) => importedFolders(f).filter((d) => d !== fig && !SHARED.has(d)).map((d) => `${f.slice(root.length)} -> ${d}`));
      expect(bad).toEqual([]);
    });
  }
  it('every figure folder holds <Name>.astro and <Name>Island.tsx with the same Name', () => {
    const wrong = figures.filter((fig) => {
      const names = readdirSync(join(root, fig));
      const astro = names.filter((n) => n.endsWith('.astro')).map((n) => n.replace('.astro', ''));
      return astro.length !== 1 || !names.includes(`${astro[0]}Island.tsx`);
    });
    expect(wrong).toEqual([]);
  });
});
