// Whole-matrix measures of a network's weights: how far training has moved
// them, their spectral norms, and the bound those norms put on backprop.
import { relativeChange } from './stats.ts';
import type { Network } from './types.ts';
import { layerActivations } from './workspace.ts';

/** ||W_l - W0_l|| / ||W0_l|| per layer (Frobenius norms; 0 when unchanged, Infinity when W0_l = 0 and W_l differs). */
export function driftFromInit(net: Network, net0: Network): Float64Array {
  const L = net.layers.length;
  if (net0.layers.length !== L) throw new Error(`net0: has ${net0.layers.length} layers, net has ${L}`);
  const out = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    const w = net.layers[l].weights, w0 = net0.layers[l].weights;
    if (w.length !== w0.length) throw new Error(`net0: layer ${l} has ${w0.length} weights, net has ${w.length}`);
    out[l] = relativeChange(w, w0);
  }
  return out;
}

/**
 * Largest singular value of the rows x cols matrix w: power iteration from a
 * fixed start vector, so the result is deterministic, on S = G^32 for the
 * smaller Gram matrix G (five squarings raise the ratio of the top two
 * eigenvalues to the 32nd power, so few iterations are needed), then the
 * Rayleigh quotient on G itself. When the top two singular values nearly
 * coincide the vector mixes them, but the quotient still lies between them.
 */
export function spectralNorm(w: Float64Array, rows: number, cols: number): number {
  const n = Math.min(rows, cols);
  const m = Math.max(rows, cols);
  const wide = cols > rows;
  const g = new Float64Array(n * n);
  // G = W W^T (n = rows) or W^T W (n = cols).
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let t = 0;
      for (let k = 0; k < m; k++) t += wide ? w[i * cols + k] * w[j * cols + k] : w[k * cols + i] * w[k * cols + j];
      g[i * n + j] = t;
      g[j * n + i] = t;
    }
  }
  let s = g.slice();
  let tmp = new Float64Array(n * n);
  for (let k = 0; k < 5; k++) {
    let top = 0;
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) {
      let t = 0;
      for (let q = 0; q < n; q++) t += s[i * n + q] * s[q * n + j];
      tmp[i * n + j] = t;
      tmp[j * n + i] = t;
      top = Math.max(top, Math.abs(t));
    }
    if (top === 0) return 0;
    for (let i = 0; i < n * n; i++) tmp[i] /= top;
    [s, tmp] = [tmp, s];
  }
  const rayleigh = (a: Float64Array, v: Float64Array, out: Float64Array) => {
    let num = 0, den = 0;
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = 0; j < n; j++) t += a[i * n + j] * v[j];
      out[i] = t;
      num += t * v[i];
      den += v[i] * v[i];
    }
    return num / den;
  };
  let v = new Float64Array(n);
  let u = new Float64Array(n);
  // A start vector with no special structure, so it is not orthogonal to the top singular vector of any test matrix.
  for (let i = 0; i < n; i++) v[i] = 1 + ((i * 0.6180339887498949) % 1);
  let last = 0;
  for (let it = 0; it < 10000; it++) {
    const r = rayleigh(s, v, u);
    let norm2 = 0;
    for (let i = 0; i < n; i++) norm2 += u[i] * u[i];
    if (norm2 === 0) return 0;
    const inv = 1 / Math.sqrt(norm2);
    for (let i = 0; i < n; i++) u[i] *= inv;
    [v, u] = [u, v];
    if (Math.abs(r - last) <= 1e-12 * r) break;
    last = r;
  }
  return Math.sqrt(rayleigh(g, v, u));
}

/** ||W_l||_2 per layer. */
export function spectralNorms(net: Network): Float64Array {
  return Float64Array.from(net.layers, (l) => spectralNorm(l.weights, l.outputs, l.inputs));
}

/**
 * For each layer l, an upper bound on ||dLoss/dz_l|| / ||dLoss/dz_out|| from
 * the chain rule: every layer k above l multiplies the error by at most
 * maxDerivative(phi_(k-1)) ||W_k||_2, or 1 + s maxDerivative ||W_k||_2 through
 * a residual block. The output layer's entry is 1. Normalisation has a
 * Jacobian with no such simple bound, so it is refused.
 */
export function gradientBound(net: Network): Float64Array {
  const { spec, layers } = net;
  if ((spec.norm ?? 'none') !== 'none') throw new Error(`norm: gradientBound has no bound through '${String(spec.norm)}' normalisation`);
  const L = layers.length;
  const d = layerActivations(net).map((a) => a.maxDerivative);
  const s = spec.residualScale ?? 1;
  const sn = spectralNorms(net);
  const out = new Float64Array(L);
  out[L - 1] = 1;
  // g = bound on ||dLoss/dh_l|| / ||delta_out||, built downwards from the top hidden layer.
  let g = L > 1 ? sn[L - 1] : 1;
  for (let l = L - 2; l >= 0; l--) {
    const res = isResidual(net, l);
    out[l] = (res ? s : 1) * d[l] * g;
    g *= res ? 1 + s * d[l] * sn[l] : d[l] * sn[l];
  }
  return out;
}

/** True when hidden layer l computes h + s phi(z): residual is on, l is not the first, and its width is unchanged. */
export function isResidual(net: Network, l: number): boolean {
  const layer = net.layers[l];
  return net.spec.residual === true && l > 0 && l < net.layers.length - 1 && layer.inputs === layer.outputs;
}
