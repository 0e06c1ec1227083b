import type { Activation } from './activations.ts';
import type { LayerStats } from './types.ts';

export function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** ||a - b|| / ||b||, taking 0/0 as 0: how far a has moved from b, relative to b. */
export function relativeChange(a: Float64Array, b: Float64Array): number {
  let d = 0, s = 0;
  for (let i = 0; i < a.length; i++) {
    const e = a[i] - b[i];
    d += e * e;
    s += b[i] * b[i];
  }
  return d === 0 ? 0 : Math.sqrt(d / s);
}

/**
 * Fills out (mutated) with one layer's stats from its batch x n buffers z, a
 * and d = dLoss/dz, and its gradients gw and gb. unitSum is n values of scratch.
 * Counts use +(condition) rather than branches: on random signs a branch
 * mispredicts half the time.
 */
export function layerStats(act: Activation, z: Float64Array, a: Float64Array, d: Float64Array, gw: Float64Array, gb: Float64Array, unitSum: Float64Array, batch: number, n: number, out: LayerStats): void {
  const N = batch * n;
  let sa = 0, saa = 0, sd = 0;
  for (let i = 0; i < N; i++) {
    const v = a[i];
    const e = d[i];
    sa += v;
    saa += v * v;
    sd += e * e;
  }
  const mean = sa / N;
  out.updateRatio = 0;
  out.weightGradNorm = norm(gw);
  out.biasGradNorm = norm(gb);
  out.deltaRms = Math.sqrt(sd / N);
  out.activationMean = mean;
  out.activationStd = Math.sqrt(Math.max(0, saa / N - mean * mean));
  const threshold = 0.1 * act.maxDerivative;
  let dead = 0;
  let sat = 0;
  if (act.canDie) {
    // ReLU: a = max(z, 0), so a unit is dead (f' = 0 on every example) exactly
    // when its activations sum to 0, and f' < threshold exactly when a = 0.
    unitSum.fill(0);
    let positive = 0;
    for (let b = 0; b < batch; b++) {
      const r = b * n;
      for (let j = 0; j < n; j++) {
        const v = a[r + j];
        unitSum[j] += v;
        positive += +(v > 0);
      }
    }
    for (let j = 0; j < n; j++) dead += +(unitSum[j] === 0);
    sat = N - positive;
  } else if (act.name === 'sigmoid') {
    for (let i = 0; i < N; i++) { const v = a[i]; sat += +(v * (1 - v) < threshold); }
  } else if (act.name === 'tanh') {
    for (let i = 0; i < N; i++) { const v = a[i]; sat += +(1 - v * v < threshold); }
  } else if (act.name !== 'linear') {
    const df = act.df;
    for (let i = 0; i < N; i++) sat += +(df(z[i]) < threshold);
  }
  out.deadFraction = dead / n;
  out.saturatedFraction = sat / N;
}

export interface Histogram {
  /** Count per bin; bin i covers [edges[i], edges[i + 1]). */
  counts: Float64Array;
  edges: Float64Array;
  /** Non-finite values, which are not counted in any bin. */
  skipped: number;
}

/**
 * Histogram of values over [min, max] (default: the finite data range) in
 * `bins` equal bins. Values outside the range are counted in the first or last
 * bin, so the counts always add up to the number of finite values.
 */
export function histogram(values: ArrayLike<number>, options: { bins: number; min?: number; max?: number }): Histogram {
  const { bins } = options;
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins: must be an integer >= 1, got ${String(bins)}`);
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  let min = options.min ?? (lo === Infinity ? 0 : lo);
  let max = options.max ?? (hi === -Infinity ? 1 : hi);
  if (!(Number.isFinite(min) && Number.isFinite(max) && max >= min)) throw new Error(`min: need finite min <= max, got ${min} and ${max}`);
  if (max === min) {
    min -= 0.5;
    max += 0.5;
  }
  const counts = new Float64Array(bins);
  const edges = new Float64Array(bins + 1);
  const width = (max - min) / bins;
  for (let i = 0; i <= bins; i++) edges[i] = min + i * width;
  let skipped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      skipped++;
      continue;
    }
    const k = Math.floor((v - min) / width);
    counts[k < 0 ? 0 : k >= bins ? bins - 1 : k]++;
  }
  return { counts, edges, skipped };
}
