import { describe, expect, it } from 'vitest';
import { activationsPerLayer, createNetwork, gradients, histogram, predictedVarianceRatio, sigmoidBound } from '../../../src/lib/index.ts';

describe('theory helpers', () => {
  it('the sigmoid bound is 0.25^L, about 9.5e-7 for 10 layers', () => {
    expect(sigmoidBound(0)).toBe(1);
    expect(sigmoidBound(1)).toBe(0.25);
    expect(sigmoidBound(10)).toBeCloseTo(9.5367431640625e-7, 20);
  });

  it('a one-unit sigmoid chain with |w| <= 1 stays below the bound, and reaches it with w = 1 at z = 0', () => {
    for (const [seed, L] of [[1, 3], [2, 6], [3, 10]]) {
      const net = createNetwork({ sizes: Array<number>(L + 1).fill(1), activation: 'sigmoid', output: 'sigmoid', init: { kind: 'uniform', limit: 1 }, seed });
      // d a_L / d a_0 by the chain rule: prod_l w_l sigma'(z_l).
      const layers = activationsPerLayer(net, new Float64Array([0.3]), 1);
      let chain = 1;
      layers.forEach(({ a }, l) => (chain *= net.layers[l].weights[0] * a[0] * (1 - a[0])));
      expect(Math.abs(chain)).toBeLessThan(sigmoidBound(L));
    }
    // Each link's factor |w sigma'(z)| reaches 1/4 exactly at w = 1, z = 0.
    const one = createNetwork({ sizes: [1, 1], activation: 'sigmoid', output: 'sigmoid', init: { kind: 'uniform', limit: 0 }, seed: 1 });
    one.layers[0].weights[0] = 1;
    const g = gradients(one, new Float64Array([0]), new Float64Array([0]), 1, 'mse');
    // With y = 0 and yhat = sigma(0) = 1/2: dL/db = 2 (yhat - y) sigma'(0) = 1 * 0.25.
    expect(g.biases[0][0]).toBe(0.25);
  });

  it.each<[string, number]>([
    ['linear', 1 / 3], ['tanh', 1 / 3], ['relu', 1 / 6], ['leakyRelu', (0.5 * (1 + 0.01 ** 2)) / 3],
  ])('predicted variance ratio with the classic init for %s is %f', (act, expected) => {
    expect(predictedVarianceRatio('classic', act as 'relu', 100, 50)).toBeCloseTo(expected, 14);
  });

  it('He init gives a ReLU ratio of exactly 1 and Xavier (fan-in = fan-out) gives 1/2', () => {
    expect(predictedVarianceRatio('heNormal', 'relu', 256, 256)).toBeCloseTo(1, 14);
    expect(predictedVarianceRatio('heUniform', 'relu', 256, 256)).toBeCloseTo(1, 14);
    expect(predictedVarianceRatio('xavierNormal', 'relu', 256, 256)).toBeCloseTo(0.5, 14);
    expect(predictedVarianceRatio('heNormal', 'leakyRelu', 64, 64, 0.2)).toBeCloseTo(1.04, 14);
  });

  it('has no variance theory for sigmoid and says so', () => {
    expect(() => predictedVarianceRatio('heNormal', 'sigmoid', 10, 10)).toThrow(/^activation: no variance-ratio theory for 'sigmoid'/);
  });
});

describe('histogram', () => {
  it('counts values into equal bins, clamping the ends and skipping non-finite values', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, -3, 7, NaN], { bins: 4, min: 0, max: 1 });
    expect(Array.from(h.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(h.counts)).toEqual([3, 0, 1, 3]);
    expect(h.skipped).toBe(1);
  });

  it('defaults to the data range and handles a constant array', () => {
    expect(Array.from(histogram(new Float64Array([2, 4, 6]), { bins: 2 }).counts)).toEqual([1, 2]);
    const flat = histogram([5, 5, 5], { bins: 3 });
    expect(flat.edges[0]).toBe(4.5);
    expect(Array.from(flat.counts)).toEqual([0, 3, 0]);
  });

  it('rejects a bad bin count naming the field', () => {
    expect(() => histogram([1], { bins: 0 })).toThrow(/^bins: /);
  });
});
