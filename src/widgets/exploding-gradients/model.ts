/**
 * Exploding gradients and clipping: one wide network whose weight scale the reader sets,
 * trained twice in lockstep from the same seed, once with plain SGD and once with the
 * gradient clipped by its global norm. Pure, so the build, the island and the tests
 * compute the same thing. Defaults calibrated over seeds 1-3 (see
 * tests/unit/widgets/exploding-gradients.test.ts): at scale 2.5 the unclipped run
 * diverges within a few steps while the clipped one trains.
 */
import { createNetwork, gradientBound, type LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SessionConfig } from '../runner/session.ts';
import { classifierConfig, initialRecord, type NamedRun } from '../runner/runs.ts';

export { initialRecord };

export const WIDTH = 64;
export const CLIP_OPTIONS = ['0.1', '0.3', '1', '3', '10'] as const;
export const LR_OPTIONS = ['0.01', '0.02', '0.05', '0.1', '0.2'] as const;
export const ACTIVATIONS = ['relu', 'tanh'] as const;
export type ExplodingActivation = (typeof ACTIVATIONS)[number];

export const EXPLODING_SCHEMA = {
  activation: { kind: 'enum', options: ACTIVATIONS, default: 'relu' },
  /** σ in w ~ N(0, σ²/n) with n = WIDTH: the per-layer factor the reader turns. */
  scale: { kind: 'number', min: 0.5, max: 3, step: 0.1, default: 2.5 },
  depth: { kind: 'number', min: 2, max: 20, step: 1, default: 10 },
  clip: { kind: 'enum', options: CLIP_OPTIONS, default: '1' },
  lr: { kind: 'enum', options: LR_OPTIONS, default: '0.05' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type ExplodingValues = Values<typeof EXPLODING_SCHEMA>;

export const RUNS = ['plain', 'clipped'] as const;
export type ExplodingRunName = (typeof RUNS)[number];

export const RECORD_EVERY = 5;
export const MAX_STEPS = 500;
/** Steps trained at build time for the figure readers see without JavaScript. */
export const STATIC_STEPS = 100;
export const DATA = { name: 'moons', n: 160, noise: 0.08 } as const;

/**
 * The scale at which the per-layer factor is 1 at initialisation: He's √2 for ReLU,
 * which passes half the signal, and 1 for tanh, whose slope at 0 is 1.
 */
export const BALANCED: Record<ExplodingActivation, number> = { relu: Math.SQRT2, tanh: 1 };

export function explodingConfig(v: ExplodingValues, run: ExplodingRunName): SessionConfig {
  return classifierConfig(
    {
      depth: v.depth,
      width: WIDTH,
      activation: v.activation,
      // One absolute standard deviation for every layer: σ/√n with n the hidden width, so
      // n·Var[w] = σ² in every hidden and the output layer (the 2-input first layer just
      // scales the inputs down).
      init: { kind: 'normal', std: v.scale / Math.sqrt(WIDTH) },
      seed: v.seed,
      data: DATA,
      lr: Number(v.lr),
      recordEvery: RECORD_EVERY,
      maxSteps: MAX_STEPS,
    },
    {},
    // The clipped run must keep going after its unclipped twin has diverged: that is the comparison.
    { clipNorm: run === 'clipped' ? Number(v.clip) : undefined, independent: true },
  );
}

export function explodingConfigs(v: ExplodingValues): SessionConfig[] {
  return RUNS.map((r) => explodingConfig(v, r));
}

/** What the figure shows of one run, from a build-time session or the worker. */
export type ExplodingRun = NamedRun<ExplodingRunName>;

/** Units per layer (hidden layers, then the output), to turn an RMS into a norm. */
export function layerWidths(depth: number): number[] {
  return [...Array.from({ length: depth }, () => WIDTH), 1];
}

/**
 * ‖δ_l‖ / ‖δ_out‖ per layer, the output's entry 1: the quantity gradientBound() bounds.
 * deltaRms is an RMS over batch x units, so the batch-summed norm is deltaRms·√(batch·n);
 * the batch factor cancels in the ratio.
 */
export function errorProfile(layers: LayerStats[]): number[] {
  const L = layers.length;
  if (L === 0) return [];
  const widths = layerWidths(L - 1);
  const out = layers[L - 1].deltaRms * Math.sqrt(widths[L - 1]);
  return layers.map((l, i) => (l.deltaRms * Math.sqrt(widths[i])) / out);
}

/** The first hidden layer's error relative to the output's. */
export function firstToOutput(layers: LayerStats[]): number {
  return errorProfile(layers)[0] ?? NaN;
}

export type Regime = 'vanishing' | 'balanced' | 'exploding';

/** More than tenfold either way between the first layer and the output counts as vanishing or exploding. */
export function regime(ratio: number): Regime {
  if (!(ratio >= 0.1)) return 'vanishing';
  return ratio > 10 ? 'exploding' : 'balanced';
}

/** Global L2 norm of the gradient before clipping, from one record's per-layer norms. */
export function globalGradNorm(layers: LayerStats[]): number {
  let s = 0;
  for (const l of layers) s += l.weightGradNorm ** 2 + l.biasGradNorm ** 2;
  return Math.sqrt(s);
}

/** Survives: has not diverged and has brought the loss below where it started. */
export function survives(r: ExplodingRun): boolean {
  return r.diverged === null && Number.isFinite(r.loss) && r.loss < r.initialLoss;
}

/**
 * gradientBound() of the initial network: for each layer, the product over the layers
 * above it of maxDerivative·‖W‖₂, an upper bound on ‖δ_l‖ / ‖δ_out‖ for every example.
 */
export function initialBound(v: ExplodingValues): number[] {
  return Array.from(gradientBound(createNetwork(explodingConfig(v, 'plain').spec)));
}
