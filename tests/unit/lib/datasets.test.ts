import { describe, expect, it } from 'vitest';
import { createNetwork, DATASET_NAMES, makeDataset, makeRegression, trainStep, forward, createOptimizerState } from '../../../src/lib/index.ts';

describe('data sets', () => {
  it.each(DATASET_NAMES.map((n) => [n]))('%s: seeded, balanced, split into train and test, inside [-1.6, 1.6]^2', (name) => {
    const a = makeDataset(name, { n: 200, noise: 0.1, seed: 3, testFraction: 0.25 });
    const b = makeDataset(name, { n: 200, noise: 0.1, seed: 3, testFraction: 0.25 });
    const c = makeDataset(name, { n: 200, noise: 0.1, seed: 4, testFraction: 0.25 });
    expect(a).toEqual(b);
    expect(c.train.x).not.toEqual(a.train.x);
    expect([a.train.n, a.test.n, a.train.x.length, a.test.y.length]).toEqual([150, 50, 300, 50]);
    const labels = [...a.train.y, ...a.test.y];
    expect(labels.filter((v) => v === 1).length).toBe(100);
    expect(labels.every((v) => v === 0 || v === 1)).toBe(true);
    for (const v of [...a.train.x, ...a.test.x]) expect(Math.abs(v)).toBeLessThan(1.6);
  });

  it.each(DATASET_NAMES.map((n) => [n]))('%s without noise is learnable by a small tanh net', (name) => {
    const { train } = makeDataset(name, { n: 200, seed: 1, testFraction: 0 });
    const net = createNetwork({ sizes: [2, 16, 16, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', seed: 1 });
    const state = createOptimizerState(net);
    for (let i = 0; i < 600; i++) trainStep(net, train.x, train.y, train.n, { loss: 'bce', lr: 0.02, optimizer: 'adam', state });
    const yhat = forward(net, train.x, train.n);
    const accuracy = yhat.reduce((s, p, i) => s + +((p > 0.5 ? 1 : 0) === train.y[i]), 0) / train.n;
    expect(accuracy).toBeGreaterThan(0.9);
  });

  it('noise spreads the points: circle classes overlap only with noise', () => {
    const radius = (x: Float64Array, i: number) => Math.hypot(x[2 * i], x[2 * i + 1]);
    const clean = makeDataset('circle', { n: 400, seed: 2, testFraction: 0 }).train;
    const noisy = makeDataset('circle', { n: 400, noise: 0.3, seed: 2, testFraction: 0 }).train;
    const misplaced = (d: typeof clean) => Array.from(d.y).filter((y, i) => (radius(d.x, i) < 0.6 ? 1 : 0) !== y).length;
    expect(misplaced(clean)).toBe(0);
    expect(misplaced(noisy)).toBeGreaterThan(20);
  });

  it('the regression set is y = sin(pi x) plus noise of the given size', () => {
    const { train, test } = makeRegression({ n: 1000, noise: 0.1, seed: 1 });
    expect([train.inputs, train.n, test.n]).toEqual([1, 800, 200]);
    let ss = 0;
    for (let i = 0; i < train.n; i++) {
      expect(Math.abs(train.x[i])).toBeLessThanOrEqual(1);
      ss += (train.y[i] - Math.sin(Math.PI * train.x[i])) ** 2;
    }
    expect(Math.sqrt(ss / train.n)).toBeGreaterThan(0.09);
    expect(Math.sqrt(ss / train.n)).toBeLessThan(0.11);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['an unknown name', () => makeDataset('checkerboard' as 'xor', { n: 10, seed: 1 }), /^name: unknown data set 'checkerboard'/],
    ['n below 2', () => makeDataset('xor', { n: 1, seed: 1 }), /^n: must be an integer >= 2/],
    ['negative noise', () => makeDataset('xor', { n: 10, seed: 1, noise: -1 }), /^noise: /],
    ['testFraction 1', () => makeRegression({ n: 10, seed: 1, testFraction: 1 }), /^testFraction: must be in \[0, 1\)/],
  ])('%s throws an error naming the field', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
