import { describe, expect, it } from 'vitest';
import { createRng, initVariance, INIT_NAMES, type InitName, type InitSpec } from '../../../src/lib/index.ts';
import { fillInit } from '../../../src/lib/init.ts';

const N_IN = 1000, N_OUT = 1000;

/** The formula for Var[w] from the issue, written out independently of init.ts. */
const EXPECTED_VAR: Record<Exclude<InitName, 'orthogonal'>, number> = {
  zeros: 0,
  classic: 1 / 3 / N_IN, // U[+-1/sqrt(n_in)]
  xavierUniform: 2 / (N_IN + N_OUT),
  xavierNormal: 2 / (N_IN + N_OUT),
  heUniform: 2 / N_IN,
  heNormal: 2 / N_IN,
  lecunNormal: 1 / N_IN,
};
const UNIFORM_LIMIT: Partial<Record<InitName, number>> = {
  classic: 1 / Math.sqrt(N_IN),
  xavierUniform: Math.sqrt(6 / (N_IN + N_OUT)),
  heUniform: Math.sqrt(6 / N_IN),
};

function moments(w: Float64Array): { mean: number; variance: number; min: number; max: number; kurtosis: number } {
  let s = 0, ss = 0, min = Infinity, max = -Infinity;
  for (const v of w) {
    s += v;
    ss += v * v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = s / w.length;
  const variance = ss / w.length - mean * mean;
  let m4 = 0;
  for (const v of w) m4 += (v - mean) ** 4;
  return { mean, variance, min, max, kurtosis: variance > 0 ? m4 / w.length / variance ** 2 : 0 };
}

describe('initialisation statistics on a 1000 x 1000 matrix', () => {
  it.each(INIT_NAMES.filter((n) => n !== 'zeros' && n !== 'orthogonal').map((n) => [n as Exclude<InitName, 'orthogonal'>]))('%s has mean 0 and the formula\'s variance within 1 percent', (name) => {
    for (const seed of [1, 2]) {
      const w = new Float64Array(N_IN * N_OUT);
      fillInit(w, name, N_IN, N_OUT, createRng(seed));
      const m = moments(w);
      expect(initVariance(name, N_IN, N_OUT)).toBeCloseTo(EXPECTED_VAR[name], 15);
      expect(Math.abs(m.variance / EXPECTED_VAR[name] - 1)).toBeLessThan(0.01);
      expect(Math.abs(m.mean)).toBeLessThan(5 * Math.sqrt(EXPECTED_VAR[name] / w.length));
      const limit = UNIFORM_LIMIT[name];
      if (limit !== undefined) {
        // Uniform: bounded by the limit, which it nearly reaches; kurtosis 1.8.
        expect(m.max).toBeLessThanOrEqual(limit);
        expect(m.min).toBeGreaterThanOrEqual(-limit);
        expect(m.max).toBeGreaterThan(0.999 * limit);
        expect(m.kurtosis).toBeCloseTo(1.8, 1);
      } else {
        // Normal: kurtosis 3.
        expect(m.kurtosis).toBeCloseTo(3, 1);
      }
    }
  });

  it('zeros gives all zeros', () => {
    const w = new Float64Array(100).fill(7);
    fillInit(w, 'zeros', 10, 10, createRng(1));
    expect(w.every((v) => v === 0)).toBe(true);
  });

  it.each<[InitSpec, number]>([
    [{ kind: 'normal', std: 0.3 }, 0.09],
    [{ kind: 'uniform', limit: 0.6 }, 0.12],
  ])('custom %o has variance %f', (init, expected) => {
    const w = new Float64Array(N_IN * N_OUT);
    fillInit(w, init, N_IN, N_OUT, createRng(4));
    expect(initVariance(init, N_IN, N_OUT)).toBeCloseTo(expected, 15);
    expect(Math.abs(moments(w).variance / expected - 1)).toBeLessThan(0.01);
  });

  it('Glorot and Bengio\'s standard init has n_in Var(W) = 1/3', () => {
    expect(N_IN * initVariance('classic', N_IN, 7)).toBeCloseTo(1 / 3, 15);
  });
});
