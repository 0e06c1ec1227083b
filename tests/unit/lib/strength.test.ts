// Small tests that fail when the code is wrong in ways the larger ones miss
// (the code review's mutation run, issue 16): fast paths against the records,
// thresholds pinned on each side, and golden values worked out by hand.
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activation, createNetwork, createOptimizerState, createRng, gradients, initVariance, makeDataset, trainStep } from '../../../src/lib/index.ts';
import { applyActivation, multiplyDerivative } from '../../../src/lib/backprop.ts';
import { fillInit } from '../../../src/lib/init.ts';
import { layerStats } from '../../../src/lib/stats.ts';
import { emptyStats } from '../../../src/lib/workspace.ts';

// 0, both sides of the kinks at 0, and a spread of ordinary values.
const GRID = Float64Array.from([0, -0, 1e-300, -1e-300, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-12, -1e-12, ...Array.from({ length: 81 }, (_, i) => -10 + i * 0.25)]);
const ALPHAS = [undefined, 0.2, 0.7];

describe('the backprop fast paths equal the activation records', () => {
  it.each(ACTIVATION_NAMES.map((n) => [n]))('%s: applyActivation is f and multiplyDerivative is g f\'(z), at 0 and on both sides of each kink', (name) => {
    for (const alpha of ALPHAS) {
      const act = activation(name, alpha);
      const n = GRID.length;
      const a = new Float64Array(n);
      applyActivation(act, GRID, a, n);
      GRID.forEach((z, i) => expect(a[i]).toBe(act.f(z)));
      const g = Float64Array.from(GRID, (_, i) => 0.5 + Math.sin(i));
      const d = new Float64Array(n);
      multiplyDerivative(act, GRID, a, g, d, n);
      GRID.forEach((z, i) => {
        const want = g[i] * act.df(z);
        // a few ulps: the fast path multiplies in another order.
        expect(Math.abs(d[i] - want)).toBeLessThanOrEqual(1e-15 * Math.abs(want));
      });
    }
  });

  it.each(ACTIVATION_NAMES.map((n) => [n]))('%s: the saturation count in the stats is the count of f\'(z) below a tenth of the maximum', (name) => {
    for (const alpha of ALPHAS) {
      const act = activation(name, alpha);
      const n = GRID.length;
      const a = new Float64Array(n);
      applyActivation(act, GRID, a, n);
      const out = emptyStats();
      layerStats(act, GRID, a, new Float64Array(n), new Float64Array(1), new Float64Array(1), new Float64Array(n), 1, n, out);
      const expected = act.name === 'linear' ? 0 : GRID.filter((z) => act.df(z) < 0.1 * act.maxDerivative).length;
      expect(out.saturatedFraction * n).toBeCloseTo(expected, 9);
    }
  });
});

describe('the saturation threshold, pinned on each side', () => {
  /** saturatedFraction of a one-unit hidden layer whose pre-activation is z. */
  function saturated(act: 'sigmoid' | 'tanh', z: number): number {
    const net = createNetwork({ sizes: [1, 1, 1], activation: act, output: 'sigmoid', init: 'zeros', seed: 1 });
    net.layers[0].biases[0] = z;
    return gradients(net, new Float64Array([0]), new Float64Array([1]), 1, 'bce').layers[0].saturatedFraction;
  }

  it('sigmoid: 10 % of 0.25 is crossed at z = 3.63; z = 3.5 (0.0285) is not saturated and z = 3.8 (0.0214) is', () => {
    const s = activation('sigmoid');
    expect(s.df(3.5)).toBeGreaterThan(0.025);
    expect(s.df(3.8)).toBeLessThan(0.025);
    expect(saturated('sigmoid', 3.5)).toBe(0);
    expect(saturated('sigmoid', -3.5)).toBe(0);
    expect(saturated('sigmoid', 3.8)).toBe(1);
    expect(saturated('sigmoid', -3.8)).toBe(1);
  });

  it('tanh: 10 % of 1 is crossed at z = 1.82; z = 1.75 (0.115) is not saturated and z = 1.9 (0.085) is', () => {
    expect(saturated('tanh', 1.75)).toBe(0);
    expect(saturated('tanh', -1.75)).toBe(0);
    expect(saturated('tanh', 1.9)).toBe(1);
    expect(saturated('tanh', -1.9)).toBe(1);
  });
});

describe('Xavier with fan-in different from fan-out', () => {
  it('Var[w] = 2 / (n_in + n_out), by formula and on a 300 x 1000 matrix', () => {
    expect(initVariance('xavierNormal', 100, 300)).toBeCloseTo(2 / 400, 15);
    expect(initVariance('xavierUniform', 1000, 300)).toBeCloseTo(2 / 1300, 15);
    for (const init of ['xavierNormal', 'xavierUniform'] as const) {
      const w = new Float64Array(1000 * 300);
      fillInit(w, init, 1000, 300, createRng(3));
      const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
      expect(Math.abs(variance / (2 / 1300) - 1)).toBeLessThan(0.01);
    }
  });
});

