/**
 * The init explorer: a deep network at initialisation, before any training. One batch of
 * Gaussian inputs goes forwards and one loss gradient comes back; the figure shows, per
 * layer, the activations, the weight gradients and the activations' mean square against
 * the linear-regime theory (src/lib predictedVarianceRatio) compounded over the layers.
 * Pure and synchronous; after each change the island runs it in a worker (explore.worker.ts),
 * or, without one, in three main-thread tasks (network, gradients, the rest).
 */
import {
  activationsPerLayer,
  createNetwork,
  createRng,
  gradients,
  predictedVarianceRatio,
  type ActivationName,
  type InitSpec,
  type LayerStats,
  type Network,
} from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';

export const INIT_OPTIONS = ['zeros', 'small', 'large', 'classic', 'xavier', 'he'] as const;
export type InitOption = (typeof INIT_OPTIONS)[number];

/**
 * Width stops at 64: at depth 50 the work grows with width² (drawing the weights and the
 * matrix products), and 256 units took over 2 s per change (see tests/unit/widgets/init-explorer.test.ts).
 */
export const INIT_EXPLORER_SCHEMA = {
  depth: { kind: 'number', min: 1, max: 50, step: 1, default: 30 },
  width: { kind: 'number', min: 16, max: 64, step: 8, default: 64 },
  activation: { kind: 'enum', options: ['sigmoid', 'tanh', 'relu', 'leakyRelu'], default: 'relu' },
  init: { kind: 'enum', options: INIT_OPTIONS, default: 'xavier' },
  seed: { kind: 'number', min: 1, max: 999, step: 1, default: 1 },
} as const satisfies Schema;
export type InitExplorerValues = Values<typeof INIT_EXPLORER_SCHEMA>;

export const INIT_SPECS: Record<InitOption, InitSpec> = {
  zeros: 'zeros',
  small: { kind: 'normal', std: 0.01 },
  large: { kind: 'normal', std: 1 },
  classic: 'classic',
  xavier: 'xavierUniform',
  he: 'heNormal',
};

/** Multiply-adds per matrix product we allow: depth × width² × batch. 50 × 64² × 16 ≈ 3.3 million. */
export const WORK_BUDGET = 50 * 64 * 64 * 16;
export const MIN_BATCH = 16;
export const MAX_BATCH = 256;
/** At most this many layers in the small multiples. */
export const MAX_SHOWN = 10;

/** Batch size for a depth and width: as many examples as the budget allows, a power of two in [16, 256]. */
export function batchFor(depth: number, width: number): number {
  const b = WORK_BUDGET / (depth * width * width);
  const p = 2 ** Math.floor(Math.log2(Math.max(1, b)));
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, p));
}

/** Up to `max` evenly spaced hidden layers (1-based), always the first and the last. */
export function shownLayers(depth: number, max = MAX_SHOWN): number[] {
  if (depth <= max) return Array.from({ length: depth }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let k = 0; k < max; k++) out.add(1 + Math.round((k * (depth - 1)) / (max - 1)));
  return [...out];
}

/** The weights: [width] inputs, depth hidden layers of width units, one linear output. Activation-independent. */
export function explorerNetwork(v: Pick<InitExplorerValues, 'depth' | 'width' | 'init' | 'seed' | 'activation'>): Network {
  return createNetwork({
    sizes: [v.width, ...Array.from({ length: v.depth }, () => v.width), 1],
    activation: v.activation as ActivationName,
    output: 'linear',
    init: INIT_SPECS[v.init],
    seed: v.seed,
  });
}

/** The same weights under another hidden activation (the weights do not depend on it). */
export function withActivation(net: Network, act: ActivationName): Network {
  return net.spec.activation === act ? net : { spec: { ...net.spec, activation: act }, layers: net.layers };
}

/** The inputs x ~ N(0, 1), batch × width, and regression targets y ~ N(0, 1), from their own seeded stream. */
export function explorerBatch(width: number, batch: number, seed: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(seed * 7919 + 17);
  const x = new Float64Array(batch * width);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(batch);
  for (let i = 0; i < batch; i++) y[i] = rng.normal();
  return { x, y };
}

