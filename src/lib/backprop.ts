// Forward and backward passes over preallocated buffers, and the public
// `gradients`. Activations are applied with a switch outside the loops, so the
// common ones run without a call per element.
import type { Activation } from './activations.ts';
import { abt, transpose } from './kernels.ts';
import { outputLoss } from './loss.ts';
import { isResidual } from './norms.ts';
import { affine, normalizeBackward, normalizeRunning, normalizeTrain } from './normalize.ts';
import { layerStats, norm as norm2 } from './stats.ts';
import type { LayerStats, LossName, Network } from './types.ts';
import { validateBatch, validateLoss } from './validate.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

/** a = f(z) elementwise over n values. Mutates a. */
export function applyActivation(act: Activation, z: Float64Array, a: Float64Array, n: number): void {
  switch (act.name) {
    case 'sigmoid':
      // exp(-z) may overflow to Infinity, which still gives exactly 0.
      for (let i = 0; i < n; i++) a[i] = 1 / (1 + Math.exp(-z[i]));
      return;
    case 'relu':
      for (let i = 0; i < n; i++) { const v = z[i]; a[i] = v > 0 ? v : 0; }
      return;
    case 'leakyRelu': {
      const s = act.alpha;
      for (let i = 0; i < n; i++) { const v = z[i]; a[i] = v > 0 ? v : s * v; }
      return;
    }
    case 'tanh':
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]);
      return;
    case 'linear':
      a.set(z.subarray(0, n));
      return;
    default: {
      const f = act.f;
      for (let i = 0; i < n; i++) a[i] = f(z[i]);
    }
  }
}

/** d = g * f'(z) elementwise, using a = f(z) where that is cheaper. d may alias g. Mutates d. */
export function multiplyDerivative(act: Activation, z: Float64Array, a: Float64Array, g: Float64Array, d: Float64Array, n: number): void {
  switch (act.name) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) { const v = a[i]; d[i] = g[i] * v * (1 - v); }
      return;
    case 'relu':
      // +(z > 0) instead of a branch, which mispredicts on random signs.
      for (let i = 0; i < n; i++) d[i] = g[i] * +(z[i] > 0);
      return;
    case 'leakyRelu': {
      const s = act.alpha;
      for (let i = 0; i < n; i++) d[i] = z[i] > 0 ? g[i] : s * g[i];
      return;
    }
    case 'tanh':
      for (let i = 0; i < n; i++) { const v = a[i]; d[i] = g[i] * (1 - v * v); }
      return;
    case 'linear':
      if (d !== g) d.set(g.subarray(0, n));
      return;
    default: {
      const df = act.df;
      for (let i = 0; i < n; i++) d[i] = g[i] * df(z[i]);
    }
  }
}

/** h = input + s a, the output of a residual layer. Mutates h. */
function addSkip(input: Float64Array, a: Float64Array, s: number, h: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) h[i] = input[i] + s * a[i];
}

/**
 * Runs the layers on x (batch x inputs) in inference mode (batch norm uses the
 * running statistics) or, with training true, as a training step sees them
 * (batch norm uses this batch's statistics), writing each layer's z, a = phi(z)
 * and output h into zs[l], as[l] and hs[l] (mutated; hs[l] may be as[l] on a
 * plain layer).
 */
export function forwardInto(net: Network, acts: Activation[], x: Float64Array, batch: number, zs: Float64Array[], as: Float64Array[], hs: Float64Array[], training = false): void {
  const { layers, spec } = net;
  const norm = spec.norm ?? 'none';
  const s = spec.residualScale ?? 1;
  let input = x;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const { inputs, outputs, weights, biases } = layer;
    const z = zs[l], n = batch * outputs;
    abt(input, weights, z, batch, outputs, inputs, biases);
    if (layer.gamma && layer.beta) {
      // In place: xhat overwrites u, then gamma xhat + beta overwrites xhat.
      if (norm === 'batch' && !training && layer.runningMean && layer.runningVar) normalizeRunning(z, z, layer.runningMean, layer.runningVar, batch, outputs);
      else {
        // Statistics of this batch: per unit for batch norm, per example for layer norm.
        const n = norm === 'batch' ? outputs : batch;
        normalizeTrain(norm, z, z, new Float64Array(n), new Float64Array(n), new Float64Array(n), batch, outputs);
      }
      affine(z, layer.gamma, layer.beta, z, batch, outputs);
    }
    applyActivation(acts[l], z, as[l], n);
    if (isResidual(net, l)) addSkip(input, as[l], s, hs[l], n);
    input = hs[l];
  }
}

/**
 * Forward pass, loss, backward pass and per-layer stats into ws, in training
 * mode; the gradients end up in ws.layers[l].gw, .gb (and .gg, .gbeta on
 * normalised layers) and the stats in ws.result.layers.
 * Returns the loss. Does not mutate net.
 */