describe('data-set semantics', () => {
  const clean = (name: 'xor' | 'gaussians' | 'moons' | 'spiral') => makeDataset(name, { n: 400, seed: 2, testFraction: 0 }).train;
  const centroid = (d: ReturnType<typeof clean>, label: number) => {
    let x = 0, y = 0, n = 0;
    for (let i = 0; i < d.n; i++) if (d.y[i] === label) { x += d.x[2 * i]; y += d.x[2 * i + 1]; n++; }
    return [x / n, y / n];
  };

  it('xor: class 1 exactly where x0 x1 > 0', () => {
    const d = clean('xor');
    for (let i = 0; i < d.n; i++) expect(d.y[i]).toBe(+(d.x[2 * i] * d.x[2 * i + 1] > 0));
  });

  it('gaussians: class 1 around (0.5, 0.5), class 0 around (-0.5, -0.5)', () => {
    const d = clean('gaussians');
    const [c1, c0] = [centroid(d, 1), centroid(d, 0)];
    // 200 points of standard deviation 0.25: the centroid is within 5 standard errors (0.09).
    c1.forEach((v) => expect(Math.abs(v - 0.5)).toBeLessThan(0.09));
    c0.forEach((v) => expect(Math.abs(v + 0.5)).toBeLessThan(0.09));
  });

  it('moons: class 0 is the upper arc, centred at (-1/3, (2/pi - 1/4) / 1.5); class 1 the lower one, mirrored', () => {
    const d = clean('moons');
    const [c0, c1] = [centroid(d, 0), centroid(d, 1)];
    const yc = (2 / Math.PI - 0.25) / 1.5;
    // The angle is uniform: its mean has a standard error near 0.025 here.
    expect(Math.abs(c0[0] + 1 / 3)).toBeLessThan(0.06);
    expect(Math.abs(c0[1] - yc)).toBeLessThan(0.06);
    expect(Math.abs(c1[0] - 1 / 3)).toBeLessThan(0.06);
    expect(Math.abs(c1[1] + yc)).toBeLessThan(0.06);
  });

  it('spiral: each point lies on its class\'s arm, angle 3.5 pi r, plus pi for class 1', () => {
    const d = clean('spiral');
    for (let i = 0; i < d.n; i++) {
      const [x, y] = [d.x[2 * i], d.x[2 * i + 1]];
      const r = Math.hypot(x, y);
      if (r < 1e-6) continue;
      const arm = Math.atan2(x, y) - 1.75 * 2 * Math.PI * r - (d.y[i] === 1 ? Math.PI : 0);
      const off = Math.abs(((arm % (2 * Math.PI)) + 3 * Math.PI) % (2 * Math.PI) - Math.PI);
      expect(off).toBeLessThan(1e-9);
    }
  });
});

describe('momentum', () => {
  it('two steps by hand: m2 = mu g1 + g2 and w2 = w1 - lr m2', () => {
    // One linear unit, y = w x + b, mse on x = 1, target 0: dL/dw = dL/db = 2 (w + b).
    const net = createNetwork({ sizes: [1, 1], activation: 'linear', output: 'linear', init: 'zeros', seed: 1 });
    net.layers[0].weights[0] = 0.5;
    net.layers[0].biases[0] = 0.25;
    const state = createOptimizerState(net);
    const o = { loss: 'mse' as const, lr: 0.1, optimizer: 'momentum' as const, momentum: 0.9, state };
    const x = new Float64Array([1]), y = new Float64Array([0]);
    // Step 1: g1 = 2 (0.75) = 1.5, m1 = 1.5, w1 = 0.5 - 0.15 = 0.35, b1 = 0.25 - 0.15 = 0.1.
    trainStep(net, x, y, 1, o);
    expect(net.layers[0].weights[0]).toBeCloseTo(0.35, 15);
    expect(net.layers[0].biases[0]).toBeCloseTo(0.1, 15);
    // Step 2: g2 = 2 (0.45) = 0.9, m2 = 0.9 * 1.5 + 0.9 = 2.25, w2 = 0.35 - 0.225, b2 = 0.1 - 0.225.
    trainStep(net, x, y, 1, o);
    expect(state.m[0][0]).toBeCloseTo(2.25, 14);
    expect(net.layers[0].weights[0]).toBeCloseTo(0.125, 14);
    expect(net.layers[0].biases[0]).toBeCloseTo(-0.125, 14);
    expect(state.step).toBe(2);
  });
});