export function meanSquare(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return v.length ? s / v.length : NaN;
}

export interface InitExplorerResult {
  depth: number;
  width: number;
  batch: number;
  activation: ActivationName;
  init: InitOption;
  /** E[x²] of the inputs (≈ 1). */
  inputMeanSquare: number;
  /** Per hidden layer l = 1..depth: E[a_l²] / E[x²]. */
  ratio: number[];
  /** Linear-regime theory r^l, r = predictedVarianceRatio; null where there is none (sigmoid). */
  theory: number[] | null;
  /** The theory's per-layer factor r, or null. */
  perLayer: number | null;
  /**
   * Whether the theory describes this network. ReLU's recursion is exact in expectation. For
   * tanh it is a linearisation, tanh(z) ≈ z, true only while z stays small: it holds when
   * the factor shrinks the signal layer after layer (r < 1), never when it keeps it at 1 or
   * grows it (Xavier, He, too large), where tanh′ < 1 or saturation take over.
   */
  theoryApplies: boolean;
  /** RMS of the first hidden layer's activations: how far from the linear regime tanh starts. */
  firstRms: number;
  /** Per hidden layer: the activations (batch × width) and the weight gradients dL/dW (width × width). */
  activations: Float64Array[];
  weightGrads: Float64Array[];
  /** Per hidden layer stats from src/lib (gradient norm, saturation, dead units...). */
  stats: LayerStats[];
}

/** Forward and backward once, at initialisation, on one batch. Does not mutate net. */
export function explore(net: Network, v: InitExplorerValues): InitExplorerResult {
  return exploreFinish(exploreGradients(net, v));
}

/** The first half of explore(): the batch and one forward and backward pass. */
export interface ExploreHalf {
  net: Network;
  v: InitExplorerValues;
  x: Float64Array;
  batch: number;
  g: ReturnType<typeof gradients>;
}

/**
 * explore() in two halves of about equal cost, so the island can run them in separate tasks
 * (at depth 50 the whole takes 10–12 ms, 40–50 ms on a phone-class CPU): the gradients, then
 * the activations and everything derived. explore(net, v) is exploreFinish(exploreGradients(net, v)).
 */
export function exploreGradients(net: Network, v: InitExplorerValues): ExploreHalf {
  const n = withActivation(net, v.activation as ActivationName);
  const depth = n.layers.length - 1;
  const width = n.layers[0].inputs;
  const batch = batchFor(depth, width);
  const { x, y } = explorerBatch(width, batch, v.seed);
  return { net: n, v, x, batch, g: gradients(n, x, y, batch, 'mse') };
}

export function exploreFinish({ net: n, v, x, batch, g }: ExploreHalf): InitExplorerResult {
  const act = v.activation as ActivationName;
  const depth = n.layers.length - 1;
  const width = n.layers[0].inputs;
  // gradients() returns the weight gradients but not the activations: one more forward pass for those.
  const acts = activationsPerLayer(n, x, batch).slice(0, depth).map((l) => l.a);
  const inputMeanSquare = meanSquare(x);
  const ratio = acts.map((a) => meanSquare(a) / inputMeanSquare);
  let perLayer: number | null = null;
  let theory: number[] | null = null;
  if (act !== 'sigmoid') {
    perLayer = predictedVarianceRatio(INIT_SPECS[v.init as InitOption], act, width, width);
    theory = ratio.map((_, l) => perLayer! ** (l + 1));
  }
  const theoryApplies = perLayer !== null && (act !== 'tanh' || perLayer < 1 - 1e-9);
  return {
    depth,
    width,
    batch,
    activation: act,
    init: v.init as InitOption,
    inputMeanSquare,
    ratio,
    theory,
    perLayer,
    theoryApplies,
    firstRms: Math.sqrt(meanSquare(acts[0])),
    activations: acts,
    weightGrads: g.weights.slice(0, depth),
    stats: g.layers.slice(0, depth),
  };
}
