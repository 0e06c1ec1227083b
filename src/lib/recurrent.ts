// Recurrent networks (an Elman rnn and an LSTM) with a loss on the last
// step's output, trained by backpropagation through time. Buffers are
// time-major, (t, example) rows, so that one product covers the input
// projections of every step and one covers each weight gradient.
import { applyActivation, multiplyDerivative } from './backprop.ts';
import { activation, sigmoid, type Activation } from './activations.ts';
import { fillInit } from './init.ts';
import { abt, transpose } from './kernels.ts';
import { outputLoss } from './loss.ts';
import { applyUpdate, type ParamAccess, type UpdateRule } from './optim.ts';
import { createRng } from './rng.ts';
import type { LossName, Param, RecurrentNetwork, RecurrentSpec, SequenceStepResult, TrainOptions } from './types.ts';
import { validateLoss, validateRecurrentSpec, validateSequence, validateTrainOptions } from './validate.ts';

/** A new recurrent network for spec, drawn from one RNG seeded with spec.seed: Wx, then Wh, then Wy. */
export function createRecurrent(spec: RecurrentSpec): RecurrentNetwork {
  validateRecurrentSpec(spec);
  const { inputs: I, hidden: H, outputs: O } = spec;
  const lstm = spec.cell === 'lstm';
  const G = lstm ? 4 * H : H;
  const rng = createRng(spec.seed);
  const param = (name: string, rows: number, cols: number): Param => ({ name, rows, cols, data: new Float64Array(rows * cols) });
  const Wx = param('Wx', G, I), Wh = param('Wh', G, H), b = param('b', G, 1), Wy = param('Wy', O, H), by = param('by', O, 1);
  // Each gate is initialised as a layer of its own (fans I -> H and H -> H).
  for (let k = 0; k < G / H; k++) fillInit(Wx.data.subarray(k * H * I, (k + 1) * H * I), spec.init, I, H, rng);
  const rec = spec.recurrentInit ?? spec.init;
  for (let k = 0; k < G / H; k++) {
    const block = Wh.data.subarray(k * H * H, (k + 1) * H * H);
    if (rec === 'identity') for (let j = 0; j < H; j++) block[j * H + j] = 1;
    else fillInit(block, rec, H, H, rng);
  }
  fillInit(Wy.data, spec.init, H, O, rng);
  if (lstm) b.data.fill(spec.forgetBias ?? 1, H, 2 * H);
  const copy: RecurrentSpec = { ...spec };
  if (typeof spec.init === 'object') copy.init = { ...spec.init };
  if (typeof spec.recurrentInit === 'object') copy.recurrentInit = { ...spec.recurrentInit };
  return { spec: copy, params: [Wx, Wh, b, Wy, by] };
}

interface SeqWork {
  batch: number;
  steps: number;
  lstm: boolean;
  hiddenAct: Activation;
  outAct: Activation;
  X: Float64Array; XT: Float64Array;
  /** Pre-activations per step (rnn), or the gate values i, f, g, o (lstm): T*B x G. */
  P: Float64Array; pv: Float64Array[];
  /** h_0..h_T and c_0..c_T, (T+1)*B x H, and tanh(c_t). */
  Hs: Float64Array; hv: Float64Array[];
  Cs: Float64Array; cv: Float64Array[];
  tcv: Float64Array[];
  rec: Float64Array;
  yz: Float64Array; yhat: Float64Array; dy: Float64Array; dyT: Float64Array; hTT: Float64Array;
  WyT: Float64Array; WhT: Float64Array;
  dH: Float64Array; dC: Float64Array;
  DP: Float64Array; dpv: Float64Array[]; DPT: Float64Array; HT: Float64Array;
  grads: Float64Array[];
  baks: Float64Array[];
  result: SequenceStepResult;
  mBak: Float64Array[]; vBak: Float64Array[];
  rule: UpdateRule;
  access: ParamAccess;
}

const CACHE = new WeakMap<RecurrentNetwork, SeqWork[]>();

