// The hand-checkable numbers of the ReLU, leaky-ReLU and conclusion chapters.
import { describe, expect, it } from 'vitest';
import { activation, createNetwork, gradients, sigmoidBound } from '../../../src/lib/index.ts';
import { chapter, expectBothSay, fixed, LANGS, sci } from './helpers.ts';

describe('relu chapter', () => {
  it('relu′ is 1 for z > 0 and 0 for z ≤ 0 (the library takes relu′(0) = 0); σ′(5) ≈ 0.0066; 0.25^10 ≈ 9.5 × 10⁻⁷ against 1^10 = 1', () => {
    const r = activation('relu');
    expect([r.df(0.1), r.df(100), r.df(0), r.df(-3)]).toEqual([1, 1, 0, 0]);
    expect(fixed(activation('sigmoid').df(5), 4)).toBe('0.0066');
    expect(sci(sigmoidBound(10))).toBe('9.5 \\times 10^{-7}');
    for (const n of ['0.0066', '9.5 \\times 10^{-7}', '1^{10} = 1']) expectBothSay('relu', n);
  });

  it('along an all-active one-unit chain the gradient is the product of the weights: no slope factor left', () => {
    const net = createNetwork({ sizes: [1, 1, 1, 1], activation: 'relu', output: 'linear', init: 'zeros', seed: 1 });
    const w = [0.7, 1.3, 0.9];
    net.layers.forEach((l, i) => (l.weights[0] = w[i]));
    const x = 2;
    const g = gradients(net, Float64Array.from([x]), Float64Array.from([0]), 1, 'mse');
    const out = w[0] * w[1] * w[2] * x;
    // dC/dw₁ = a₀ · w₂ · w₃ · dC/da₃, with dC/da₃ = 2 (out − 0).
    expect(g.weights[0][0]).toBeCloseTo(x * w[1] * w[2] * 2 * out, 12);
  });
});

describe('leaky-relu chapter', () => {
  it('leaky′ is α or 1, never 0; with α = 0.01 a path through negative units shrinks by 10⁻² per layer', () => {
    const a = activation('leakyRelu', 0.01);
    expect([a.df(-5), a.df(0), a.df(2)]).toEqual([0.01, 0.01, 1]);
    expect(a.canDie).toBe(false);
    expect(activation('relu').canDie).toBe(true);
    expectBothSay('leaky-relu', '10^{-2}');
  });

  it('the chapter says leaky ReLU keeps negative units connected, and that dead units can revive', () => {
    expect(chapter('en', 'leaky-relu')).toContain('it keeps those units connected to the gradient');
    expect(chapter('es', 'leaky-relu')).toContain('mantener esas unidades conectadas al gradiente');
    expect(chapter('en', 'leaky-relu')).toContain('the unit revives');
    expect(chapter('es', 'leaky-relu')).toContain('la unidad revive');
    for (const lang of LANGS) expect(chapter(lang, 'leaky-relu')).not.toMatch(/a leaky ReLU unit cannot be dead|no puede estar muerta\./);
  });
});

describe('conclusion chapter', () => {
  it('0.25^10 ≈ 9.5 × 10⁻⁷ and 2^−30 ≈ 9.3 × 10⁻¹⁰', () => {
    expect(sci(sigmoidBound(10))).toBe('9.5 \\times 10^{-7}');
    expect(sci(2 ** -30)).toBe('9.3 \\times 10^{-10}');
    expectBothSay('conclusion', '9.5 \\times 10^{-7}');
    expectBothSay('conclusion', '9.3 \\times 10^{-10}');
  });

  it('clipping is said to change no per-layer factor', () => {
    expect(chapter('en', 'conclusion')).toContain('changes no per-layer factor');
    expect(chapter('es', 'conclusion')).toContain('no cambia ningún factor por capa');
  });
});
