// The vanishing-gradient chapter's numbers that do not depend on the lab's defaults:
// the one-unit chain table, the matrix view, and the exploding example.
import { describe, expect, it } from 'vitest';
import { createNetwork, createRng, gradients, sigmoidBound } from '../../../src/lib/index.ts';
import { chapter, expectBothSay, fixed, LANGS, perStep, sci, SEEDS, spectralNorm } from './helpers.ts';

describe('vanishing-gradient: the one-unit chain', () => {
  it('the table: 0.25^5 = 9.8 × 10⁻⁴, 0.25^10 = 9.5 × 10⁻⁷, 0.25^20 = 9.1 × 10⁻¹³; and 0.25² = 0.0625', () => {
    expect(sci(sigmoidBound(5))).toBe('9.8 \\times 10^{-4}');
    expect(sci(sigmoidBound(10))).toBe('9.5 \\times 10^{-7}');
    expect(sci(sigmoidBound(20))).toBe('9.1 \\times 10^{-13}');
    expect(sigmoidBound(2)).toBe(0.0625);
    for (const n of ['9.8 \\times 10^{-4}', '9.5 \\times 10^{-7}', '9.1 \\times 10^{-13}', '0.0625']) expectBothSay('vanishing-gradient', n);
  });

  it('a factor of 1.5 per layer becomes about 3.3 × 10³ after 20 layers', () => {
    expect(sci(1.5 ** 20)).toBe('3.3 \\times 10^{3}');
    expectBothSay('vanishing-gradient', '3.3 \\times 10^{3}');
  });
});

describe('vanishing-gradient: the matrix view', () => {
  it('a 100 × 100 matrix of ones has spectral norm 100, although no entry exceeds 1', () => {
    expect(spectralNorm(new Float64Array(100 * 100).fill(1), 100, 100)).toBeCloseTo(100, 6);
    for (const lang of LANGS) expect(chapter(lang, 'vanishing-gradient')).toMatch(/100 \\times 100/);
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: entries uniform on [−1, 1] give ‖W‖₂ ≈ 11.5, and a 100-wide sigmoid net with them shrinks δ only to ≈ 0.7 per layer`, () => {
      const width = 100;
      const depth = 10;
      const net = createNetwork({ sizes: [width, ...Array(depth).fill(width), 1], activation: 'sigmoid', output: 'linear', init: { kind: 'uniform', limit: 1 }, seed });
      for (const l of net.layers) for (const w of l.weights) expect(Math.abs(w)).toBeLessThanOrEqual(1);
      // Random-matrix theory: 2·√(n·Var[w]) = 2·√(100/3) ≈ 11.5; at width 100 each layer lands within 7 % of it.
      expect(fixed(2 * Math.sqrt(width / 3), 1)).toBe('11.5');
      for (const l of net.layers.slice(0, depth)) expect(Math.abs(spectralNorm(l.weights, width, width) - 11.5)).toBeLessThan(0.8);
      const rng = createRng(seed + 1000);
      const batch = 64;
      const x = new Float64Array(batch * width).map(() => rng.normal());
      const y = new Float64Array(batch).map(() => rng.normal());
      const g = gradients(net, x, y, batch, 'mse');
      const factor = perStep(g.layers[0].deltaRms, g.layers[depth - 1].deltaRms, depth - 1);
      expect(fixed(factor, 1)).toBe('0.7');
      // Nowhere near the one-unit chain's 0.25.
      expect(factor).toBeGreaterThan(2 * 0.25);
    });
  }

  it('both versions state ‖W‖₂ ≈ 11.5 and the ≈ 0.7 per layer, and the spectral-norm bound', () => {
    expectBothSay('vanishing-gradient', '\\lVert W \\rVert_2 \\approx 11.5$');
    expect(chapter('en', 'vanishing-gradient')).toContain('shrinks only to about $0.7$ of its size per layer');
    expect(chapter('es', 'vanishing-gradient')).toContain('solo se reduce a unos $0{,}7$ de su tamaño en cada capa');
    for (const lang of LANGS) expect(chapter(lang, 'vanishing-gradient')).toContain("\\prod_{l=2}^{L} \\max f' \\cdot \\lVert W^{l} \\rVert_2");
  });
});
