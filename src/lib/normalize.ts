// Batch and layer normalisation of a batch x n pre-activation, and its
// backward pass. Both are the same computation over different index sets: per
// unit over the batch ('batch'), or per example over the units ('layer').
import type { NormName } from './types.ts';

export const NORM_EPS = 1e-5;
/** PyTorch's running-statistics momentum. */
export const BN_MOMENTUM = 0.1;

/**
 * u (batch x n) -> xh = (u - mu) / sqrt(var + eps), with biased var, writing the
 * means, variances and 1 / sqrt(var + eps) into mean, vr and inv (n entries for
 * 'batch', batch entries for 'layer'). Mutates xh, mean, vr and inv.
 */
export function normalizeTrain(kind: NormName, u: Float64Array, xh: Float64Array, mean: Float64Array, vr: Float64Array, inv: Float64Array, batch: number, n: number): void {
  // Group g has `size` members at offsets g * gs + k * ks.
  const byUnit = kind === 'batch';
  const groups = byUnit ? n : batch, size = byUnit ? batch : n;
  const gs = byUnit ? 1 : n, ks = byUnit ? n : 1;
  for (let g = 0; g < groups; g++) {
    const o = g * gs;
    let s = 0;
    for (let k = 0; k < size; k++) s += u[o + k * ks];
    const m = s / size;
    let ss = 0;
    for (let k = 0; k < size; k++) { const e = u[o + k * ks] - m; ss += e * e; }
    const v = ss / size;
    const r = 1 / Math.sqrt(v + NORM_EPS);
    mean[g] = m;
    vr[g] = v;
    inv[g] = r;
    for (let k = 0; k < size; k++) xh[o + k * ks] = (u[o + k * ks] - m) * r;
  }
}

/** Batch norm at inference: xh = (u - runningMean) / sqrt(runningVar + eps), per unit. Mutates xh. */
export function normalizeRunning(u: Float64Array, xh: Float64Array, rm: Float64Array, rv: Float64Array, batch: number, n: number): void {
  for (let j = 0; j < n; j++) {
    const m = rm[j], r = 1 / Math.sqrt(rv[j] + NORM_EPS);
    for (let b = 0; b < batch; b++) xh[b * n + j] = (u[b * n + j] - m) * r;
  }
}

/** z = gamma xh + beta per unit. Mutates z. */
export function affine(xh: Float64Array, gamma: Float64Array, beta: Float64Array, z: Float64Array, batch: number, n: number): void {
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    for (let j = 0; j < n; j++) z[r + j] = gamma[j] * xh[r + j] + beta[j];
  }
}

/**
 * From d = dLoss/dz: the gradients of gamma and beta (into gg and gb), and
 * du = dLoss/du. With dx = gamma d, per group of `size` members:
 *   du = inv / size (size dx - sum dx - xh sum(dx xh)).
 * Mutates gg, gb and du.
 */
export function normalizeBackward(kind: NormName, d: Float64Array, xh: Float64Array, gamma: Float64Array, inv: Float64Array, gg: Float64Array, gb: Float64Array, du: Float64Array, batch: number, n: number): void {
  gg.fill(0);
  gb.fill(0);
  for (let b = 0; b < batch; b++) {
    const r = b * n;
    for (let j = 0; j < n; j++) {
      gg[j] += d[r + j] * xh[r + j];
      gb[j] += d[r + j];
    }
  }
  const byUnit = kind === 'batch';
  const groups = byUnit ? n : batch, size = byUnit ? batch : n;
  const gs = byUnit ? 1 : n, ks = byUnit ? n : 1;
  for (let g = 0; g < groups; g++) {
    const o = g * gs;
    let s1 = 0, s2 = 0;
    for (let k = 0; k < size; k++) {
      const i = o + k * ks;
      const dx = d[i] * gamma[byUnit ? g : k];
      s1 += dx;
      s2 += dx * xh[i];
    }
    const c = inv[g] / size;
    for (let k = 0; k < size; k++) {
      const i = o + k * ks;
      du[i] = c * (size * d[i] * gamma[byUnit ? g : k] - s1 - xh[i] * s2);
    }
  }
}

/** running <- (1 - momentum) running + momentum batch value, with the unbiased variance. Mutates rm and rv. */
export function updateRunning(rm: Float64Array, rv: Float64Array, mean: Float64Array, vr: Float64Array, batch: number): void {
  const unbias = batch / (batch - 1);
  for (let j = 0; j < rm.length; j++) {
    rm[j] = (1 - BN_MOMENTUM) * rm[j] + BN_MOMENTUM * mean[j];
    rv[j] = (1 - BN_MOMENTUM) * rv[j] + BN_MOMENTUM * vr[j] * unbias;
  }
}
