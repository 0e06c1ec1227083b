import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES, activation } from '../../../src/lib/index.ts';

const GRID = Array.from({ length: 801 }, (_, i) => -8 + i * 0.02);

describe('activation derivatives', () => {
  it('sigmoid derivative peaks at 0.25 at x = 0', () => {
    const { df } = ACTIVATIONS.sigmoid;
    expect(df(0)).toBe(0.25);
    for (const x of GRID) if (x !== 0) expect(df(x)).toBeLessThan(0.25);
  });

  it('tanh derivative peaks at 1 at x = 0', () => {
    const { df } = ACTIVATIONS.tanh;
    expect(df(0)).toBe(1);
    for (const x of GRID) if (Math.abs(x) > 1e-9) expect(df(x)).toBeLessThan(1);
  });

  it('relu derivative is 0 or 1', () => {
    for (const x of GRID) expect(ACTIVATIONS.relu.df(x)).toBe(x > 0 ? 1 : 0);
  });

  it.each([0.01, 0.1, 0.3])('leaky ReLU derivative is alpha = %f on negative inputs and 1 on positive ones', (alpha) => {
    const leaky = activation('leakyRelu', alpha);
    for (const x of GRID) expect(leaky.df(x)).toBe(x > 0 ? 1 : alpha);
    expect(leaky.f(-2)).toBeCloseTo(-2 * alpha, 15);
  });

  it('leaky ReLU defaults to alpha 0.01 and ELU to alpha 1', () => {
    expect(ACTIVATIONS.leakyRelu.df(-1)).toBe(0.01);
    expect(ACTIVATIONS.elu.f(-50)).toBeCloseTo(-1, 12);
  });

  it.each(ACTIVATION_NAMES.map((n) => [n]))('%s derivative matches a central difference on a grid', (name) => {
    for (const alpha of [undefined, 0.2]) {
      const { f, df } = activation(name, alpha);
      const h = 1e-5;
      for (const x of GRID) {
        // Skip the kinks of relu, leaky ReLU and ELU, where no derivative exists.
        if (Math.abs(x) < 2 * h) continue;
        const numeric = (f(x + h) - f(x - h)) / (2 * h);
        expect(Math.abs(numeric - df(x))).toBeLessThan(1e-8 * Math.max(1, Math.abs(df(x))));
      }
    }
  });

  it.each(ACTIVATION_NAMES.map((n) => [n]))('%s maxDerivative is the largest derivative on a fine grid', (name) => {
    const act = ACTIVATIONS[name];
    let max = 0;
    // Also just below 0, where SELU's supremum lambda alpha is approached but not reached.
    for (let x = -10; x <= 10; x += 0.0005) max = Math.max(max, act.df(x), act.df(-1e-12));
    expect(max).toBeLessThanOrEqual(act.maxDerivative + 1e-12);
    expect(max).toBeGreaterThan(act.maxDerivative - 1e-6);
  });

  it('sigmoid never returns NaN and saturates to exactly 0 and 1', () => {
    const { f } = ACTIVATIONS.sigmoid;
    expect(f(-1000)).toBe(0);
    expect(f(1000)).toBe(1);
    expect(f(-745)).toBeGreaterThanOrEqual(0);
  });

  it('only ReLU can produce dead units', () => {
    expect(ACTIVATION_NAMES.filter((n) => ACTIVATIONS[n].canDie)).toEqual(['relu']);
  });

  it('an unknown activation name throws an error naming the field', () => {
    expect(() => activation('softplus' as 'relu')).toThrow(/^activation: unknown activation 'softplus'/);
  });
});
