// Forward and backward passes over preallocated buffers, and the public
// `gradients`. Activations are applied with a switch outside the loops, so the
// common ones run without a call per element.
import type { Activation } from './activations.ts';
import { abt, transpose } from './kernels.ts';
import { outputLoss } from './loss.ts';
import { layerStats, norm } from './stats.ts';
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

/** Runs the layers on x (batch x inputs), writing each layer's z and a into zs[l] and as[l] (mutated). */
export function forwardInto(net: Network, acts: Activation[], x: Float64Array, batch: number, zs: Float64Array[], as: Float64Array[]): void {
  const layers = net.layers;
  let input = x;
  for (let l = 0; l < layers.length; l++) {
    const { inputs, outputs, weights, biases } = layers[l];
    abt(input, weights, zs[l], batch, outputs, inputs, biases);
    applyActivation(acts[l], zs[l], as[l], batch * outputs);
    input = as[l];
  }
}

/**
 * Forward pass, loss, backward pass and per-layer stats into ws; the
 * gradients end up in ws.layers[l].gw and .gb and the stats in ws.result.layers.
 * Returns the loss. Does not mutate net.
 */
export function evaluate(net: Network, ws: Workspace, x: Float64Array, y: Float64Array, loss: LossName): number {
  const { layers } = net;
  const { batch, acts } = ws;
  const work = ws.layers;
  const L = layers.length;
  // Forward, keeping each layer's input transposed for the weight gradients.
  let input = x;
  for (let l = 0; l < L; l++) {
    const { inputs, outputs, weights, biases } = layers[l];
    const w = work[l];
    transpose(input, w.inT, batch, inputs);
    abt(input, weights, w.z, batch, outputs, inputs, biases);
    applyActivation(acts[l], w.z, w.a, batch * outputs);
    input = w.a;
  }
  const top = work[L - 1];
  const N = batch * layers[L - 1].outputs;
  const value = outputLoss(loss, top.z, top.a, y, top.d, N);
  // bce already returned dL/dz; mse returned dL/dyhat.
  if (loss === 'mse') multiplyDerivative(acts[L - 1], top.z, top.a, top.d, top.d, N);
  for (let l = L - 1; l >= 0; l--) {
    const { inputs, outputs, weights } = layers[l];
    const w = work[l];
    if (l < L - 1) multiplyDerivative(acts[l], w.z, w.a, work[l + 1].da, w.d, batch * outputs);
    // dW = delta^T . input, as dT (outputs x batch) times inT (inputs x batch)^T.
    transpose(w.d, w.dT, batch, outputs);
    abt(w.dT, w.inT, w.gw, outputs, inputs, batch, null);
    const dT = w.dT;
    for (let j = 0; j < outputs; j++) {
      let s = 0;
      for (let b = j * batch, e = b + batch; b < e; b++) s += dT[b];
      w.gb[j] = s;
    }
    // dL/d(input) = delta . W, as delta times (W^T)^T; the first layer's input is data.
    if (l > 0) {
      transpose(weights, w.wT, outputs, inputs);
      abt(w.d, w.wT, w.da, batch, inputs, outputs, null);
    }
  }
  for (let l = 0; l < L; l++) {
    const w = work[l];
    layerStats(acts[l], w.z, w.a, w.d, w.gw, w.gb, w.unitSum, batch, layers[l].outputs, ws.result.layers[l]);
    ws.result.layers[l].weightNorm = norm(layers[l].weights);
  }
  return value;
}

/** Loss, gradients and per-layer stats for one batch. Does not mutate net; returns fresh arrays. */
export function gradients(net: Network, x: Float64Array, y: Float64Array, batch: number, loss: LossName): { loss: number; weights: Float64Array[]; biases: Float64Array[]; layers: LayerStats[] } {
  validateLoss(net, loss);
  validateBatch(net, x, y, batch);
  const ws = workspaceFor(net, batch);
  const value = evaluate(net, ws, x, y, loss);
  return {
    loss: value,
    weights: ws.layers.map((w) => w.gw.slice()),
    biases: ws.layers.map((w) => w.gb.slice()),
    layers: ws.result.layers.map((s) => ({ ...s })),
  };
}
