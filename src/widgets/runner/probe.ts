/**
 * The optional per-unit probe of a session: what figures about single units (dead units)
 * need beyond the per-layer statistics. Costs one forward pass over the training set, so a
 * session computes it only when its config asks for it, and the worker only when it posts.
 */
import { activationsPerLayer, type Network } from '../../lib/index.ts';

export interface UnitProbe {
  /** Per hidden layer, per unit: is its pre-activation <= 0 on every training input? */
  negative: boolean[][];
  /** Each layer's weights (outputs x inputs, row-major), copied. */
  weights: Float64Array[];
}

export function probeUnits(net: Network, x: Float64Array, n: number): UnitProbe {
  const layers = activationsPerLayer(net, x, n);
  const negative: boolean[][] = [];
  for (let l = 0; l < layers.length - 1; l++) {
    const units = net.layers[l].outputs;
    const z = layers[l].z;
    const neg = new Array<boolean>(units).fill(true);
    for (let b = 0; b < n; b++) {
      const row = b * units;
      for (let j = 0; j < units; j++) if (z[row + j] > 0) neg[j] = false;
    }
    negative.push(neg);
  }
  return { negative, weights: net.layers.map((l) => l.weights.slice()) };
}

/** One layer's activation histogram: bins[i] covers [x0, x1); the last bin includes x1. */
export interface ActivationHistogram {
  layer: number;
  bins: { x0: number; x1: number; count: number }[];
}

export interface HistogramSpec {
  /** Hidden layers to histogram, 1-based. */
  layers: number[];
  bins: number;
  /** The activation's range, e.g. [-1, 1] for tanh. */
  range: [number, number];
}

/** The histogram probe: activations at step 0, and as of `step`. */
export interface HistogramProbe {
  step: number;
  initial: ActivationHistogram[];
  now: ActivationHistogram[];
}

/**
 * Histograms of the chosen layers' activations over the training set, in training mode:
 * batch norm's running statistics lag behind, and saturation during training is what the
 * batch statistics produce. One forward pass.
 */
export function probeHistograms(net: Network, x: Float64Array, n: number, spec: HistogramSpec): ActivationHistogram[] {
  return histogramsOf(activationsPerLayer(net, x, n, true), spec);
}

/** The histograms of the chosen layers from a forward pass already made (activationsPerLayer's layers). */
export function histogramsOf(acts: { a: Float64Array }[], spec: HistogramSpec): ActivationHistogram[] {
  const [lo, hi] = spec.range;
  const w = (hi - lo) / spec.bins;
  return spec.layers
    .filter((l) => l >= 1 && l < acts.length)
    .map((l) => {
      const a = acts[l - 1].a;
      const counts = new Array<number>(spec.bins).fill(0);
      for (let i = 0; i < a.length; i++) {
        if (!Number.isFinite(a[i])) continue;
        counts[Math.min(spec.bins - 1, Math.max(0, Math.floor((a[i] - lo) / w)))]++;
      }
      return { layer: l, bins: counts.map((count, i) => ({ x0: lo + i * w, x1: lo + (i + 1) * w, count })) };
    });
}
