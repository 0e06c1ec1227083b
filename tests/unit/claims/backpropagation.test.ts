// The backpropagation chapter's numbers: the losses, the deltas, the gradients, the
// finite-difference check and the learning-rate bowl, from src/lib.
import { describe, expect, it } from 'vitest';
import { activation, createNetwork, gradients } from '../../../src/lib/index.ts';
import { chapter, expectBothSay, fixed, LANGS, sci } from './helpers.ts';
import { backwardExample, exampleNetwork, forwardExample, W2, X, Y } from './worked-example.ts';

const f = forwardExample();
const b = backwardExample();
const lossAt = (w11: number) => backwardExample(exampleNetwork(w11)).loss;

describe('backpropagation: the losses of the example', () => {
  it('squared error (0.656 − 1)² ≈ 0.118 and cross-entropy −ln 0.656 ≈ 0.421', () => {
    expect(fixed(b.loss, 3)).toBe('0.118');
    const net = exampleNetwork();
    const bce = gradients(net, Float64Array.from(X), Float64Array.from([Y]), 1, 'bce').loss;
    expect(fixed(bce, 3)).toBe('0.421');
    expectBothSay('backpropagation', '\\approx 0.118');
    expectBothSay('backpropagation', '\\approx 0.421');
  });
});

describe('backpropagation: the example, backwards', () => {
  it('∂C/∂a² = −0.687, σ′(z²) = 0.226, δ² = −0.155', () => {
    expect(fixed(2 * (f.yhat - Y), 3)).toBe('-0.687');
    expect(fixed(activation('sigmoid').df(f.z2), 3)).toBe('0.226');
    expect(fixed(b.delta2, 3)).toBe('-0.155');
    for (const n of ['-0.687', '0.226', '\\delta^{2} = -0.155']) expectBothSay('backpropagation', n);
  });

  it('∂C/∂W² = (−0.093, −0.096, −0.058) and ∂C/∂b² = −0.155', () => {
    expect(b.dW2.map((g) => fixed(g, 3))).toEqual(['-0.093', '-0.096', '-0.058']);
    for (const lang of LANGS) {
      const t = chapter(lang, 'backpropagation');
      const v = lang === 'en' ? '(-0.093,\\ -0.096,\\ -0.058)' : '(-0{,}093;\\ -0{,}096;\\ -0{,}058)';
      expect(t).toContain(v);
    }
  });

  it('sent back through W²: (−0.108, 0.077, −0.139); slopes (0.240, 0.235, 0.235); δ¹ = (−0.0261, 0.0182, −0.0328)', () => {
    expect(W2.map((w) => fixed(w * b.delta2, 3))).toEqual(['-0.108', '0.077', '-0.139']);
    expect(f.z1.map((z) => fixed(activation('sigmoid').df(z), 3))).toEqual(['0.240', '0.235', '0.235']);
    expect(b.delta1.map((d) => fixed(d, 4))).toEqual(['-0.0261', '0.0182', '-0.0328']);
    for (const lang of LANGS) {
      const t = chapter(lang, 'backpropagation');
      const [sep, c] = lang === 'en' ? [',\\ ', '.'] : [';\\ ', '{,}'];
      expect(t).toContain(`(${['-0.108', '0.077', '-0.139'].map((s) => s.replace('.', c)).join(sep)})`);
      expect(t).toContain(`(${['-0.0261', '0.0182', '-0.0328'].map((s) => s.replace('.', c)).join(sep)})`);
    }
  });

  it('the first layer gradient is about 2.9 times smaller than the output layer’s (weights only)', () => {
    const norm = (v: number[]) => Math.hypot(...v);
    expect(fixed(norm(b.dW2) / norm(b.dW1), 1)).toBe('2.9');
    expectBothSay('backpropagation', '2.9');
  });
});

describe('backpropagation: checking with finite differences', () => {
  it('0.5 → 0.501 moves the loss from 0.118007 to 0.117981: one-sided −0.02605, backprop −0.02606, central −0.026058', () => {
    const eps = 0.001;
    const c0 = lossAt(0.5);
    const c1 = lossAt(0.5 + eps);
    const cm = lossAt(0.5 - eps);
    expect(fixed(c0, 6)).toBe('0.118007');
    expect(fixed(c1, 6)).toBe('0.117981');
    expect(sci(c1 - c0)).toBe('-2.6 \\times 10^{-5}');
    expect(fixed((c1 - c0) / eps, 5)).toBe('-0.02605');
    expect(fixed(b.dW1[0], 5)).toBe('-0.02606');
    expect(fixed((c1 - cm) / (2 * eps), 6)).toBe('-0.026058');
    expect(fixed(b.dW1[0], 6)).toBe('-0.026058');
    for (const n of ['0.118007', '0.117981', '-2.6 \\times 10^{-5}', '-0.02605', '-0.02606', '-0.026058']) expectBothSay('backpropagation', n);
  });

  it('both formulas are shown: the one-sided difference used in the example and the central one', () => {
    for (const lang of LANGS) {
      const t = chapter(lang, 'backpropagation');
      expect(t).toContain('\\frac{C(w + \\varepsilon) - C(w)}{\\varepsilon}');
      expect(t).toContain('\\frac{C(w + \\varepsilon) - C(w - \\varepsilon)}{2\\varepsilon}');
    }
  });
});

describe('backpropagation: the product of derivatives', () => {
  it('the delta of layer l carries L − l + 1 slope factors: one per layer from l to L', () => {
    // δ¹ of a 1-1-1-1 chain with unit weights is σ′(z¹)σ′(z²)σ′(z³)·∂C/∂a³: three factors for L = 3, l = 1.
    const net = createNetwork({ sizes: [1, 1, 1, 1], activation: 'sigmoid', output: 'sigmoid', init: 'zeros', seed: 1 });
    for (const l of net.layers) l.weights[0] = 1;
    const g = gradients(net, Float64Array.from([0]), Float64Array.from([1]), 1, 'mse');
    const s = activation('sigmoid');
    const z1 = 0;
    const z2 = s.f(z1);
    const z3 = s.f(z2);
    const dCda3 = 2 * (s.f(z3) - 1);
    expect(g.biases[0][0]).toBeCloseTo(s.df(z1) * s.df(z2) * s.df(z3) * dCda3, 14);
    for (const lang of LANGS) expect(chapter(lang, 'backpropagation')).toContain('L - l + 1');
  });

  it('with ηk = 0.01, a hundred steps leave 37 % of the distance', () => {
    expect(fixed(100 * 0.99 ** 100, 0)).toBe('37');
    expect(chapter('en', 'backpropagation')).toContain('37%');
    expect(chapter('es', 'backpropagation')).toContain('37 %');
  });
});
