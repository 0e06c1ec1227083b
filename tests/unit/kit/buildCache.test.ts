import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCached, cacheKey, sourceHash } from '../../../src/widgets/kit/buildCache.ts';

// A throwaway project: src/lib, the runner and one figure folder, so that editing a
// "library" file can be tested without touching the real one.
let root: string;
let dir: string;
const write = (rel: string, text: string) => {
  const full = join(root, rel);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vg-cache-'));
  dir = join(root, 'cache');
  write('src/lib/network.ts', 'export const a = 1;');
  write('src/widgets/runner/session.ts', 'export const b = 2;');
  write('src/widgets/fig/model.ts', 'export const STEPS = 100;');
  write('src/widgets/other/model.ts', 'export const STEPS = 5;');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function counted<T>(value: T) {
  const fn = () => {
    fn.calls++;
    return value;
  };
  fn.calls = 0;
  return fn;
}

describe('buildCached', () => {
  it('computes once for the same figure, settings and sources, and reads the stored result back', () => {
    const compute = counted({ loss: [0.7, 0.5, NaN, Infinity], w: new Float64Array([1, -2.5]), nested: { step: 3 } });
    const first = buildCached('fig', { seed: 1, lr: 0.1 }, compute, { root, dir });
    const second = buildCached('fig', { seed: 1, lr: 0.1 }, compute, { root, dir });
    expect(compute.calls).toBe(1);
    expect(second).toEqual(first);
    expect(second.w).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(second.loss[2])).toBe(true);
    expect(second.loss[3]).toBe(Infinity);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('misses when the settings change', () => {
    const compute = counted([1, 2, 3]);
    buildCached('fig', { seed: 1 }, compute, { root, dir });
    buildCached('fig', { seed: 2 }, compute, { root, dir });
    expect(compute.calls).toBe(2);
  });

  it('misses when a library source changes, is added, or the runner or the figure’s own model changes', () => {
    const compute = counted('x');
    const run = () => buildCached('fig', { seed: 1 }, compute, { root, dir });
    run();
    write('src/lib/network.ts', 'export const a = 2;');
    run();
    write('src/lib/new-file.ts', '');
    run();
    write('src/widgets/runner/session.ts', 'export const b = 3;');
    run();
    write('src/widgets/fig/model.ts', 'export const STEPS = 200;');
    run();
    write('src/widgets/series/losses.ts', 'export const thin = 1;');
    run();
    write('src/widgets/theme.ts', 'export const t = 1;');
    run();
    expect(compute.calls).toBe(7);
    run();
    expect(compute.calls).toBe(7);
  });

  it('is not invalidated by another figure’s folder, and does not mix two figures with equal settings', () => {
    const h = sourceHash('fig', root);
    write('src/widgets/other/model.ts', 'export const STEPS = 6;');
    expect(sourceHash('fig', root)).toBe(h);
    expect(cacheKey('fig', { seed: 1 }, root)).not.toBe(cacheKey('other', { seed: 1 }, root));
    const a = buildCached('fig', { seed: 1 }, () => 'fig', { root, dir });
    const b = buildCached('other', { seed: 1 }, () => 'other', { root, dir });
    expect([a, b]).toEqual(['fig', 'other']);
  });

  it('recomputes when an entry is corrupt, and still answers when the cache cannot be written', () => {
    const compute = counted({ ok: true });
    buildCached('fig', {}, compute, { root, dir });
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), 'not a v8 payload');
    expect(buildCached('fig', {}, compute, { root, dir })).toEqual({ ok: true });
    expect(compute.calls).toBe(2);
    // A file where the cache folder should be: mkdir fails, the value is still returned.
    writeFileSync(join(root, 'blocked'), '');
    expect(buildCached('fig', { other: 1 }, compute, { root, dir: join(root, 'blocked', 'sub') })).toEqual({ ok: true });
  });
});
