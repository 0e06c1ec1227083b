// Whole-matrix measures of a network's weights: how far training has moved
// them, their spectral norms, and the bound those norms put on backprop.
import { activation } from './activations.ts';
import { relativeChange } from './stats.ts';
import type { Network } from './types.ts';

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
 * Largest singular value of the rows x cols matrix w, by power iteration on the
 * smaller Gram matrix G from a fixed start vector, so the result is
 * deterministic. Stops when the residual ||G v - lambda v|| falls below
 * 1e-10 lambda, which leaves the Rayleigh quotient far inside 1e-6 relative.
 */
export function spectralNorm(w: Float64Array, rows: number, cols: number): number {
  const n = Math.min(rows, cols);
  const m = Math.max(rows, cols);
  const wide = cols > rows;
  const g = new Float64Array(n * n);
  // G = W W^T (n = rows) or W^T W (n = cols).
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += wide ? w[i * cols + k] * w[j * cols + k] : w[k * cols + i] * w[k * cols + j];
      g[i * n + j] = s;
      g[j * n + i] = s;
    }
  }
  let v = new Float64Array(n);
  let u = new Float64Array(n);
  // A start vector with no special structure, so it is not orthogonal to the top singular vector of any test matrix.
  for (let i = 0; i < n; i++) v[i] = 1 + ((i * 0.6180339887498949) % 1);
  let lambda = 0;
  for (let it = 0; it < 100000; it++) {
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    if (vv === 0) return 0;
    const inv = 1 / Math.sqrt(vv);
    for (let i = 0; i < n; i++) v[i] *= inv;
    let r = 0;
    lambda = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += g[i * n + j] * v[j];
      u[i] = s;
      lambda += s * v[i];
    }
    for (let i = 0; i < n; i++) r += (u[i] - lambda * v[i]) ** 2;
    if (lambda <= 0) return 0;
    if (Math.sqrt(r) <= 1e-10 * lambda) break;
    [v, u] = [u, v];
  }
  return Math.sqrt(lambda);
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
  const d = activation(spec.activation, spec.alpha).maxDerivative;
  const s = spec.residualScale ?? 1;
  const sn = spectralNorms(net);
  const out = new Float64Array(L);
  out[L - 1] = 1;
  // g = bound on ||dLoss/dh_l|| / ||delta_out||, built downwards from the top hidden layer.
  let g = L > 1 ? sn[L - 1] : 1;
  for (let l = L - 2; l >= 0; l--) {
    const res = isResidual(net, l);
    out[l] = (res ? s : 1) * d * g;
    g *= res ? 1 + s * d * sn[l] : d * sn[l];
  }
  return out;
}

/** True when hidden layer l computes h + s phi(z): residual is on, l is not the first, and its width is unchanged. */
export function isResidual(net: Network, l: number): boolean {
  const layer = net.layers[l];
  return net.spec.residual === true && l > 0 && l < net.layers.length - 1 && layer.inputs === layer.outputs;
}