function createWork(net: RecurrentNetwork, batch: number, steps: number): SeqWork {
  const { spec, params } = net;
  const { inputs: I, hidden: H, outputs: O } = spec;
  const lstm = spec.cell === 'lstm';
  const G = lstm ? 4 * H : H;
  const B = batch, T = steps;
  const f = (n: number) => new Float64Array(n);
  const views = (a: Float64Array, n: number, size: number) => Array.from({ length: n }, (_, t) => a.subarray(t * size, (t + 1) * size));
  const P = f(T * B * G), Hs = f((T + 1) * B * H), Cs = f(lstm ? (T + 1) * B * H : 0), TC = f(lstm ? T * B * H : 0), DP = f(T * B * G);
  const grads = params.map((p) => f(p.data.length));
  const baks = params.map((p) => f(p.data.length));
  return {
    batch, steps, lstm,
    hiddenAct: activation(lstm ? 'tanh' : (spec.activation ?? 'tanh')),
    outAct: activation(spec.output),
    X: f(T * B * I), XT: f(T * B * I),
    P, pv: views(P, T, B * G),
    Hs, hv: views(Hs, T + 1, B * H),
    Cs, cv: lstm ? views(Cs, T + 1, B * H) : [],
    tcv: lstm ? views(TC, T, B * H) : [],
    rec: f(B * G),
    yz: f(B * O), yhat: f(B * O), dy: f(B * O), dyT: f(B * O), hTT: f(B * H),
    WyT: f(O * H), WhT: f(G * H),
    dH: f(B * H), dC: f(B * H),
    DP, dpv: views(DP, T, B * G), DPT: f(T * B * G), HT: f(T * B * H),
    grads, baks,
    result: { loss: 0, gradNorm: 0, diverged: false, hiddenGradNorms: f(T + 1) },
    mBak: [], vBak: [],
    rule: { mu: 0, c: 1, adaptive: false, beta2: 0, eps: 0 },
    access: {
      count: params.length,
      param: (i) => net.params[i].data,
      grad: (i) => grads[i],
      bak: (i) => baks[i],
    },
  };
}

function workFor(net: RecurrentNetwork, batch: number, steps: number): SeqWork {
  let list = CACHE.get(net);
  if (!list) {
    list = [];
    CACHE.set(net, list);
  }
  for (const w of list) if (w.batch === batch && w.steps === steps) return w;
  const w = createWork(net, batch, steps);
  list.push(w);
  if (list.length > 4) list.shift();
  return w;
}

/** Runs the cell over the steps: fills X, the per-step buffers and yz, yhat. */
function forwardInto(net: RecurrentNetwork, w: SeqWork, xs: Float64Array): void {
  const { spec, params } = net;
  const { inputs: I, hidden: H, outputs: O } = spec;
  const { batch: B, steps: T, lstm } = w;
  const G = lstm ? 4 * H : H;
  // Indexing, not destructuring: array destructuring may allocate an iterator.
  const Wx = params[0], Wh = params[1], b = params[2], Wy = params[3], by = params[4];
  const X = w.X;
  // Example-major xs to time-major X.
  for (let e = 0; e < B; e++) {
    for (let t = 0; t < T; t++) {
      const src = (e * T + t) * I, dst = (t * B + e) * I;
      for (let i = 0; i < I; i++) X[dst + i] = xs[src + i];
    }
  }
  abt(X, Wx.data, w.P, T * B, G, I, b.data);
  w.hv[0].fill(0);
  if (lstm) w.cv[0].fill(0);
  const rec = w.rec;
  for (let t = 1; t <= T; t++) {
    const pre = w.pv[t - 1];
    abt(w.hv[t - 1], Wh.data, rec, B, G, H, null);
    for (let k = 0; k < B * G; k++) pre[k] += rec[k];
    const h = w.hv[t];
    if (!lstm) {
      applyActivation(w.hiddenAct, pre, h, B * H);
      continue;
    }
    const c = w.cv[t], cPrev = w.cv[t - 1], tc = w.tcv[t - 1];
    for (let e = 0; e < B; e++) {
      const r = e * G, s = e * H;
      for (let j = 0; j < H; j++) {
        const ig = sigmoid(pre[r + j]);
        const fg = sigmoid(pre[r + H + j]);
        const gg = Math.tanh(pre[r + 2 * H + j]);
        const og = sigmoid(pre[r + 3 * H + j]);
        pre[r + j] = ig;
        pre[r + H + j] = fg;
        pre[r + 2 * H + j] = gg;
        pre[r + 3 * H + j] = og;
        const cv = fg * cPrev[s + j] + ig * gg;
        const tv = Math.tanh(cv);
        c[s + j] = cv;
        tc[s + j] = tv;
        h[s + j] = og * tv;
      }
    }
  }
  abt(w.hv[T], Wy.data, w.yz, B, O, H, by.data);
  applyActivation(w.outAct, w.yz, w.yhat, B * O);
}

function rms(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s / a.length);
}

