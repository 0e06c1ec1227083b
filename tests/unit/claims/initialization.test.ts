// The initialisation chapter's numbers: the too-small / too-large example (n = 100),
// the init explorer at its defaults, and the He and Glorot reproductions.
import { describe, expect, it } from 'vitest';
import { activationsPerLayer, createNetwork, createRng, gradients, initVariance, makeDataset, type ActivationName } from '../../../src/lib/index.ts';
import { explore, explorerNetwork, INIT_EXPLORER_SCHEMA, type InitExplorerValues } from '../../../src/widgets/init-explorer/model.ts';
import { heConfig } from '../../../src/widgets/he-reproduction/model.ts';
import { layerMeans, GLOROT_SCHEMA, type GlorotValues } from '../../../src/widgets/glorot-reproduction/model.ts';
import { trainedView } from '../../../src/widgets/glorot-reproduction/static.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { chapter, expectBothSay, fixed, LANGS, perStep, sci, SEEDS } from './helpers.ts';

/** The chapter's example: 100 units per layer, w ~ N(0, 1), ten hidden layers, linear output, MSE, a batch of 64. */
function largeWeights(act: ActivationName, seed: number) {
  const width = 100;
  const depth = 10;
  const net = createNetwork({ sizes: [width, ...Array(depth).fill(width), 1], activation: act, output: 'linear', init: { kind: 'normal', std: 1 }, seed });
  const rng = createRng(seed + 1000);
  const batch = 64;
  const x = new Float64Array(batch * width).map(() => rng.normal());
  const y = new Float64Array(batch).map(() => rng.normal());
  const g = gradients(net, x, y, batch, 'mse');
  return { growth: perStep(g.layers[0].deltaRms, g.layers[depth - 1].deltaRms, depth - 1), saturated: g.layers[depth - 1].saturatedFraction };
}

