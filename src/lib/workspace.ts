// Scratch buffers for one (network, batch) pair, so that trainStep allocates
// nothing after its first call. They live in a WeakMap keyed by the network:
// the cache is invisible to callers and dies with the network. A network made
// with a kernel (createNetwork's options) has its training workspace carved from
// its arena; that one is never evicted, so the network keeps its kernel.
import { activation, type Activation } from './activations.ts';
import { JS_ARENA, slot, type Arena, type Product } from './kernel.ts';
import type { UpdateRule } from './optim.ts';
import { isResidual } from './norms.ts';
import type { ActivationName, LayerStats, Network, NormName, StepResult } from './types.ts';

export interface LayerWork {
  /** Pre-activations and activations, batch x outputs. */
  z: Float64Array;
  a: Float64Array;
  /** dLoss/dz, batch x outputs, and its transpose. */
  d: Float64Array;
  dT: Float64Array;
  /** The layer's input, transposed: inputs x batch. */
  inT: Float64Array;
  /** The weights, transposed: inputs x outputs. */
  wT: Float64Array;
  /** dLoss/d(input), batch x inputs. */
  da: Float64Array;
  /** Gradients of the weights and biases. */
  gw: Float64Array;
  gb: Float64Array;
  /** Per-unit scratch for the stats. */
  unitSum: Float64Array;
  /** Copies taken before an update, to undo a diverged step. */
  wBak: Float64Array;
  bBak: Float64Array;
  /** The layer's output h: a itself, or h_(l-1) + s a on a residual layer. */
  h: Float64Array;
  residual: boolean;
  /** Normalised layers only (zero length otherwise): xhat, dLoss/du, statistics, gamma and beta gradients and copies. */
  norm: boolean;
  xh: Float64Array;
  du: Float64Array;
  mean: Float64Array;
  vr: Float64Array;
  inv: Float64Array;
  gg: Float64Array;
  gbeta: Float64Array;
  gBak: Float64Array;
  betaBak: Float64Array;
}

export interface Workspace {
  batch: number;
  norm: NormName;
  residual: boolean;
  alpha: number | undefined;
  /** The activation of each layer (hidden ones, then the output). */
  acts: Activation[];
  layers: LayerWork[];
  /** Every parameter array in the optimiser's order (refilled from the net each step), its gradient and its backup. */
  params: Float64Array[];
  grads: Float64Array[];
  baks: Float64Array[];
  /** Optimiser state copies, allocated on first use. */
  mBak: Float64Array[];
  vBak: Float64Array[];
  /** Reused by every trainStep on this network and batch. */
  result: StepResult;
  rule: UpdateRule;
  /** The wasm product of this workspace's arena (always false for JS workspaces). */
  ab: Product;
  /** Lives in the network's arena: never evicted. */
  pinned: boolean;
  /** The x and y last scanned for non-finite values (see trainStep). */
  checkedX: Float64Array | null;
  checkedY: Float64Array | null;
}

const CACHE = new WeakMap<Network, Workspace[]>();
const MAX_PER_NETWORK = 4;

export function emptyStats(): LayerStats {
  return { weightGradNorm: 0, biasGradNorm: 0, deltaRms: 0, activationMean: 0, activationStd: 0, deadFraction: 0, saturatedFraction: 0, updateRatio: 0, weightNorm: 0 };
}

/** The activation of each layer of net. */
export function layerActivations(net: Network): Activation[] {
  return net.layers.map((_, l) => activation(actName(net, l), net.spec.alpha));
}

/** The activation name of layer l: the spec's one hidden name, layer l's own, or the output's. */
function actName({ spec, layers }: Network, l: number): ActivationName {
  const h = spec.activation;
  return l === layers.length - 1 ? spec.output : typeof h === 'string' ? h : h[l];
}

function fits(ws: Workspace, net: Network, batch: number): boolean {
  const { spec, layers } = net;
  if (ws.batch !== batch || ws.layers.length !== layers.length) return false;
  if (ws.norm !== (spec.norm ?? 'none') || ws.residual !== (spec.residual === true)) return false;
  if (ws.alpha !== spec.alpha || ws.acts.some((a, l) => a.name !== actName(net, l))) return false;
  for (let l = 0; l < layers.length; l++) {
    if (ws.layers[l].gw.length !== layers[l].weights.length || ws.layers[l].gb.length !== layers[l].outputs) return false;
  }
  return true;
}

function create(net: Network, batch: number, arena: Arena = JS_ARENA): Workspace {
  const acts = layerActivations(net);
  const f = arena.alloc;
  const normName = net.spec.norm ?? 'none';
  const layers = net.layers.map(({ inputs: k, outputs: n }, l): LayerWork => {
    const a = f(batch * n);
    const residual = isResidual(net, l);
    const norm = normName !== 'none' && l < net.layers.length - 1;
    const nb = norm ? batch * n : 0;
    const stat = norm ? (normName === 'batch' ? n : batch) : 0;
    const g = norm ? n : 0;
    return {
      z: f(batch * n), a, d: f(batch * n), dT: f(batch * n),
      inT: f(batch * k), wT: f(k * n), da: f(batch * k),
      gw: f(k * n), gb: f(n), unitSum: f(n),
      wBak: f(k * n), bBak: f(n),
      h: residual ? f(batch * n) : a, residual,
      norm, xh: f(nb), du: f(nb), mean: f(stat), vr: f(stat), inv: f(stat), gg: f(g), gbeta: f(g), gBak: f(g), betaBak: f(g),
    };
  });
  const normed = layers.filter((w) => w.norm);
  const grads = [...layers.flatMap((w) => [w.gw, w.gb]), ...normed.flatMap((w) => [w.gg, w.gbeta])];
  return {
    params: grads.slice(), grads, baks: [...layers.flatMap((w) => [w.wBak, w.bBak]), ...normed.flatMap((w) => [w.gBak, w.betaBak])],
    batch, alpha: net.spec.alpha, norm: normName, residual: net.spec.residual === true, acts, layers,
    mBak: [], vBak: [],
    result: { loss: 0, gradNorm: 0, diverged: false, layers: net.layers.map(emptyStats) },
    rule: { mu: 0, c: 1, adaptive: false, beta2: 0, eps: 0 },
    ab: arena.ab, pinned: arena !== JS_ARENA, checkedX: null, checkedY: null,
  };
}

/** Doubles an arena needs for net's parameters and its workspace for batch, counted as alloc takes them. */
export function arenaDoubles(net: Network, batch: number): number {
  let n = 0;
  const count: Arena = { name: 'count', alloc: (k: number) => { n += slot(k); return new Float64Array(0); }, ab: JS_ARENA.ab };
  for (const l of net.layers) for (const a of [l.weights, l.biases, l.gamma, l.beta, l.runningMean, l.runningVar]) if (a) count.alloc(a.length);
  create(net, batch, count);
  return n;
}

/** Makes net's workspace for batch in arena, pinned in the cache (net's arrays must already live there). */
export function attachArena(net: Network, batch: number, arena: Arena): void {
  const ws = create(net, batch, arena);
  CACHE.set(net, [ws]);
}

/** The cached workspace for (net, batch), created on first use. */
export function workspaceFor(net: Network, batch: number): Workspace {
  let list = CACHE.get(net);
  if (!list) {
    list = [];
    CACHE.set(net, list);
  }
  for (let i = 0; i < list.length; i++) if (fits(list[i], net, batch)) return list[i];
  const ws = create(net, batch);
  list.push(ws);
  if (list.length > MAX_PER_NETWORK) list.splice(list.findIndex((w) => !w.pinned), 1);
  return ws;
}
