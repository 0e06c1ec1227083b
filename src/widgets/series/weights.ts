/**
 * Per-layer measures of the weights themselves, for "which layers are learning".
 * TEMPORARY: these follow the contract of src/lib (issue 11: driftFromInit, spectralNorms,
 * gradientBound) until the library exports them; then this file re-exports the library's.
 */
import { activation, type Network } from '../../lib/index.ts';

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** ‖W_l − W0_l‖ / ‖W0_l‖ per layer: how far each layer has moved from its initial weights. */
export function driftFromInit(net: Network, net0: Network): Float64Array {
  return Float64Array.from(net.layers, (l, i) => {
    const w0 = net0.layers[i].weights;
    let s = 0;
    for (let k = 0; k < w0.length; k++) s += (l.weights[k] - w0[k]) ** 2;
    const n0 = norm(w0);
    return n0 > 0 ? Math.sqrt(s) / n0 : Math.sqrt(s);
  });
}

/**
 * ‖W_l‖₂ per layer by power iteration on WᵀW from a fixed start, so it is deterministic.
 * `warm` (one vector per layer, updated in place) starts each iteration from the previous
 * call's singular vector: weights change little between records, so it converges in a few
 * iterations instead of dozens.
 */
export function spectralNorms(net: Network, warm?: Float64Array[]): Float64Array {
  return Float64Array.from(net.layers, (l, li) => {
    const { inputs, outputs, weights: w } = l;
    const v = warm?.[li] ?? new Float64Array(inputs).fill(1 / Math.sqrt(inputs));
    const u = new Float64Array(outputs);
    let sigma = 0;
    for (let it = 0; it < 100; it++) {
      for (let j = 0; j < outputs; j++) {
        let s = 0;
        const r = j * inputs;
        for (let i = 0; i < inputs; i++) s += w[r + i] * v[i];
        u[j] = s;
      }
      v.fill(0);
      for (let j = 0; j < outputs; j++) {
        const r = j * inputs;
        const uj = u[j];
        for (let i = 0; i < inputs; i++) v[i] += w[r + i] * uj;
      }
      const n = norm(v);
      if (n === 0) return 0;
      for (let i = 0; i < inputs; i++) v[i] /= n;
      const next = Math.sqrt(n);
      if (Math.abs(next - sigma) <= 1e-9 * next) return next;
      sigma = next;
    }
    return sigma;
  });
}

/**
 * For each layer, the product of maxDerivative·‖W‖₂ over the layers above it (1 for the
 * output layer): the most that layer's backpropagated error can be, relative to the
 * output's, whatever the inputs. It holds for any width, unlike 0.25 per layer.
 */
export function gradientBound(net: Network, warm?: Float64Array[]): Float64Array {
  const L = net.layers.length;
  const sn = spectralNorms(net, warm);
  const maxD = activation(net.spec.activation, net.spec.alpha).maxDerivative;
  const out = new Float64Array(L);
  out[L - 1] = 1;
  for (let l = L - 2; l >= 0; l--) out[l] = out[l + 1] * maxD * sn[l + 1];
  return out;
}
