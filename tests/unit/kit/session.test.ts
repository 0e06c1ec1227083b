import { describe, expect, it } from 'vitest';
import { createSession, type SessionConfig } from '../../../src/widgets/runner/session.ts';

const config = (seed: number, lr = 0.5, activation: 'tanh' | 'relu' = 'tanh'): SessionConfig => ({
  spec: { sizes: [2, 8, 8, 1], activation, output: 'sigmoid', init: 'xavierUniform', seed },
  data: { name: 'moons', n: 120, noise: 0.1, seed },
  lr,
  loss: 'bce',
  recordEvery: 5,
  gridRes: 8,
});

describe('training session', () => {
  it('the same settings and seed give the same loss curve, bit for bit', () => {
    const a = createSession(config(3));
    const b = createSession(config(3));
    a.run(60);
    b.run(25);
    b.run(35);
    expect(a.lossHistory).toEqual(b.lossHistory);
    expect(a.layerHistory.map((r) => r.step)).toEqual(b.layerHistory.map((r) => r.step));
  });

  it('a different seed gives a different curve', () => {
    const a = createSession(config(3));
    const b = createSession(config(4));
    a.run(20);
    b.run(20);
    expect(a.lossHistory).not.toEqual(b.lossHistory);
  });

  it('records layer stats at step 0 and every recordEvery steps after', () => {
    const s = createSession(config(1));
    s.run(23);
    expect(s.layerHistory.map((r) => r.step)).toEqual([0, 5, 10, 15, 20]);
    expect(s.state().step).toBe(23);
  });

  it('learns: the loss falls well below its starting value', () => {
    const s = createSession(config(2));
    s.run(400);
    expect(s.state().loss).toBeLessThan(0.6 * s.state().initialLoss);
  });

  it('stops at the first diverging step, says why, and keeps the network finite', () => {
    const s = createSession(config(2, 1e6, 'relu'));
    const done = s.run(50);
    const st = s.state();
    expect(st.diverged).not.toBeNull();
    expect(st.diverged!.reason).toBe('exploded');
    expect(st.diverged!.loss).toBeGreaterThan(50);
    expect(done).toBe(st.diverged!.step);
    expect(s.run(5)).toBe(0);
    for (const l of s.net.layers) expect(l.weights.every(Number.isFinite)).toBe(true);
  });

  it('reports a loss that overflows as infinite and leaves the network as it was before that step', () => {
    const s = createSession({ ...config(2, 1e9, 'relu'), spec: { sizes: [2, 16, 16, 16, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 2 }, data: { name: 'moons', n: 120, noise: 0.1, seed: 2 } });
    s.run(200);
    const d = s.state().diverged;
    // Either the loss overflowed first, or it exploded past the threshold first: both stop training.
    expect(d).not.toBeNull();
    expect(['infinite', 'exploded']).toContain(d!.reason);
    for (const l of s.net.layers) expect(l.weights.every(Number.isFinite)).toBe(true);
  });

  it('gives a decision grid of res x res probabilities', () => {
    const grid = createSession(config(1)).grid()!;
    expect(grid.length).toBe(64);
    expect(grid.every((p) => p > 0 && p < 1)).toBe(true);
  });
});

describe('evaluation on the held-out split', () => {
  it('test accuracy and test loss are computed on the test points, not the training points', async () => {
    const { gradients, makeDataset, forward } = await import('../../../src/lib/index.ts');
    const cfg: SessionConfig = { ...config(5, 1, 'tanh'), spec: { sizes: [2, 16, 16, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierUniform', seed: 5 }, data: { name: 'moons', n: 200, noise: 0.35, seed: 5, testFraction: 0.3 } };
    const s = createSession(cfg);
    s.run(300);
    s.evaluate();
    const st = s.state();
    const { train, test } = makeDataset('moons', { n: 200, noise: 0.35, seed: 5, testFraction: 0.3 });
    const acc = (x: Float64Array, y: Float64Array, n: number) => {
      const out = forward(s.net, x, n);
      let ok = 0;
      for (let i = 0; i < n; i++) if ((out[i] > 0.5 ? 1 : 0) === y[i]) ok++;
      return ok / n;
    };
    expect(st.testAccuracy).toBe(acc(test.x, test.y, test.n));
    expect(st.trainAccuracy).toBe(acc(train.x, train.y, train.n));
    // With this much noise the two splits differ, so a swap could not pass unnoticed.
    expect(st.testAccuracy).not.toBe(st.trainAccuracy);
    // One cross-entropy for the whole site: the library's, on the test split.
    expect(st.testLoss).toBe(gradients(s.net, test.x, test.y, test.n, 'bce').loss);
    expect(st.testLoss).not.toBe(gradients(s.net, train.x, train.y, train.n, 'bce').loss);
  });
});

describe('the per-unit probe', () => {
  it('is absent unless the config asks for it, and then marks units negative on every training input', () => {
    expect(createSession(config(1)).probe()).toBeNull();
    const s = createSession({ ...config(1, 0.5, 'relu'), probe: 'units' });
    const p = s.probe()!;
    expect(p.negative.map((l) => l.length)).toEqual([8, 8]);
    expect(p.weights.map((w) => w.length)).toEqual([16, 64, 8]);
    // Push one unit's bias far below zero: it is then negative everywhere.
    s.net.layers[0].biases[3] = -1e3;
    expect(s.probe()!.negative[0][3]).toBe(true);
  });
});