/** Forward, loss and backpropagation through time into w.grads and w.result.hiddenGradNorms. Returns the loss. */
function evaluateSequence(net: RecurrentNetwork, w: SeqWork, xs: Float64Array, ys: Float64Array, loss: LossName): number {
  const { spec, params } = net;
  const { inputs: I, hidden: H, outputs: O } = spec;
  const { batch: B, steps: T, lstm } = w;
  const G = lstm ? 4 * H : H;
  const Wh = params[1], Wy = params[3];
  const gs = w.grads;
  const gWx = gs[0], gWh = gs[1], gb = gs[2], gWy = gs[3], gby = gs[4];
  forwardInto(net, w, xs);
  const value = outputLoss(loss, w.yz, w.yhat, ys, w.dy, B * O);
  if (loss === 'mse') multiplyDerivative(w.outAct, w.yz, w.yhat, w.dy, w.dy, B * O);
  // Output layer: gWy = dy^T h_T, gby = column sums, dL/dh_T = dy Wy.
  transpose(w.dy, w.dyT, B, O);
  transpose(w.hv[T], w.hTT, B, H);
  abt(w.dyT, w.hTT, gWy, O, H, B, null);
  for (let o = 0; o < O; o++) {
    let s = 0;
    for (let e = 0; e < B; e++) s += w.dyT[o * B + e];
    gby[o] = s;
  }
  transpose(Wy.data, w.WyT, O, H);
  abt(w.dy, w.WyT, w.dH, B, H, O, null);
  transpose(Wh.data, w.WhT, G, H);
  const dH = w.dH, dC = w.dC;
  dC.fill(0);
  const norms = w.result.hiddenGradNorms;
  for (let t = T; t >= 1; t--) {
    norms[t] = rms(dH);
    const dp = w.dpv[t - 1];
    if (!lstm) {
      multiplyDerivative(w.hiddenAct, w.pv[t - 1], w.hv[t], dH, dp, B * H);
    } else {
      const A = w.pv[t - 1], cPrev = w.cv[t - 1], tc = w.tcv[t - 1];
      for (let e = 0; e < B; e++) {
        const r = e * G, s = e * H;
        for (let j = 0; j < H; j++) {
          const ig = A[r + j], fg = A[r + H + j], gg = A[r + 2 * H + j], og = A[r + 3 * H + j];
          const tv = tc[s + j], dh = dH[s + j];
          const dc = dC[s + j] + dh * og * (1 - tv * tv);
          dp[r + j] = dc * gg * ig * (1 - ig);
          dp[r + H + j] = dc * cPrev[s + j] * fg * (1 - fg);
          dp[r + 2 * H + j] = dc * ig * (1 - gg * gg);
          dp[r + 3 * H + j] = dh * tv * og * (1 - og);
          dC[s + j] = dc * fg;
        }
      }
    }
    abt(dp, w.WhT, dH, B, H, G, null);
  }
  norms[0] = rms(dH);
  // All steps at once: gWx = DP^T X, gWh = DP^T [h_0..h_(T-1)], gb = column sums of DP.
  transpose(w.DP, w.DPT, T * B, G);
  transpose(w.X, w.XT, T * B, I);
  abt(w.DPT, w.XT, gWx, G, I, T * B, null);
  transpose(w.Hs, w.HT, T * B, H);
  abt(w.DPT, w.HT, gWh, G, H, T * B, null);
  const n = T * B;
  for (let g = 0; g < G; g++) {
    let s = 0;
    for (let k = g * n, end = k + n; k < end; k++) s += w.DPT[k];
    gb[g] = s;
  }
  return value;
}

/** The outputs after the last step for xs (example-major: xs[(e * steps + t) * inputs + i]), as batch x outputs. Does not mutate net. */
export function forwardSequence(net: RecurrentNetwork, xs: Float64Array, batch: number, steps: number): Float64Array {
  validateSequence(net, xs, null, batch, steps);
  const w = workFor(net, batch, steps);
  forwardInto(net, w, xs);
  return w.yhat.slice();
}

/**
 * Loss on the last step's output, its gradients (in the order of net.params)
 * and hiddenGradNorms[t], the RMS of dLoss/dh_t over the batch and the units
 * for t = 0..steps (entry 0 is the initial state's). Returns fresh arrays; does not mutate net.
 */
export function sequenceGradients(net: RecurrentNetwork, xs: Float64Array, ys: Float64Array, batch: number, steps: number, loss: LossName): { loss: number; grads: Float64Array[]; hiddenGradNorms: Float64Array } {
  validateLoss(net, loss);
  validateSequence(net, xs, ys, batch, steps);
  const w = workFor(net, batch, steps);
  const value = evaluateSequence(net, w, xs, ys, loss);
  return { loss: value, grads: w.grads.map((g) => g.slice()), hiddenGradNorms: w.result.hiddenGradNorms.slice() };
}

/**
 * One step of training through time: gradients, optional clipping by global
 * norm, and the optimiser update of every param. A step whose loss, gradient
 * or updated parameters are not finite reports diverged and leaves net and
 * options.state exactly as they were. Allocates nothing after the first call
 * for a given (net, batch, steps); the result and its hiddenGradNorms are
 * reused by the next call, so copy what you keep.
 */
export function trainSequenceStep(net: RecurrentNetwork, xs: Float64Array, ys: Float64Array, batch: number, steps: number, options: TrainOptions): SequenceStepResult {
  validateSequence(net, xs, ys, batch, steps);
  validateTrainOptions(net, options);
  const w = workFor(net, batch, steps);
  const result = w.result;
  const loss = evaluateSequence(net, w, xs, ys, options.loss);
  let sq = 0;
  for (const g of w.grads) for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
  const gradNorm = Math.sqrt(sq);
  result.loss = loss;
  result.gradNorm = gradNorm;
  result.diverged = !(Number.isFinite(loss) && Number.isFinite(gradNorm));
  if (result.diverged) return result;
  result.diverged = !applyUpdate(w.access, options, w.rule, gradNorm, w.mBak, w.vBak);
  return result;
}
