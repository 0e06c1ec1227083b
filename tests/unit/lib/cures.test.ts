// Residual skips, normalisation and orthogonal init: the settings that made deep networks trainable.
import { describe, expect, it } from 'vitest';
import {
  activationsPerLayer, cloneNetwork, createNetwork, createOptimizerState, createRng, forward, gradientBound, gradients, makeDataset, trainStep,
  type ActivationName, type Network, type NetworkSpec,
} from '../../../src/lib/index.ts';
import { fillInit } from '../../../src/lib/init.ts';
import { workspaceFor } from '../../../src/lib/workspace.ts';
import { overflowingNet } from './helpers.ts';

const data = makeDataset('spiral', { n: 48, noise: 0.05, seed: 6, testFraction: 0 }).train;
const EPS = 1e-5;

/** u = x W^T + b for one layer, by hand. */
function preActivation(x: ArrayLike<number>, batch: number, W: Float64Array, b: Float64Array, nIn: number, nOut: number): number[] {
  const u: number[] = [];
  for (let e = 0; e < batch; e++) for (let j = 0; j < nOut; j++) {
    let s = b[j];
    for (let i = 0; i < nIn; i++) s += W[j * nIn + i] * x[e * nIn + i];
    u.push(s);
  }
  return u;
}

describe('residual skips', () => {
  it('layers l >= 2 of unchanged width compute h + s phi(z); the first hidden layer, width changes and the output are plain', () => {
    const net = createNetwork({ sizes: [2, 3, 3, 4, 4, 1], activation: 'tanh', output: 'linear', init: 'xavierNormal', biasInit: 0.1, residual: true, residualScale: 0.5, seed: 3 });
    const x = new Float64Array([0.3, -0.7, 1.1, 0.2]);
    let h: number[] = Array.from(x);
    const expected: number[][] = [];
    net.layers.forEach((l, i) => {
      const z = preActivation(h, 2, l.weights, l.biases, l.inputs, l.outputs);
      const a = z.map((v) => (i === net.layers.length - 1 ? v : Math.tanh(v)));
      if (i === 1 || i === 3) h = a.map((v, k) => expected[i - 1][k] + 0.5 * v);
      else h = a;
      expected.push(h);
    });
    const got = activationsPerLayer(net, x, 2);
    got.forEach((g, i) => g.h.forEach((v, k) => expect(v).toBeCloseTo(expected[i][k], 14)));
    expect(got[2].h).toBe(got[2].a);
    expect(forward(net, x, 2)).toEqual(got[4].a);
  });

  it('is off by default: residual: false gives bit-identical outputs and gradients', () => {
    const spec: NetworkSpec = { sizes: [2, 6, 6, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 2 };
    const a = createNetwork(spec), b = createNetwork({ ...spec, residual: false, residualScale: 3, norm: 'none' });
    expect(gradients(b, data.x, data.y, data.n, 'bce')).toEqual(gradients(a, data.x, data.y, data.n, 'bce'));
  });

  it.each<ActivationName>(['tanh', 'gelu', 'relu'])('gradientBound stays above the measured error ratio with skips (%s)', (activation) => {
    for (const seed of [1, 2, 3]) {
      const net = createNetwork({ sizes: [2, 8, 8, 8, 8, 2], activation, output: 'linear', init: 'xavierNormal', residual: true, residualScale: 0.7, seed });
      const y = Float64Array.from({ length: 2 * data.n }, (_, i) => Math.cos(i));
      const { layers } = gradients(net, data.x, y, data.n, 'mse');
      const fro = (l: number) => layers[l].deltaRms * Math.sqrt(data.n * net.layers[l].outputs);
      const bound = gradientBound(net);
      layers.forEach((_, l) => expect(fro(l) / fro(layers.length - 1)).toBeLessThanOrEqual(bound[l] * (1 + 1e-12)));
    }
  });
});

describe('normalisation', () => {
  const spec = (norm: 'batch' | 'layer'): NetworkSpec => ({ sizes: [2, 5, 4, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', norm, seed: 4 });

  it('adds gamma = 1 and beta = 0 to the hidden layers, and running stats 0 and 1 for batch norm only', () => {
    const b = createNetwork(spec('batch')), l = createNetwork(spec('layer'));
    expect(b.layers.map((k) => k.gamma?.length ?? null)).toEqual([5, 4, null]);
    expect(Array.from(b.layers[0].gamma as Float64Array)).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(b.layers[1].beta as Float64Array)).toEqual([0, 0, 0, 0]);
    expect(Array.from(b.layers[0].runningVar as Float64Array)).toEqual([1, 1, 1, 1, 1]);
    expect(l.layers[0].runningMean).toBeUndefined();
    // Normalisation draws nothing: the weights are those of the plain network.
    expect(b.layers[1].weights).toEqual(createNetwork({ ...spec('batch'), norm: 'none' }).layers[1].weights);
  });

  it('batch norm standardises each unit over the batch in training; layer norm each example over the units', () => {
    for (const norm of ['batch', 'layer'] as const) {
      const net = createNetwork(spec(norm));
      gradients(net, data.x, data.y, data.n, 'bce');
      const { z } = workspaceFor(net, data.n).layers[0];
      const groups = norm === 'batch' ? 5 : data.n;
      for (let g = 0; g < groups; g++) {
        const v = norm === 'batch' ? Array.from({ length: data.n }, (_, e) => z[e * 5 + g]) : Array.from(z.subarray(g * 5, g * 5 + 5));
        const mean = v.reduce((s, t) => s + t, 0) / v.length;
        const variance = v.reduce((s, t) => s + (t - mean) ** 2, 0) / v.length;
        expect(Math.abs(mean)).toBeLessThan(1e-12);
        // Biased variance v of u, over v + eps.
        const u = preActivation(data.x, data.n, net.layers[0].weights, net.layers[0].biases, 2, 5);
        const uv = norm === 'batch' ? Array.from({ length: data.n }, (_, e) => u[e * 5 + g]) : u.slice(g * 5, g * 5 + 5);
        const um = uv.reduce((s, t) => s + t, 0) / uv.length;
        const v0 = uv.reduce((s, t) => s + (t - um) ** 2, 0) / uv.length;
        expect(variance).toBeCloseTo(v0 / (v0 + EPS), 10);
      }
    }
  });

  it('trainStep moves batch norm\'s running stats as PyTorch does (momentum 0.1, unbiased variance); forward uses them', () => {
    const net = createNetwork(spec('batch'));
    const W = net.layers[0].weights.slice(), b = net.layers[0].biases.slice();
    const u = preActivation(data.x, data.n, W, b, 2, 5);
    const x0 = data.x.slice(0, 2);
    // Before any step: running mean 0 and variance 1.
    const before = activationsPerLayer(net, x0, 1)[0].z;
    const u0 = preActivation(x0, 1, W, b, 2, 5);
    before.forEach((v, j) => expect(v).toBeCloseTo(u0[j] / Math.sqrt(1 + EPS), 14));
    trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.1 });
    const N = data.n;
    for (let j = 0; j < 5; j++) {
      const col = Array.from({ length: N }, (_, e) => u[e * 5 + j]);
      const mean = col.reduce((s, t) => s + t, 0) / N;
      const unbiased = col.reduce((s, t) => s + (t - mean) ** 2, 0) / (N - 1);
      expect((net.layers[0].runningMean as Float64Array)[j]).toBeCloseTo(0.1 * mean, 14);
      expect((net.layers[0].runningVar as Float64Array)[j]).toBeCloseTo(0.9 + 0.1 * unbiased, 14);
    }
    // gradients() does not touch them.
    const rm = (net.layers[0].runningMean as Float64Array).slice();
    gradients(net, data.x, data.y, data.n, 'bce');
    expect(net.layers[0].runningMean).toEqual(rm);
  });

  it('SGD updates gamma and beta by -lr times their gradients; Adam moves them by about lr', () => {
    for (const norm of ['batch', 'layer'] as const) {
      const net = createNetwork(spec(norm));
      const g = gradients(net, data.x, data.y, data.n, 'bce');
      trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.5 });
      for (const l of [0, 1]) {
        (net.layers[l].gamma as Float64Array).forEach((v, j) => expect(v).toBeCloseTo(1 - 0.5 * (g.gammas[l] as Float64Array)[j], 14));
        (net.layers[l].beta as Float64Array).forEach((v, j) => expect(v).toBeCloseTo(-0.5 * (g.betas[l] as Float64Array)[j], 14));
      }
      const adam = createNetwork(spec(norm));
      const state = createOptimizerState(adam);
      expect(state.m.length).toBe(2 * 3 + 2 * 2);
      trainStep(adam, data.x, data.y, data.n, { loss: 'bce', lr: 0.01, optimizer: 'adam', state });
      (adam.layers[1].gamma as Float64Array).forEach((v, j) => {
        const grad = (g.gammas[1] as Float64Array)[j];
        if (Math.abs(grad) > 1e-6) expect(1 - v).toBeCloseTo(0.01 * Math.sign(grad), 6);
      });
    }
  });

  it('clipping counts gamma and beta in the global norm', () => {
    const net = createNetwork(spec('layer'));
    const g = gradients(net, data.x, data.y, data.n, 'bce');
    const all = [...g.weights, ...g.biases, ...(g.gammas.filter(Boolean) as Float64Array[]), ...(g.betas.filter(Boolean) as Float64Array[])];
    const norm = Math.sqrt(all.reduce((s, a) => s + a.reduce((t, v) => t + v * v, 0), 0));
    expect(trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.1 }).gradNorm).toBeCloseTo(norm, 14);
  });

  it('a step that overflows during the update also restores gamma, beta, the running stats and the optimiser state', () => {
    for (const norm of ['batch', 'layer'] as const) {
      for (const optimizer of ['sgd', 'adam'] as const) {
        const { net, x, y } = overflowingNet(norm);
        const state = createOptimizerState(net);
        const before = cloneNetwork(net);
        const r = trainStep(net, x, y, 4, { loss: 'bce', lr: 1e308, optimizer, state });
        expect(Number.isFinite(r.loss)).toBe(true);
        expect(r.diverged).toBe(true);
        expect(net).toEqual(before);
        expect(state).toEqual(createOptimizerState(net));
        // A normal step on the same network does move gamma: the restore above was not vacuous.
        (net.layers[1].weights as Float64Array).set([1, -1, 0.3]);
        trainStep(net, x, y, 4, { loss: 'bce', lr: 0.1 });
        expect((net.layers[0].gamma as Float64Array)[2]).not.toBe(1);
      }
    }
  });

  it('batch norm refuses a training batch of one, naming batch', () => {
    const net = createNetwork(spec('batch'));
    expect(() => gradients(net, data.x.slice(0, 2), data.y.slice(0, 1), 1, 'bce')).toThrow(/^batch: batch norm needs at least 2 examples/);
    expect(forward(net, data.x.slice(0, 2), 1).length).toBe(1);
  });

  it('makes a 20-layer sigmoid net trainable where the plain one stalls (seeds 1-3)', () => {
    const run = (s: Partial<NetworkSpec>, seed: number) => {
      const net: Network = createNetwork({ sizes: [2, ...Array<number>(20).fill(16), 1], activation: 'sigmoid', output: 'sigmoid', init: 'xavierNormal', seed, ...s });
      const state = createOptimizerState(net);
      const circle = makeDataset('circle', { n: 64, seed, testFraction: 0 }).train;
      let first = 0, last = 0;
      for (let i = 0; i < 150; i++) {
        last = trainStep(net, circle.x, circle.y, circle.n, { loss: 'bce', lr: 0.01, optimizer: 'adam', state }).loss;
        if (i === 0) first = last;
      }
      return last / first;
    };
    for (const seed of [1, 2, 3]) {
      const cured = run({ residual: true, norm: 'layer' }, seed);
      const plain = run({}, seed);
      expect(cured).toBeLessThan(0.5);
      expect(plain).toBeGreaterThan(0.9);
    }
  });
});

