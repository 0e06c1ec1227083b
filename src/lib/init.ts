import type { Rng } from './rng.ts';
import type { InitName, InitSpec } from './types.ts';

/**
 * Every named scheme is one scaled initialiser: w = scale * u, with u drawn from
 * U[-1, 1] or N(0, 1), and scale = sqrt(c / fan). They differ only in the
 * distribution, the constant c and the fan (fan-in, or fan-in + fan-out).
 *   classic        U, c = 1, fan-in      -> U[+-1/sqrt(n_in)], n_in Var = 1/3 (Glorot and Bengio's "standard")
 *   xavierUniform  U, c = 6, fan-in+out  -> Var = 2/(n_in + n_out)
 *   xavierNormal   N, c = 2, fan-in+out
 *   heUniform      U, c = 6, fan-in      -> Var = 2/n_in (He et al. 2015)
 *   heNormal       N, c = 2, fan-in
 *   lecunNormal    N, c = 1, fan-in      -> Var = 1/n_in
 * (A uniform on [-L, L] has variance L^2/3, hence c = 3 * (target n Var).)
 */
const SCHEMES: Readonly<Record<InitName, readonly [dist: 'uniform' | 'normal', c: number, fanInPlusOut: boolean]>> = {
  zeros: ['uniform', 0, false],
  classic: ['uniform', 1, false],
  xavierUniform: ['uniform', 6, true],
  xavierNormal: ['normal', 2, true],
  heUniform: ['uniform', 6, false],
  heNormal: ['normal', 2, false],
  lecunNormal: ['normal', 1, false],
};

export interface InitScale {
  dist: 'uniform' | 'normal';
  /** The uniform limit, or the normal standard deviation. */
  scale: number;
}

export function initScale(init: InitSpec, nIn: number, nOut: number): InitScale {
  if (typeof init === 'object') {
    return init.kind === 'normal' ? { dist: 'normal', scale: init.std } : { dist: 'uniform', scale: init.limit };
  }
  const [dist, c, both] = SCHEMES[init];
  return { dist, scale: Math.sqrt(c / (both ? nIn + nOut : nIn)) };
}

/** The variance of one weight under the scheme: L^2/3 for U[-L, L], std^2 for a normal. */
export function initVariance(init: InitSpec, nIn: number, nOut: number): number {
  const { dist, scale } = initScale(init, nIn, nOut);
  return dist === 'uniform' ? (scale * scale) / 3 : scale * scale;
}

/** Fills w (mutated) with draws for a layer of the given fans, consuming rng in index order. */
export function fillInit(w: Float64Array, init: InitSpec, nIn: number, nOut: number, rng: Rng): void {
  const { dist, scale } = initScale(init, nIn, nOut);
  if (scale === 0) {
    w.fill(0);
    return;
  }
  for (let i = 0; i < w.length; i++) w[i] = scale * (dist === 'uniform' ? 2 * rng.next() - 1 : rng.normal());
}
