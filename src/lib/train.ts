import { evaluate } from './backprop.ts';
import { updateArray, updateRule } from './optim.ts';
import { relativeChange } from './stats.ts';
import type { Network, StepResult, TrainOptions } from './types.ts';
import { validateBatch, validateTrainOptions } from './validate.ts';
import { workspaceFor } from './workspace.ts';

/**
 * One training step on a batch: forward, backward, optional clipping by global
 * norm, and the optimiser update. Mutates net (and options.state).
 *
 * If the loss, the gradient or any updated parameter is not finite, the step
 * reports diverged and leaves net and options.state exactly as they were.
 *
 * Allocates nothing after the first call for a given network and batch size:
 * the returned StepResult (and its layers) is reused by the next trainStep or
 * gradients call on the same network and batch size, so copy what you keep.
 */
export function trainStep(net: Network, x: Float64Array, y: Float64Array, batch: number, options: TrainOptions): StepResult {
  validateBatch(net, x, y, batch);
  validateTrainOptions(net, options);
  const ws = workspaceFor(net, batch);
  const result = ws.result;
  const loss = evaluate(net, ws, x, y, options.loss);
  const work = ws.layers;
  const layers = net.layers;
  const L = layers.length;
  let sq = 0;
  for (const s of result.layers) sq += s.weightGradNorm * s.weightGradNorm + s.biasGradNorm * s.biasGradNorm;
  const gradNorm = Math.sqrt(sq);
  result.loss = loss;
  result.gradNorm = gradNorm;
  result.diverged = !(Number.isFinite(loss) && Number.isFinite(gradNorm));
  if (result.diverged) return result;

  const clip = options.clipNorm;
  const scale = clip !== undefined && gradNorm > clip ? clip / gradNorm : 1;
  const rule = updateRule(options, ws.rule);
  const state = (options.optimizer ?? 'sgd') === 'sgd' ? null : (options.state ?? null);
  const adaptive = rule.adaptive;
  // Keep copies so that a step which overflows can be undone exactly.
  if (state !== null && ws.mBak.length === 0) {
    for (const m of state.m) {
      ws.mBak.push(new Float64Array(m.length));
      ws.vBak.push(new Float64Array(m.length));
    }
  }
  for (let l = 0; l < L; l++) {
    work[l].wBak.set(layers[l].weights);
    work[l].bBak.set(layers[l].biases);
  }
  if (state !== null) {
    for (let i = 0; i < 2 * L; i++) {
      ws.mBak[i].set(state.m[i]);
      if (adaptive) ws.vBak[i].set(state.v[i]);
    }
  }
  const t = state === null ? 0 : state.step + 1;
  let check = 0;
  for (let l = 0; l < L; l++) {
    const m0 = state === null ? null : state.m[2 * l];
    const m1 = state === null ? null : state.m[2 * l + 1];
    const v0 = state === null || !adaptive ? null : state.v[2 * l];
    const v1 = state === null || !adaptive ? null : state.v[2 * l + 1];
    check += updateArray(layers[l].weights, work[l].gw, m0, v0, options.lr, scale, rule, t);
    check += updateArray(layers[l].biases, work[l].gb, m1, v1, options.lr, scale, rule, t);
  }
  if (check === 0) {
    if (state !== null) state.step = t;
    for (let l = 0; l < L; l++) result.layers[l].updateRatio = relativeChange(layers[l].weights, work[l].wBak);
    return result;
  }
  for (let l = 0; l < L; l++) {
    layers[l].weights.set(work[l].wBak);
    layers[l].biases.set(work[l].bBak);
  }
  if (state !== null) {
    for (let i = 0; i < 2 * L; i++) {
      state.m[i].set(ws.mBak[i]);
      if (adaptive) state.v[i].set(ws.vBak[i]);
    }
  }
  result.diverged = true;
  return result;
}
