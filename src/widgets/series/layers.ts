import type { LayerStats } from '../../lib/index.ts';

/** Each layer's weight-gradient norm ‖∂L/∂W‖, layer 1 first, the output layer last. */
export const gradNorms = (layers: LayerStats[]): number[] => layers.map((l) => l.weightGradNorm);

/** Each layer's backpropagated error: the RMS of ∂L/∂z over the batch and the units. */
export const errorRms = (layers: LayerStats[]): number[] => layers.map((l) => l.deltaRms);

/**
 * First over last of a per-layer profile. NaN when it has no meaning: no layers, or a last
 * value of 0 (a network that passes no gradient at all, where 0/0 would print "NaN times").
 * Callers show NaN as "no gradient", never as a number.
 */
export function firstToLast(values: number[]): number {
  if (values.length === 0) return NaN;
  const a = values[0];
  const b = values[values.length - 1];
  if (!(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return NaN;
  return a / b;
}

/** First-to-last ratio of the weight-gradient norms (the figures' headline number). */
export const gradientRatio = (layers: LayerStats[]): number => firstToLast(gradNorms(layers));
