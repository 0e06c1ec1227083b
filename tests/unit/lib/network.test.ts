import { describe, expect, it } from 'vitest';
import {
  activationsPerLayer, cloneNetwork, createNetwork, forward, gradients, makeDataset, predictGrid, trainStep, type NetworkSpec,
} from '../../../src/lib/index.ts';

const SPEC: NetworkSpec = { sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', seed: 11 };

function lossCurve(spec: NetworkSpec, steps: number): number[] {
  const { train } = makeDataset('moons', { n: 100, noise: 0.1, seed: 3 });
  const net = createNetwork(spec);
  const curve: number[] = [];
  for (let i = 0; i < steps; i++) curve.push(trainStep(net, train.x, train.y, train.n, { loss: 'bce', lr: 0.3 }).loss);
  return curve;
}

describe('createNetwork', () => {
  it('builds row-major outputs x inputs weights and biases set to biasInit', () => {
    const net = createNetwork({ ...SPEC, sizes: [3, 5, 2], biasInit: 0.25 });
    expect(net.layers.map((l) => [l.inputs, l.outputs, l.weights.length, l.biases.length])).toEqual([[3, 5, 15, 5], [5, 2, 10, 2]]);
    expect(net.layers.every((l) => l.biases.every((b) => b === 0.25))).toBe(true);
  });

  it('the same spec and seed give bit-identical weights', () => {
    const a = createNetwork(SPEC), b = createNetwork({ ...SPEC });
    a.layers.forEach((l, i) => expect(l.weights).toEqual(b.layers[i].weights));
  });

  it('pins the first weights of a seeded network (portable arithmetic only)', () => {
    const w = createNetwork({ ...SPEC, init: 'heNormal', seed: 1 }).layers[0].weights;
    expect(Array.from(w.subarray(0, 3), (v) => v.toFixed(12))).toMatchInlineSnapshot(`
      [
        "0.021917298523",
        "0.384133869230",
        "0.762459696967",
      ]
    `);
  });

  it('different seeds give different weights', () => {
    const a = createNetwork(SPEC), b = createNetwork({ ...SPEC, seed: 12 });
    expect(a.layers[0].weights).not.toEqual(b.layers[0].weights);
  });

  it('the same seed gives an identical 100-step loss curve and a different seed a different one', () => {
    const curve = lossCurve(SPEC, 100);
    expect(lossCurve(SPEC, 100)).toEqual(curve);
    expect(lossCurve({ ...SPEC, seed: 12 }, 100)).not.toEqual(curve);
    expect(curve[99]).toBeLessThan(curve[0]);
  });

  it('is plain data that survives structuredClone', () => {
    const net = createNetwork(SPEC);
    const copy = structuredClone(net);
    const x = new Float64Array([0.1, -0.4, 0.7, 0.2]);
    expect(forward(copy, x, 2)).toEqual(forward(net, x, 2));
  });
});

describe('forward and helpers', () => {
  it('forward computes sigma(W2 tanh(W1 x + b1) + b2) by hand', () => {
    const net = createNetwork({ ...SPEC, sizes: [2, 2, 1] });
    net.layers[0].weights.set([0.5, -1, 2, 0.25]);
    net.layers[0].biases.set([0.1, -0.2]);
    net.layers[1].weights.set([1.5, -0.5]);
    net.layers[1].biases.set([0.3]);
    const x = [0.4, -0.6];
    const h = [Math.tanh(0.5 * 0.4 + 0.6 + 0.1), Math.tanh(2 * 0.4 - 0.25 * 0.6 - 0.2)];
    const expected = 1 / (1 + Math.exp(-(1.5 * h[0] - 0.5 * h[1] + 0.3)));
    expect(forward(net, new Float64Array(x), 1)[0]).toBeCloseTo(expected, 14);
  });

  it('forward handles odd batches and widths the same as one example at a time', () => {
    const net = createNetwork({ ...SPEC, sizes: [3, 7, 5, 3] });
    const { train } = makeDataset('xor', { n: 20, seed: 1, testFraction: 0 });
    const x = new Float64Array(13 * 3).map((_, i) => train.x[i % train.x.length]);
    const all = forward(net, x, 13);
    for (let b = 0; b < 13; b++) {
      const one = forward(net, x.slice(3 * b, 3 * b + 3), 1);
      for (let k = 0; k < 3; k++) expect(all[3 * b + k]).toBeCloseTo(one[k], 14);
    }
  });

  it('activationsPerLayer ends with the forward output and applies the activation to z', () => {
    const net = createNetwork(SPEC);
    const x = new Float64Array([0.3, 0.1, -0.5, 0.9, 0.2, -0.2]);
    const layers = activationsPerLayer(net, x, 3);
    expect(layers[2].a).toEqual(forward(net, x, 3));
    layers[0].z.forEach((z, i) => expect(layers[0].a[i]).toBe(Math.tanh(z)));
  });

  it("activationsPerLayer with batchStats uses the batch's own statistics for batch norm, not the running ones", () => {
    const { train } = makeDataset('moons', { n: 40, noise: 0.1, seed: 2 });
    const net = createNetwork({ ...SPEC, init: { kind: 'normal', std: 2 }, norm: 'batch' });
    const units = SPEC.sizes[1];
    const moments = (z: Float64Array) => Array.from({ length: units }, (_, j) => {
      let m = 0, v = 0;
      for (let b = 0; b < train.n; b++) m += z[b * units + j] / train.n;
      for (let b = 0; b < train.n; b++) v += (z[b * units + j] - m) ** 2 / train.n;
      return [m, v];
    });
    // gamma = 1, beta = 0 at init: each unit's z is standardised over the batch.
    for (const [m, v] of moments(activationsPerLayer(net, train.x, train.n, true)[0].z)) {
      expect(Math.abs(m)).toBeLessThan(1e-9);
      expect(v).toBeCloseTo(1, 3);
    }
    // The running statistics start at mean 0, variance 1, so inference mode leaves z unstandardised.
    expect(Math.max(...moments(activationsPerLayer(net, train.x, train.n)[0].z).map(([, v]) => v))).toBeGreaterThan(2);
    // Without batch norm the mode changes nothing.
    const plain = createNetwork(SPEC);
    expect(activationsPerLayer(plain, train.x, train.n, true)[1].a).toEqual(activationsPerLayer(plain, train.x, train.n)[1].a);
  });

  it('cloneNetwork shares no arrays', () => {
    const net = createNetwork(SPEC);
    const copy = cloneNetwork(net);
    copy.layers[0].weights[0] += 1;
    copy.spec.sizes[1] = 99;
    expect(net.layers[0].weights[0]).not.toBe(copy.layers[0].weights[0]);
    expect(net.spec.sizes[1]).toBe(8);
  });

  it('predictGrid evaluates the network at the grid cell centres', () => {
    const net = createNetwork(SPEC);
    const grid = predictGrid(net, -1, 1, -2, 2, 4);
    expect(grid.length).toBe(16);
    // Row 1, column 2: x = -1 + 2.5 * 0.5, y = -2 + 1.5 * 1.
    expect(grid[1 * 4 + 2]).toBe(forward(net, new Float64Array([0.25, -0.5]), 1)[0]);
  });

  it('gradients does not mutate the network', () => {
    const net = createNetwork(SPEC);
    const before = cloneNetwork(net);
    gradients(net, new Float64Array([1, 2]), new Float64Array([1]), 1, 'bce');
    expect(net).toEqual(before);
  });
});