/** E[f(√q Z)] for Z ~ N(0, 1), by the midpoint rule on [−12, 12]. */
function gaussianMean(f: (z: number) => number, q: number): number {
  const n = 48_000;
  const h = 24 / n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = -12 + (i + 0.5) * h;
    s += f(Math.sqrt(q) * z) * Math.exp(-z * z / 2);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

describe('initialisation: too small, too large (n = 100)', () => {
  it('N(0, 0.01²) gives n Var[w] = 0.01; N(0, 1) gives 100, and ReLU then grows 50 per layer, about 10³⁴ after 20 layers', () => {
    expect(100 * initVariance({ kind: 'normal', std: 0.01 }, 100, 100)).toBeCloseTo(0.01, 12);
    expect(100 * initVariance({ kind: 'normal', std: 1 }, 100, 100)).toBe(100);
    expect(Math.round(Math.log10(50 ** 20))).toBe(34);
    expectBothSay('initialization', '10^{34}');
  });

  it('tanh at the fixed point of the length map: E[tanh′(z)²] ≈ 0.055, so the backward factor is ≈ 5.5 in variance', () => {
    let q = 1;
    for (let i = 0; i < 100; i++) q = 100 * gaussianMean((u) => Math.tanh(u) ** 2, q);
    const slope2 = gaussianMean((u) => (1 - Math.tanh(u) ** 2) ** 2, q);
    expect(fixed(Math.sqrt(q), 0)).toBe('10');
    expect(fixed(slope2, 3)).toBe('0.055');
    expect(fixed(100 * slope2, 1)).toBe('5.5');
    expectBothSay('initialization', '100 \\times 0.055 \\approx 5.5');
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: with tanh the error grows about 2.3 times per layer towards the input while most units are saturated; the sigmoid keeps it near 1`, () => {
      const t = largeWeights('tanh', seed);
      expect(Math.abs(t.growth - 2.3)).toBeLessThan(0.1);
      expect(t.saturated).toBeGreaterThan(0.5);
      const s = largeWeights('sigmoid', seed);
      expect(s.growth).toBeGreaterThan(0.9);
      expect(s.growth).toBeLessThan(1.1);
    });
  }

  it('both versions say the tanh gradient grows (about 2.3 per layer), not that it vanishes', () => {
    expectBothSay('initialization', '2.3');
    expect(chapter('en', 'initialization')).toContain('the gradient explodes even though the units are saturated');
    expect(chapter('es', 'initialization')).toContain('el gradiente explota aunque las unidades estén saturadas');
    for (const lang of LANGS) expect(chapter(lang, 'initialization')).not.toMatch(/gradient vanishes even though the weights are huge|se desvanece aunque los pesos sean enormes/);
  });
});

describe('initialisation: the init explorer at its defaults (depth 30, width 64)', () => {
  const base = defaults(INIT_EXPLORER_SCHEMA) as InitExplorerValues;
  it('defaults are depth 30 and width 64, as the text assumes', () => {
    expect(base.depth).toBe(30);
    expect(base.width).toBe(64);
  });
  for (const seed of SEEDS) {
    it(`seed ${seed}: tanh + "too large": the first layer's gradient is 10⁸–10⁹·⁵ times the last hidden layer's`, () => {
      const v = { ...base, activation: 'tanh', init: 'large', seed } as InitExplorerValues;
      const r = explore(explorerNetwork(v), v);
      const orders = Math.log10(r.stats[0].weightGradNorm / r.stats[r.depth - 1].weightGradNorm);
      expect(orders).toBeGreaterThan(8);
      expect(orders).toBeLessThan(9.5);
    });
    it(`seed ${seed}: ReLU + He after 30 layers lands between 0.1 and 0.7, not exactly 1`, () => {
      const v = { ...base, activation: 'relu', init: 'he', seed } as InitExplorerValues;
      const r = explore(explorerNetwork(v), v);
      const last = r.ratio[r.depth - 1];
      expect(last).toBeGreaterThan(0.09);
      expect(last).toBeLessThan(0.75);
    });
  }
  it('both versions state "eight to nine orders of magnitude" and "0.1 and 0.7"', () => {
    expect(chapter('en', 'initialization')).toContain('eight to nine orders of magnitude larger');
    expect(chapter('es', 'initialization')).toContain('entre ocho y nueve órdenes de magnitud mayor');
    expect(chapter('en', 'initialization')).toContain('between about $0.1$ and $0.7$');
    expect(chapter('es', 'initialization')).toContain('entre $0{,}1$ y $0{,}7$');
  });
});

describe('initialisation: the He reproduction', () => {
  it('Xavier\'s first-layer factor is ½ · 2 · 2/34 ≈ 0.059, and ½ after it', () => {
    const c = heConfig('xavier', 1);
    const [nIn, n] = [c.spec.sizes[0], c.spec.sizes[1]];
    expect([nIn, n]).toEqual([2, 32]);
    expect(fixed(0.5 * nIn * initVariance(c.spec.init, nIn, n), 3)).toBe('0.059');
    expect(0.5 * n * initVariance(c.spec.init, n, n)).toBeCloseTo(0.5, 12);
    expectBothSay('initialization', '0.059');
  });
  for (const seed of SEEDS) {
    it(`seed ${seed}: with Xavier the last hidden layer's E[a²] is about 10⁻¹⁰ of the input's, or less`, () => {
      const c = heConfig('xavier', seed);
      const net = createNetwork(c.spec);
      const { train } = makeDataset(c.data.name, { n: c.data.n, noise: c.data.noise, seed: c.data.seed });
      const layers = activationsPerLayer(net, train.x, train.n);
      const ms = (a: Float64Array) => a.reduce((s, q) => s + q * q, 0) / a.length;
      const ratio = ms(layers[layers.length - 2].a) / ms(train.x);
      expect(ratio).toBeLessThan(3e-10);
      expect(ratio).toBeGreaterThan(1e-14);
    });
  }
  it('both versions say 10⁻¹⁰ or less, not "a billionth"', () => {
    expectBothSay('initialization', '10^{-10}');
    for (const lang of LANGS) expect(chapter(lang, 'initialization')).not.toMatch(/a billionth of the input|una milmillonésima/);
  });
});

describe('initialisation: the Glorot reproduction', () => {
  const v = (lr: GlorotValues['lr'], seed: number) => ({ ...defaults(GLOROT_SCHEMA), lr, seed }) as GlorotValues;
  it('the default learning rate is 3', () => {
    expect(defaults(GLOROT_SCHEMA).lr).toBe('3');
  });
  for (const seed of SEEDS) {
    // That rate 3 ends near zero loss is pinned by tests/unit/widgets/glorot-reproduction.test.ts
    // on the same runs; repeating its 1500-step run here cost 2 s of CPU per seed.
    it(`seed ${seed}: at rate 3 the top layer drops within five steps, with a loss jump above 2; at rate 1 it stays above 0.35`, { timeout: 120_000 }, () => {
      const early = trainedView(v('3', seed), 12);
      const top = layerMeans(early.records, 3);
      const firstLow = top.findIndex((p) => p.value < 0.15);
      expect(firstLow).toBeGreaterThan(0);
      expect(top[firstLow].step).toBeLessThanOrEqual(5);
      expect(Math.max(...early.losses.slice(0, 6))).toBeGreaterThan(2);
      const slow = trainedView(v('1', seed));
      expect(Math.min(...layerMeans(slow.records, 3).map((p) => p.value))).toBeGreaterThan(0.35);
    });
  }
  it('both versions state the five steps, the jump above 2 and the 0.35', () => {
    expect(chapter('en', 'initialization')).toContain('within the first five steps, together with a brief jump of the loss above 2');
    expect(chapter('es', 'initialization')).toContain('en los cinco primeros pasos, junto con un salto breve de la pérdida por encima de 2');
    expectBothSay('initialization', '0.35');
  });
});

describe('initialisation: hand-checkable numbers', () => {
  it('(1/3)^10 ≈ 1.7 × 10⁻⁵, 2^−30 ≈ 9.3 × 10⁻¹⁰, (1 + 0.25²)/2 = 0.53', () => {
    expect(sci((1 / 3) ** 10)).toBe('1.7 \\times 10^{-5}');
    expect(sci(2 ** -30)).toBe('9.3 \\times 10^{-10}');
    expect(fixed((1 + 0.25 ** 2) / 2, 2)).toBe('0.53');
    for (const n of ['1.7 \\times 10^{-5}', '9.3 \\times 10^{-10}', '0.53']) expectBothSay('initialization', n);
    expectBothSay('conclusion', '9.3 \\times 10^{-10}');
  });
});
