import type { Rng } from './rng.ts';
import type { InitSpec } from './types.ts';

/**
 * Every named scheme. Here, not in validate.ts, so a page that only lists the schemes (the lab's
 * menu) does not load the argument checks and, with them, the network code.
 */
export const INIT_NAMES: readonly string[] = Object.freeze([
  'zeros', 'classic', 'xavierUniform', 'xavierNormal', 'heUniform', 'heNormal', 'lecunNormal', 'orthogonal',
]);

type ScaledName = 'zeros' | 'classic' | 'xavierUniform' | 'xavierNormal' | 'heUniform' | 'heNormal' | 'lecunNormal';

/**
 * Every named scheme but 'orthogonal' is one scaled initialiser: w = scale * u, with u drawn from
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
const SCHEMES: Readonly<Record<ScaledName, readonly [dist: 'uniform' | 'normal', c: number, fanInPlusOut: boolean]>> = {
  zeros: ['uniform', 0, false],
  classic: ['uniform', 1, false],
  xavierUniform: ['uniform', 6, true],
  xavierNormal: ['normal', 2, true],
  heUniform: ['uniform', 6, false],
  heNormal: ['normal', 2, false],
  lecunNormal: ['normal', 1, false],
};

export interface InitScale {
  dist: 'uniform' | 'normal' | 'orthogonal';
  /** The uniform limit, the normal standard deviation, or the orthogonal matrix's RMS entry gain / sqrt(max fan). */
  scale: number;
}

export function initScale(init: InitSpec, nIn: number, nOut: number): InitScale {
  if (init === 'orthogonal') return { dist: 'orthogonal', scale: 1 / Math.sqrt(Math.max(nIn, nOut)) };
  if (typeof init === 'object') {
    if (init.kind === 'orthogonal') return { dist: 'orthogonal', scale: init.gain / Math.sqrt(Math.max(nIn, nOut)) };
    return init.kind === 'normal' ? { dist: 'normal', scale: init.std } : { dist: 'uniform', scale: init.limit };
  }
  const [dist, c, both] = SCHEMES[init];
  return { dist, scale: Math.sqrt(c / (both ? nIn + nOut : nIn)) };
}

/** The variance of one weight under the scheme: L^2/3 for U[-L, L], std^2 for a normal, gain^2 / max fan for an orthogonal matrix. */
export function initVariance(init: InitSpec, nIn: number, nOut: number): number {
  const { dist, scale } = initScale(init, nIn, nOut);
  return dist === 'uniform' ? (scale * scale) / 3 : scale * scale;
}

/**
 * Orthogonal init (Saxe et al. 2014), as PyTorch does it: a rows x cols
 * Gaussian matrix (drawn row-major), transposed when wide, whose QR
 * decomposition gives Q with orthonormal columns; W is Q (or Q^T) times gain.
 * Gram-Schmidt run twice is orthogonal to rounding and yields diag(R) > 0,
 * which is the sign correction by diag(R) of a Householder QR.
 */
function fillOrthogonal(w: Float64Array, rows: number, cols: number, gain: number, rng: Rng): void {
  const wide = rows < cols;
  const p = wide ? cols : rows;
  const q = wide ? rows : cols;
  // a[j * p + i]: column j of the tall p x q matrix.
  const a = new Float64Array(p * q);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = rng.normal();
      if (wide) a[r * p + c] = v;
      else a[c * p + r] = v;
    }
  }
  for (let j = 0; j < q; j++) {
    const cj = j * p;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let d = 0;
        for (let i = 0; i < p; i++) d += a[k * p + i] * a[cj + i];
        for (let i = 0; i < p; i++) a[cj + i] -= d * a[k * p + i];
      }
    }
    let s = 0;
    for (let i = 0; i < p; i++) s += a[cj + i] * a[cj + i];
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < p; i++) a[cj + i] *= inv;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) w[r * cols + c] = gain * (wide ? a[r * p + c] : a[c * p + r]);
  }
}

/** Fills w (mutated, nOut x nIn row-major) with draws for a layer of the given fans, consuming rng in index order. */
export function fillInit(w: Float64Array, init: InitSpec, nIn: number, nOut: number, rng: Rng): void {
  const { dist, scale } = initScale(init, nIn, nOut);
  if (dist === 'orthogonal') {
    fillOrthogonal(w, nOut, nIn, typeof init === 'object' && init.kind === 'orthogonal' ? init.gain : 1, rng);
    return;
  }
  if (scale === 0) {
    w.fill(0);
    return;
  }
  for (let i = 0; i < w.length; i++) w[i] = scale * (dist === 'uniform' ? 2 * rng.next() - 1 : rng.normal());
}
