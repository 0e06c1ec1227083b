// The introduction's numbers: the one-unit chain bound and the level of a coin toss.
import { describe, expect, it } from 'vitest';
import { sigmoidBound } from '../../../src/lib/index.ts';
import { chapter, expectBothSay, fixed, LANGS, sci } from './helpers.ts';

describe('introduction claims', () => {
  it('ten factors of at most 0.25 give 0.25^10 ≈ 9.5 × 10⁻⁷, less than one millionth', () => {
    const b = sigmoidBound(10);
    expect(sci(b)).toBe('9.5 \\times 10^{-7}');
    expect(b).toBeLessThan(1e-6);
    expectBothSay('introduction', '9.5 \\times 10^{-7}');
  });

  it('a network that answers 50 % everywhere has loss ln 2 ≈ 0.693', () => {
    const p = 0.5;
    const bce = -(Math.log(p) + Math.log(1 - p)) / 2;
    expect(fixed(bce, 3)).toBe('0.693');
    expect(bce).toBeCloseTo(Math.LN2, 15);
    expectBothSay('introduction', '\\ln 2 \\approx 0.693');
  });

  it('the race is said to differ in initialisation as well as activation', () => {
    expect(chapter('en', 'introduction')).toMatch(/what differs is the activation, together with the initialisation that suits it/);
    expect(chapter('es', 'introduction')).toMatch(/lo que cambia es la activación, y con ella la inicialización que le conviene/);
    for (const lang of LANGS) expect(chapter(lang, 'introduction')).not.toMatch(/the only difference is the activation|solo cambia la función de activación/);
  });
});
