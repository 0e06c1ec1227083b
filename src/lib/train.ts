import { evaluate } from './backprop.ts';
import { updateRunning } from './normalize.ts';
import { applyUpdate, type ParamAccess } from './optim.ts';
import { relativeChange } from './stats.ts';
import type { Network, StepResult, TrainOptions } from './types.ts';
import { validateBatch, validateTrainOptions } from './validate.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

/** [W0, b0, W1, b1, ..., then gamma_l, beta_l of each normalised layer l], made once per workspace. */
function access(net: Network, ws: Workspace): ParamAccess {
  const L = net.layers.length;
  const normed = ws.layers.map((w, l) => (w.norm ? l : -1)).filter((l) => l >= 0);
  // Index i is layer layerOf(i), array kind 0 (W), 1 (b), 2 (gamma) or 3 (beta); no tuples, so no allocation.
  const layerOf = (i: number) => (i < 2 * L ? i >> 1 : normed[(i - 2 * L) >> 1]);
  const kindOf = (i: number) => (i < 2 * L ? i & 1 : 2 + (i & 1));
  return {
    count: 2 * L + 2 * normed.length,
    param(i) {
      const layer = net.layers[layerOf(i)];
      const k = kindOf(i);
      return (k === 0 ? layer.weights : k === 1 ? layer.biases : k === 2 ? layer.gamma : layer.beta) as Float64Array;
    },
    grad(i) {
      const w = ws.layers[layerOf(i)];
      const k = kindOf(i);
      return k === 0 ? w.gw : k === 1 ? w.gb : k === 2 ? w.gg : w.gbeta;
    },
    bak(i) {
      const w = ws.layers[layerOf(i)];
      const k = kindOf(i);
      return k === 0 ? w.wBak : k === 1 ? w.bBak : k === 2 ? w.gBak : w.betaBak;
    },
  };
}

const ACCESS = new WeakMap<Workspace, ParamAccess>();

/**
 * One training step on a batch: forward, backward, optional clipping by global
 * norm, and the optimiser update of every weight, bias, gamma and beta; batch
 * norm's running statistics then move towards this batch's. Mutates net (and
 * options.state).
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
  for (const w of work) {
    if (!w.norm) continue;
    for (let j = 0; j < w.gg.length; j++) sq += w.gg[j] * w.gg[j] + w.gbeta[j] * w.gbeta[j];
  }
  const gradNorm = Math.sqrt(sq);
  result.loss = loss;
  result.gradNorm = gradNorm;
  result.diverged = !(Number.isFinite(loss) && Number.isFinite(gradNorm));
  if (result.diverged) return result;
  let p = ACCESS.get(ws);
  if (!p) {
    p = access(net, ws);
    ACCESS.set(ws, p);
  }
  if (!applyUpdate(p, options, ws.rule, gradNorm, ws.mBak, ws.vBak)) {
    result.diverged = true;
    return result;
  }
  for (let l = 0; l < L; l++) {
    result.layers[l].updateRatio = relativeChange(layers[l].weights, work[l].wBak);
    const { runningMean, runningVar } = layers[l];
    if (ws.norm === 'batch' && runningMean && runningVar) updateRunning(runningMean, runningVar, work[l].mean, work[l].vr, batch);
  }
  return result;
}
