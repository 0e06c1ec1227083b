// Backpropagation on the chapters' worked example (the 2-3-1 sigmoid network of
// ../worked-example, x = (1, 0.5), y = 1, squared error): deltas, gradients and the
// finite-difference check, all computed with src/lib.
import { cloneNetwork, gradients, type Network } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import { EXAMPLE, EXAMPLE_SETTINGS, forwardPass, PARAM_KEYS, PARAMS, type ForwardResult, type ParamRef } from '../worked-example/example.ts';

/** The chapter's loss: (ŷ − y)²; src/lib's 'mse' is its mean, the same for one output. */
export const LOSS = 'mse' as const;
/** The nudge of the "check by nudging" button, as in the chapter. */
export const EPS = 0.001;

export const BACKPROP_SCHEMA = {
  /** The weight or bias that "check by nudging" moves. */
  sel: { kind: 'enum', options: PARAM_KEYS, default: 'w1_11' },
} as const satisfies Schema;
export type BackpropValues = Values<typeof BACKPROP_SCHEMA>;

export interface BackpropResult {
  fwd: ForwardResult;
  y: number;
  loss: number;
  /** dC/dŷ = 2(ŷ − y). */
  dCda: number;
  /** Output delta dC/dz². */
  delta2: number;
  /** W²ᵀ δ²: what reaches each hidden unit before its own slope. */
  back: number[];
  /** Hidden deltas dC/dz¹. */
  delta1: number[];
  /** dC/dW¹ (3 x 2, row-major), dC/dW² (3), dC/db¹, dC/db². */
  gW1: number[];
  gW2: number[];
  gb1: number[];
  gb2: number;
  /** ‖dC/dW²‖ / ‖dC/dW¹‖. */
  normRatio: number;
}

const norm = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0));

export function backprop(settings: Record<string, unknown> = EXAMPLE_SETTINGS, y: number = EXAMPLE.y): BackpropResult {
  const fwd = forwardPass(settings);
  const g = gradients(fwd.net, new Float64Array(fwd.x), new Float64Array([y]), 1, LOSS);
  // With one example the bias gradients are the deltas.
  const delta1 = Array.from(g.biases[0]);
  const delta2 = g.biases[1][0];
  const gW1 = Array.from(g.weights[0]);
  const gW2 = Array.from(g.weights[1]);
  return {
    fwd,
    y,
    loss: g.loss,
    dCda: 2 * (fwd.a2 - y),
    delta2,
    back: Array.from(fwd.net.layers[1].weights, (w) => w * delta2),
    delta1,
    gW1,
    gW2,
    gb1: delta1.slice(),
    gb2: delta2,
    normRatio: norm(gW2) / norm(gW1),
  };
}

/** The analytic gradient of one parameter, read from a BackpropResult. */
export function gradientOf(r: BackpropResult, p: ParamRef): number {
  if (p.layer === 1) return p.kind === 'w' ? r.gW1[p.j * 2 + p.k] : r.gb1[p.j];
  return p.kind === 'w' ? r.gW2[p.k] : r.gb2;
}

/** The loss with one parameter moved by delta (forward pass only). */
export function lossWith(net: Network, x: number[], y: number, p: ParamRef, delta: number): number {
  const n = cloneNetwork(net);
  const layer = n.layers[p.layer - 1];
  if (p.kind === 'w') layer.weights[p.j * layer.inputs + p.k] += delta;
  else layer.biases[p.j] += delta;
  return gradients(n, new Float64Array(x), new Float64Array([y]), 1, LOSS).loss;
}

export interface NudgeResult {
  key: string;
  before: number;
  after: number;
  /** C(w − ε), for the central difference. */
  below: number;
  /** (C(w + ε) − C(w)) / ε. */
  forward: number;
  /** (C(w + ε) − C(w − ε)) / 2ε. */
  central: number;
  analytic: number;
  /** |forward − analytic| / |analytic|. */
  relError: number;
}

/** "Check by nudging": move the parameter by ε and compare the change in the loss with the gradient. */
export function nudge(r: BackpropResult, key: string, eps = EPS): NudgeResult {
  const p = PARAMS.find((q) => q.key === key) ?? PARAMS[0];
  const after = lossWith(r.fwd.net, r.fwd.x, r.y, p, eps);
  const below = lossWith(r.fwd.net, r.fwd.x, r.y, p, -eps);
  const forward = (after - r.loss) / eps;
  const analytic = gradientOf(r, p);
  return { key: p.key, before: r.loss, after, below, forward, central: (after - below) / (2 * eps), analytic, relError: Math.abs(forward - analytic) / Math.max(1e-300, Math.abs(analytic)) };
}

/** Backward order: the output first, then each hidden unit. Step 0 = only the forward pass is known. */
export const BACK_ORDER: readonly { layer: number; index: number }[] = [
  { layer: 2, index: 0 },
  { layer: 1, index: 0 },
  { layer: 1, index: 1 },
  { layer: 1, index: 2 },
];
export const BACK_STEPS = BACK_ORDER.length;

/** Whether the delta of (layer, index) is known at `step`. */
export function deltaKnown(step: number, layer: number, index: number): boolean {
  const pos = BACK_ORDER.findIndex((o) => o.layer === layer && o.index === index);
  return pos >= 0 && pos < step;
}
