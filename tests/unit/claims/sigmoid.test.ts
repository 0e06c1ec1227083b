// The sigmoid chapter's numbers, computed with src/lib and found in both language versions.
import { describe, expect, it } from 'vitest';
import { activation, sigmoid, sigmoidBound } from '../../../src/lib/index.ts';
import { chapter, expectBothSay, fixed, LANGS, sci } from './helpers.ts';

const sig = activation('sigmoid');
const tanh = activation('tanh');

describe('sigmoid chapter: the saturation table and the explorer sentence', () => {
  it('σ(2) = 0.881, σ′(2) = 0.105; σ(5) = 0.9933, σ′(5) = 0.0066; σ(10) = 0.99995, σ′(10) = 4.5 × 10⁻⁵', () => {
    expect(fixed(sigmoid(2), 3)).toBe('0.881');
    expect(fixed(sig.df(2), 3)).toBe('0.105');
    expect(fixed(sigmoid(5), 4)).toBe('0.9933');
    expect(fixed(sig.df(5), 4)).toBe('0.0066');
    expect(fixed(sigmoid(10), 5)).toBe('0.99995');
    expect(sci(sig.df(10))).toBe('4.5 \\times 10^{-5}');
    for (const n of ['0.881', '0.105', '0.9933', '0.0066', '0.99995', '4.5 \\times 10^{-5}']) expectBothSay('sigmoid', n);
  });

  it('σ′ peaks at 0.25 at x = 0, and σ′(5) is about one thirty-eighth of it', () => {
    expect(sig.df(0)).toBe(0.25);
    expect(Math.round(0.25 / sig.df(5))).toBe(38);
    expect(chapter('en', 'sigmoid')).toContain('one thirty-eighth');
    expect(chapter('es', 'sigmoid')).toContain('trigésima octava parte');
  });

  it('tanh′(2) = 0.071 and tanh′(5) = 1.8 × 10⁻⁴, and tanh′ = 4σ′(2x)', () => {
    expect(fixed(tanh.df(2), 3)).toBe('0.071');
    expect(sci(tanh.df(5))).toBe('1.8 \\times 10^{-4}');
    for (const x of [-3, 0, 0.7, 2]) expect(tanh.df(x)).toBeCloseTo(4 * sig.df(2 * x), 12);
    expectBothSay('sigmoid', '0.071');
    expectBothSay('sigmoid', '1.8 \\times 10^{-4}');
  });
});

describe('sigmoid chapter: the chain of derivatives', () => {
  it('0.25^5 = 9.8 × 10⁻⁴, 0.25^10 = 9.5 × 10⁻⁷, 0.25^30 = 8.7 × 10⁻¹⁹', () => {
    expect(sci(sigmoidBound(5))).toBe('9.8 \\times 10^{-4}');
    expect(sci(sigmoidBound(10))).toBe('9.5 \\times 10^{-7}');
    expect(sci(sigmoidBound(30))).toBe('8.7 \\times 10^{-19}');
    for (const n of ['9.8 \\times 10^{-4}', '9.5 \\times 10^{-7}', '8.7 \\times 10^{-19}']) expectBothSay('sigmoid', n);
  });

  it('with an input of 1 and no bias, w·σ′(w) peaks at 0.224, at w ≈ 1.54, so a bigger weight cannot beat the slope in the chain', () => {
    let best = 0;
    let at = 0;
    for (let w = 0; w <= 20; w += 1e-4) {
      const v = w * sig.df(w);
      if (v > best) {
        best = v;
        at = w;
      }
    }
    expect(fixed(best, 3)).toBe('0.224');
    expect(fixed(at, 2)).toBe('1.54');
    // Below the 0.25 that a weight of 4 would need to cancel, for every weight.
    expect(best).toBeLessThan(0.25);
    for (const slug of ['sigmoid', 'vanishing-gradient']) expectBothSay(slug, '0.224');
    expectBothSay('sigmoid', '1.54');
  });

  it('the fourfold bound is stated for the one-unit chain, in both languages', () => {
    expect(chapter('en', 'sigmoid')).toMatch(/in this chain, each extra layer divides the signal by at least four/);
    expect(chapter('es', 'sigmoid')).toMatch(/en esta cadena, cada capa más divide la señal al menos entre cuatro/);
    for (const lang of LANGS) expect(chapter(lang, 'sigmoid')).not.toMatch(/A través de \$n\$ capas sigmoides, el mejor caso|Through \$n\$ sigmoid layers the best case/);
  });
});