export function evaluate(net: Network, ws: Workspace, x: Float64Array, y: Float64Array, loss: LossName, allStats = true): number {
  const { layers, spec } = net;
  const { batch, acts } = ws;
  const work = ws.layers;
  const L = layers.length;
  const norm = ws.norm;
  const s = spec.residualScale ?? 1;
  // ab: the wasm product C = A B of the workspace's arena, which declines (returns
  // false) when it cannot take the operands; abt is then used, with an operand
  // transposed instead. Both sum every entry in the same order: same bits either way.
  const ab = ws.ab;
  // Forward. W^T is kept for the input gradients (the layer's input x of layer 0 is
  // the caller's data, outside any arena: always JS there, which needs no W^T).
  let input = x;
  for (let l = 0; l < L; l++) {
    const layer = layers[l];
    const { inputs, outputs, weights, biases } = layer;
    const w = work[l];
    const n = batch * outputs;
    if (l > 0) transpose(weights, w.wT, outputs, inputs);
    if (l === 0 || !ab(input, w.wT, w.z, batch, outputs, inputs, biases)) abt(input, weights, w.z, batch, outputs, inputs, biases);
    if (w.norm && layer.gamma && layer.beta) {
      normalizeTrain(norm, w.z, w.xh, w.mean, w.vr, w.inv, batch, outputs);
      affine(w.xh, layer.gamma, layer.beta, w.z, batch, outputs);
    }
    applyActivation(acts[l], w.z, w.a, n);
    if (w.residual) addSkip(input, w.a, s, w.h, n);
    input = w.h;
  }
  const top = work[L - 1];
  const N = batch * layers[L - 1].outputs;
  const value = outputLoss(loss, top.z, top.a, y, top.d, N);
  // bce already returned dL/dz; mse returned dL/dyhat.
  if (loss === 'mse') multiplyDerivative(acts[L - 1], top.z, top.a, top.d, top.d, N);
  for (let l = L - 1; l >= 0; l--) {
    const layer = layers[l];
    const { inputs, outputs, weights } = layer;
    const w = work[l];
    const n = batch * outputs;
    if (l < L - 1) {
      // dL/dh arrives from the layer above; a residual layer scales phi's branch by s.
      multiplyDerivative(acts[l], w.z, w.a, work[l + 1].da, w.d, n);
      if (w.residual && s !== 1) for (let i = 0; i < n; i++) w.d[i] *= s;
    }
    // delta is dL/dz for the stats; the weights see dL/du, which differs only through the normalisation.
    let delta = w.d;
    if (w.norm && layer.gamma) {
      normalizeBackward(norm, w.d, w.xh, layer.gamma, w.inv, w.gg, w.gbeta, w.du, batch, outputs);
      delta = w.du;
    }
    // dW = delta^T . input: dT (outputs x batch) times the input (batch x inputs), or
    // in JS times inT (inputs x batch)^T.
    transpose(delta, w.dT, batch, outputs);
    const layerIn = l === 0 ? x : work[l - 1].h;
    if (!ab(w.dT, layerIn, w.gw, outputs, inputs, batch, null)) {
      transpose(layerIn, w.inT, batch, inputs);
      abt(w.dT, w.inT, w.gw, outputs, inputs, batch, null);
    }
    const dT = w.dT;
    for (let j = 0; j < outputs; j++) {
      let t = 0;
      for (let b = j * batch, e = b + batch; b < e; b++) t += dT[b];
      w.gb[j] = t;
    }
    // dL/d(input) = delta . W, or in JS delta times (W^T)^T; the first layer's input is data.
    if (l > 0) {
      if (!ab(delta, weights, w.da, batch, inputs, outputs, null)) abt(delta, w.wT, w.da, batch, inputs, outputs, null);
      if (w.residual) {
        const g = work[l + 1].da, da = w.da;
        for (let i = 0; i < n; i++) da[i] += g[i];
      }
    }
  }
  for (let l = 0; l < L; l++) {
    const w = work[l];
    const out = ws.result.layers[l];
    if (allStats) {
      layerStats(acts[l], w.z, w.a, w.d, w.gw, w.gb, w.unitSum, batch, layers[l].outputs, out);
      out.weightNorm = norm2(layers[l].weights);
    } else {
      out.weightGradNorm = norm2(w.gw);
      out.biasGradNorm = norm2(w.gb);
      out.deltaRms = out.activationMean = out.activationStd = out.deadFraction = out.saturatedFraction = out.updateRatio = out.weightNorm = NaN;
    }
  }
  return value;
}

/** Loss, gradients and per-layer stats for one batch. Does not mutate net; returns fresh arrays. */
export function gradients(net: Network, x: Float64Array, y: Float64Array, batch: number, loss: LossName): {
  loss: number; weights: Float64Array[]; biases: Float64Array[]; gammas: (Float64Array | null)[]; betas: (Float64Array | null)[]; layers: LayerStats[];
} {
  validateLoss(net, loss);
  validateBatch(net, x, y, batch);
  const ws = workspaceFor(net, batch);
  const value = evaluate(net, ws, x, y, loss);
  return {
    loss: value,
    weights: ws.layers.map((w) => w.gw.slice()),
    biases: ws.layers.map((w) => w.gb.slice()),
    gammas: ws.layers.map((w) => (w.norm ? w.gg.slice() : null)),
    betas: ws.layers.map((w) => (w.norm ? w.gbeta.slice() : null)),
    layers: ws.result.layers.map((s) => ({ ...s })),
  };
}
