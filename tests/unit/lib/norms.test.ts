import { describe, expect, it } from 'vitest';
import {
  cloneNetwork, createNetwork, createRng, driftFromInit, gradientBound, gradients, makeDataset, spectralNorms, trainStep,
  type ActivationName, type Network,
} from '../../../src/lib/index.ts';
import { fillInit } from '../../../src/lib/init.ts';
import { spectralNorm } from '../../../src/lib/norms.ts';

const data = makeDataset('moons', { n: 64, noise: 0.1, seed: 2, testFraction: 0 }).train;
const frob = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, v) => s + v * v, 0));

/** U diag(s) V^T for seeded orthogonal U (rows x k) and V (cols x k): a matrix whose singular values are s. */
function withSingularValues(rows: number, cols: number, s: number[], seed: number): Float64Array {
  const k = s.length;
  const u = new Float64Array(rows * k), v = new Float64Array(cols * k);
  const rng = createRng(seed);
  fillInit(u, 'orthogonal', k, rows, rng);
  fillInit(v, 'orthogonal', k, cols, rng);
  const w = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    let t = 0;
    for (let c = 0; c < k; c++) t += u[i * k + c] * s[c] * v[j * k + c];
    w[i * cols + j] = t;
  }
  return w;
}

describe('LayerStats.updateRatio and weightNorm', () => {
  it('weightNorm is ||W||; updateRatio is 0 from gradients and ||lr g|| / ||W|| after an SGD step', () => {
    const net = createNetwork({ sizes: [2, 6, 5, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', seed: 3 });
    const g = gradients(net, data.x, data.y, data.n, 'bce');
    const norms = net.layers.map((l) => frob(l.weights));
    g.layers.forEach((s, l) => {
      expect(s.weightNorm).toBeCloseTo(norms[l], 14);
      expect(s.updateRatio).toBe(0);
    });
    const r = trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.3 });
    r.layers.forEach((s, l) => {
      expect(s.weightNorm).toBeCloseTo(norms[l], 14);
      expect(s.updateRatio).toBeCloseTo((0.3 * frob(g.weights[l])) / norms[l], 12);
      expect(s.updateRatio).toBeGreaterThan(0);
    });
  });
});

describe('driftFromInit', () => {
  it('is 0 at the start and ||W - W0|| / ||W0|| after training', () => {
    const net0 = createNetwork({ sizes: [2, 8, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 1 });
    const net = cloneNetwork(net0);
    expect(Array.from(driftFromInit(net, net0))).toEqual([0, 0]);
    for (let i = 0; i < 5; i++) trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.5 });
    const d = driftFromInit(net, net0);
    net.layers.forEach((l, k) => {
      const diff = l.weights.map((w, i) => w - net0.layers[k].weights[i]);
      expect(d[k]).toBeCloseTo(frob(diff) / frob(net0.layers[k].weights), 14);
      expect(d[k]).toBeGreaterThan(0);
    });
  });

  it('refuses networks of different shapes, naming net0', () => {
    const a = createNetwork({ sizes: [2, 8, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 1 });
    const b = createNetwork({ sizes: [2, 4, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 1 });
    expect(() => driftFromInit(a, b)).toThrow(/^net0: layer 0 has 8 weights/);
  });
});

describe('spectralNorms', () => {
  it.each<[number, number, number[]]>([
    [6, 6, [3, 2.9, 1, 0.5, 0.1, 0.01]],
    [10, 4, [1.5, 1.499, 0.3, 0.2]],
    [3, 12, [0.7, 0.2, 0.1]],
    [5, 5, [2]],
  ])('finds the largest singular value of a %i x %i matrix to 1e-6', (rows, cols, s) => {
    for (const seed of [1, 2, 3]) {
      const w = withSingularValues(rows, cols, s, seed);
      const got = spectralNorm(w, rows, cols);
      expect(Math.abs(got / s[0] - 1)).toBeLessThan(1e-6);
      expect(spectralNorm(w, rows, cols)).toBe(got);
    }
  });

  it('gives one entry per layer, and gain times 1 for an orthogonal layer', () => {
    const net = createNetwork({ sizes: [4, 16, 16, 3], activation: 'tanh', output: 'linear', init: { kind: 'orthogonal', gain: 1.3 }, seed: 4 });
    const sn = spectralNorms(net);
    expect(sn.length).toBe(3);
    for (const v of sn) expect(v).toBeCloseTo(1.3, 10);
  });
});

describe('gradientBound', () => {
  /** ||dLoss/dz_l|| / ||dLoss/dz_out|| over the batch, from deltaRms. */
  function measured(net: Network): number[] {
    const n = data.n;
    const x = net.layers[0].inputs === 2 ? data.x : data.x.subarray(0, n);
    const y = Float64Array.from({ length: n * net.layers[net.layers.length - 1].outputs }, (_, i) => Math.sin(i));
    const { layers } = gradients(net, x, y, n, 'mse');
    const frobOf = (l: number) => layers[l].deltaRms * Math.sqrt(n * net.layers[l].outputs);
    return layers.map((_, l) => frobOf(l) / frobOf(layers.length - 1));
  }

  it.each<[ActivationName, boolean]>([['sigmoid', false], ['tanh', false], ['relu', false]])(
    '%s (residual %s) never exceeds the bound, which is 1 at the output', (activation, residual) => {
      for (const seed of [1, 2, 3]) {
        const net = createNetwork({ sizes: [2, 8, 8, 8, 8, 2], activation, output: 'linear', init: 'xavierNormal', residual, residualScale: 0.7, seed });
        const bound = gradientBound(net);
        const ratio = measured(net);
        expect(bound[bound.length - 1]).toBe(1);
        ratio.forEach((r, l) => expect(r).toBeLessThanOrEqual(bound[l] * (1 + 1e-12)));
      }
    });

  it('is maxDerivative^(L-1-l) times the spectral norms above layer l for a plain net', () => {
    const net = createNetwork({ sizes: [3, 5, 7, 4, 1], activation: 'sigmoid', output: 'sigmoid', init: 'xavierUniform', seed: 9 });
    const sn = spectralNorms(net);
    const b = gradientBound(net);
    expect(b[2]).toBeCloseTo(0.25 * sn[3], 14);
    expect(b[1]).toBeCloseTo(0.25 ** 2 * sn[3] * sn[2], 14);
    expect(b[0]).toBeCloseTo(0.25 ** 3 * sn[3] * sn[2] * sn[1], 14);
  });

  it('is reached by a chain of single linear units', () => {
    const net = createNetwork({ sizes: [1, 1, 1, 1], activation: 'linear', output: 'linear', init: { kind: 'normal', std: 1 }, seed: 2 });
    const w = net.layers.map((l) => Math.abs(l.weights[0]));
    expect(Array.from(gradientBound(net)).map((v) => v.toFixed(12))).toEqual([w[1] * w[2], w[2], 1].map((v) => v.toFixed(12)));
    expect(measured(net)[0]).toBeCloseTo(w[1] * w[2], 12);
  });

  it('refuses a normalised network, naming norm', () => {
    const net = createNetwork({ sizes: [2, 4, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', norm: 'layer', seed: 1 });
    expect(() => gradientBound(net)).toThrow(/^norm: /);
  });
});
