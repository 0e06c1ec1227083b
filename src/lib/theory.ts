import { DEFAULT_LEAKY_ALPHA } from './activations.ts';
import { initVariance } from './init.ts';
import type { ActivationName, InitSpec } from './types.ts';

/**
 * Upper bound on |d a_L / d a_0| through a chain of L sigmoid units with
 * |w| <= 1: each link contributes |w| sigma' <= 1/4, so the product is <= 0.25^L.
 */
export function sigmoidBound(L: number): number {
  return Math.pow(0.25, L);
}

/**
 * Predicted ratio Var[a_l] / Var[a_(l-1)] at initialisation for a layer with
 * fan-in nIn and fan-out nOut (He et al. 2015, eq. 7, and its leaky variant):
 *   linear, tanh (small-signal regime, tanh' (0) = 1):  n Var[w]
 *   relu:                                                (1/2) n Var[w]
 *   leakyRelu with slope alpha:                          (1/2)(1 + alpha^2) n Var[w]
 * For ReLU the "variance" is the second moment E[a^2], which is what the recursion tracks.
 */
export function predictedVarianceRatio(init: InitSpec, activation: ActivationName, nIn: number, nOut: number, alpha?: number): number {
  const nVar = nIn * initVariance(init, nIn, nOut);
  switch (activation) {
    case 'linear':
    case 'tanh':
      return nVar;
    case 'relu':
      return 0.5 * nVar;
    case 'leakyRelu': {
      const a = alpha ?? DEFAULT_LEAKY_ALPHA;
      return 0.5 * (1 + a * a) * nVar;
    }
    default:
      throw new Error(`activation: no variance-ratio theory for '${activation}' (use linear, tanh, relu or leakyRelu)`);
  }
}
