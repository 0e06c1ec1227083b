import { describe, expect, it } from 'vitest';
import { activationsPerLayer, createNetwork, createRng, gradients, meanField, type ActivationName, type Network } from '../../../src/lib/index.ts';
import { gaussHermite } from '../../../src/lib/meanfield.ts';

describe('Gauss-Hermite quadrature', () => {
  it('integrates the normal moments E[z^2k] = (2k - 1)!! to 1e-13', () => {
    const { z, p } = gaussHermite(80);
    const moment = (k: number) => z.reduce((s, v, i) => s + p[i] * v ** k, 0);
    expect(moment(0)).toBeCloseTo(1, 14);
    expect(moment(1)).toBeCloseTo(0, 14);
    expect(moment(2)).toBeCloseTo(1, 13);
    expect(moment(4)).toBeCloseTo(3, 13);
    expect(moment(6)).toBeCloseTo(15, 12);
    // E[cos z] = e^(-1/2).
    expect(z.reduce((s, v, i) => s + p[i] * Math.cos(v), 0)).toBeCloseTo(Math.exp(-0.5), 14);
  });
});

describe('meanField (Poole et al. 2016, Schoenholz et al. 2017)', () => {
  it.each<[number, number]>([[1, 0], [1.5, 0.1], [2, 0], [2.4, 0.3]])('ReLU: chi1 = sigmaW2 / 2 exactly (sigmaW2 %f, sigmaB2 %f)', (w, b) => {
    expect(meanField('relu', w, b).chi1).toBeCloseTo(w / 2, 15);
  });

  it('ReLU: q* = sigmaB2 / (1 - sigmaW2 / 2) when ordered, Infinity past sigmaW2 = 2, and depth scale Infinity at 2', () => {
    expect(meanField('relu', 1.5, 0.1).qStar).toBeCloseTo(0.1 / 0.25, 12);
    expect(meanField('relu', 2.5, 0.1).qStar).toBe(Infinity);
    expect(meanField('relu', 2, 0.05).qStar).toBe(Infinity);
    expect(meanField('relu', 2, 0).depthScale).toBe(Infinity);
    expect(meanField('relu', 1, 0).depthScale).toBeCloseTo(-1 / Math.log(0.5), 14);
  });

  it.each<[number, number]>([[0.5, 0], [1, 0.2], [1.3, 0.05]])('linear: chi1 = sigmaW2 and q* = sigmaB2 / (1 - sigmaW2) below 1 (%f, %f)', (w, b) => {
    const m = meanField('linear', w, b);
    expect(m.chi1).toBeCloseTo(w, 14);
    if (w < 1) expect(m.qStar).toBeCloseTo(b / (1 - w), 12);
  });

  it.each([0.3, 0.8, 0.99, 1])('tanh with sigmaB2 = 0 has q* = 0 and chi1 = sigmaW2 for sigmaW2 = %f', (w) => {
    const m = meanField('tanh', w, 0);
    expect(m.qStar).toBeCloseTo(0, 12);
    expect(m.chi1).toBeCloseTo(w, 10);
  });

  it('tanh with sigmaB2 = 0.05 is ordered below sigmaW2 = 1.76 and chaotic above, as in Schoenholz et al. (fig. 1)', () => {
    let lo = 1, hi = 3;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      if (meanField('tanh', mid, 0.05).chi1 < 1) lo = mid;
      else hi = mid;
    }
    expect(lo).toBeGreaterThan(1.75);
    expect(lo).toBeLessThan(1.77);
    expect(meanField('tanh', 1.5, 0.05).chi1).toBeLessThan(1);
    expect(meanField('tanh', 2.5, 0.05).chi1).toBeGreaterThan(1);
    expect(meanField('tanh', 1.5, 0.05).depthScale).toBeGreaterThan(10);
  });

  it('names the bad argument', () => {
    expect(() => meanField('tanh', -1, 0)).toThrow(/^sigmaW2: /);
    expect(() => meanField('tanh', 1, NaN)).toThrow(/^sigmaB2: /);
  });

  // Width 512, 30 layers, weights N(0, sigmaW2 / 512) and biases N(0, sigmaB2):
  // the backpropagated error's variance shrinks or grows by chi1 per layer.
  // One standard network is drawn once and rescaled per case (drawing 7.9 M
  // normals is most of the cost).
  it.each<[ActivationName, number, number]>([['tanh', 1.2, 0.05], ['tanh', 2.5, 0.05], ['relu', 1.8, 0.1]])(
    'in a wide random %s net (sigmaW2 %f, sigmaB2 %f) the measured per-layer error-variance ratio over layers 5-25 is chi1 within 10 percent',
    { timeout: 60_000 },
    (activation, w, b) => {
      const batch = 16;
      const net = structuredClone(standardNet());
      net.spec.activation = activation;
      net.spec.output = 'linear';
      const rng = createRng(2);
      for (const l of net.layers) {
        for (let i = 0; i < l.weights.length; i++) l.weights[i] *= Math.sqrt(w);
        for (let j = 0; j < WIDTH; j++) l.biases[j] = Math.sqrt(b) * rng.normal();
      }
      const x = Float64Array.from({ length: batch * WIDTH }, () => rng.normal());
      const y = Float64Array.from({ length: batch * WIDTH }, () => rng.normal());
      const { layers } = gradients(net, x, y, batch, 'mse');
      // Geometric mean of Var[delta_l] / Var[delta_(l+1)] for 1-based layers l = 5..25.
      const v = layers.map((s) => s.deltaRms ** 2);
      const ratio = Math.pow(v[4] / v[25], 1 / 21);
      const { chi1 } = meanField(activation, w, b);
      expect(Math.abs(ratio / chi1 - 1)).toBeLessThan(0.1);
    });
});

const WIDTH = 512;
let standard: Network | null = null;
/** A 30-layer, 512-wide network with N(0, 1/512) weights: lecunNormal, drawn once for this file. */
function standardNet(): Network {
  standard ??= createNetwork({ sizes: Array<number>(31).fill(WIDTH), activation: 'selu', output: 'selu', init: 'lecunNormal', seed: 1 });
  return standard;
}

describe('SELU (Klambauer et al. 2017)', () => {
  it.each([1, 2])('keeps mean 0 and variance 1 through 30 lecunNormal layers of width 512 (input seed %i)', { timeout: 60_000 }, (seed) => {
    const width = WIDTH, batch = 32;
    const net = standardNet();
    const rng = createRng(100 + seed);
    const x = Float64Array.from({ length: batch * width }, () => rng.normal());
    const layers = activationsPerLayer(net, x, batch);
    for (const l of [9, 19, 29]) {
      const a = layers[l].a;
      const mean = a.reduce((s, t) => s + t, 0) / a.length;
      const variance = a.reduce((s, t) => s + (t - mean) ** 2, 0) / a.length;
      expect(Math.abs(mean)).toBeLessThan(0.1);
      expect(Math.abs(variance - 1)).toBeLessThan(0.1);
    }
  });

  it('uses the published constants lambda = 1.0507 and alpha = 1.6733', async () => {
    const { activation } = await import('../../../src/lib/index.ts');
    const selu = activation('selu');
    expect(selu.f(1)).toBeCloseTo(1.0507009873554805, 15);
    expect(selu.f(-50)).toBeCloseTo(-1.0507009873554805 * 1.6732632423543772, 12);
    expect(selu.maxDerivative).toBeCloseTo(1.7580993408473766, 14);
  });
});