describe('orthogonal init (Saxe et al. 2014)', () => {
  /** W W^T (or W^T W), rows x cols. */
  function gram(w: Float64Array, rows: number, cols: number, byRows: boolean): number[][] {
    const n = byRows ? rows : cols, m = byRows ? cols : rows;
    const at = (i: number, k: number) => (byRows ? w[i * cols + k] : w[k * cols + i]);
    return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < m; k++) s += at(i, k) * at(j, k);
      return s;
    }));
  }

  it.each<[number, number]>([[8, 8], [12, 5], [5, 12]])('a %i x %i layer is (semi-)orthogonal times the gain', (rows, cols) => {
    for (const seed of [1, 2, 3]) {
      for (const gain of [1, 0.5]) {
        const w = new Float64Array(rows * cols);
        fillInit(w, gain === 1 ? 'orthogonal' : { kind: 'orthogonal', gain }, cols, rows, createRng(seed));
        const g = gram(w, rows, cols, rows <= cols);
        g.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(i === j ? gain * gain : 0, 13)));
      }
    }
  });

  it('is the Q of the seeded Gaussian matrix, with the signs that make diag(R) positive', () => {
    for (const [rows, cols] of [[6, 4], [4, 6]]) {
      const w = new Float64Array(rows * cols);
      fillInit(w, 'orthogonal', cols, rows, createRng(7));
      const rng = createRng(7);
      const a = Float64Array.from({ length: rows * cols }, () => rng.normal());
      // Tall: R = Q^T A is upper triangular with a positive diagonal. Wide: the same for the transposes.
      const tall = rows >= cols;
      const p = tall ? rows : cols, q = tall ? cols : rows;
      const Q = (i: number, j: number) => (tall ? w[i * cols + j] : w[j * cols + i]);
      const A = (i: number, j: number) => (tall ? a[i * cols + j] : a[j * cols + i]);
      for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
        let r = 0;
        for (let k = 0; k < p; k++) r += Q(k, i) * A(k, j);
        if (i > j) expect(Math.abs(r)).toBeLessThan(1e-12);
        if (i === j) expect(r).toBeGreaterThan(0);
      }
    }
  });

  it('is seeded: the same spec gives the same bits, another seed other weights', () => {
    const s: NetworkSpec = { sizes: [3, 9, 9, 2], activation: 'tanh', output: 'linear', init: 'orthogonal', seed: 5 };
    expect(createNetwork(s)).toEqual(createNetwork({ ...s }));
    expect(createNetwork({ ...s, seed: 6 }).layers[1].weights).not.toEqual(createNetwork(s).layers[1].weights);
  });
});
