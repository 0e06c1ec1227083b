// Shared helpers for the library tests.
import { createNetwork, createRng, gradients, type LossName, type Network } from '../../../src/lib/index.ts';

export function randomArray(n: number, seed: number, f: (u: number, z: number) => number = (_u, z) => z): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(rng.next(), rng.normal());
  return out;
}

/** max_i |a_i - n_i| / max(1e-8, |a_i| + |n_i|): a relative error that tolerates exact zeros. */
export function relativeError(a: ArrayLike<number>, n: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i] - n[i]) / Math.max(1e-8, Math.abs(a[i]) + Math.abs(n[i]));
    if (e > worst) worst = e;
  }
  return worst;
}

/**
 * Fourth-order central differences, (-f(+2h) + 8 f(+h) - 8 f(-h) + f(-2h)) / 12h,
 * of the loss with respect to every weight and bias (restores net). Truncation
 * error is O(h^4), so h = 1e-4 keeps both it and rounding near 1e-13.
 */
export function numericGradients(net: Network, x: Float64Array, y: Float64Array, batch: number, loss: LossName, h: number): { weights: Float64Array[]; biases: Float64Array[] } {
  const diff = centralDifferences(() => gradients(net, x, y, batch, loss).loss, h);
  return { weights: net.layers.map((l) => diff(l.weights)), biases: net.layers.map((l) => diff(l.biases)) };
}

/** The same differences for gamma and beta of every normalised layer (null elsewhere). */
export function numericNormGradients(net: Network, x: Float64Array, y: Float64Array, batch: number, loss: LossName, h: number): { gammas: (Float64Array | null)[]; betas: (Float64Array | null)[] } {
  const diff = centralDifferences(() => gradients(net, x, y, batch, loss).loss, h);
  const orNull = (p: Float64Array | undefined) => (p ? diff(p) : null);
  return { gammas: net.layers.map((l) => orNull(l.gamma)), betas: net.layers.map((l) => orNull(l.beta)) };
}

/** d lossAt / d p[i] for every i, by nudging p in place (and putting each entry back). */
function centralDifferences(lossAt: () => number, h: number): (p: Float64Array) => Float64Array {
  return (p) => {
    const g = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const keep = p[i];
      const at = (d: number) => {
        p[i] = keep + d;
        return lossAt();
      };
      // Differences first, so a loss that does not move gives exactly 0.
      g[i] = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
      p[i] = keep;
    }
    return g;
  };
}

/**
 * Output weights of +-1.7e308 on two identical, saturated hidden units cancel
 * exactly, so the loss and the gradient are finite, but an update with a huge
 * learning rate overflows the first weight to Infinity.
 */
export function overflowingNet(norm: 'none' | 'batch' | 'layer'): { net: Network; x: Float64Array; y: Float64Array } {
  const net = createNetwork({ sizes: [2, 3, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', norm, seed: 8 });
  const [hidden, out] = net.layers;
  hidden.weights.set([0.5, -0.2, 0.5, -0.2, 0.3, 0.8]);
  hidden.biases.set([30, 30, 0.1]);
  // With normalisation, gamma = 0 and beta = 30 saturate units 0 and 1 instead.
  hidden.gamma?.set([0, 0, 1]);
  hidden.beta?.set([30, 30, 0]);
  out.weights.set([1.7e308, -1.7e308, 0.3]);
  return { net, x: new Float64Array([0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8]), y: new Float64Array([1, 1, 0, 1]) };
}

