import { evaluate } from './backprop.ts';
import { updateRunning } from './normalize.ts';
import { applyUpdate } from './optim.ts';
import { relativeChange } from './stats.ts';
import type { Network, StepResult, TrainOptions } from './types.ts';
import { checkBatchSize, validateBatch, validateTrainOptions } from './validate.ts';
import { workspaceFor } from './workspace.ts';

/**
 * One training step on a batch: forward, backward, optional clipping by global
 * norm, and the optimiser update of every weight, bias, gamma and beta; batch
 * norm's running statistics then move towards this batch's. Mutates net (and
 * options.state).
 *
 * If the loss, the gradient or any updated parameter is not finite, the step
 * reports diverged and leaves net and options.state exactly as they were.
 *
 * options.stats = 'gradients' skips the per-layer stats other than the gradient norms.
 *
 * Allocates nothing after the first call for a given network and batch size:
 * the returned StepResult (and its layers) is reused by the next trainStep or
 * gradients call on the same network and batch size, so copy what you keep.
 */
export function trainStep(net: Network, x: Float64Array, y: Float64Array, batch: number, options: TrainOptions): StepResult {
  checkBatchSize(batch);
  validateTrainOptions(net, options);
  const ws = workspaceFor(net, batch);
  // The values of x and y are scanned once per workspace and pair of arrays, not on
  // every step. A value made non-finite in place later only makes a step diverge, and
  // a diverged step leaves net and the state untouched.
  if (ws.checkedX !== x || ws.checkedY !== y) {
    validateBatch(net, x, y, batch);
    ws.checkedX = x;
    ws.checkedY = y;
  }
  const result = ws.result;
  const allStats = (options.stats ?? 'all') === 'all';
  const loss = evaluate(net, ws, x, y, options.loss, allStats);
  const work = ws.layers;
  const layers = net.layers;
  const L = layers.length;
  let sq = 0;
  for (let l = 0; l < L; l++) {
    const s = result.layers[l];
    sq += s.weightGradNorm * s.weightGradNorm + s.biasGradNorm * s.biasGradNorm;
  }
  for (let l = 0; l < L; l++) {
    const w = work[l];
    if (!w.norm) continue;
    for (let j = 0; j < w.gg.length; j++) sq += w.gg[j] * w.gg[j] + w.gbeta[j] * w.gbeta[j];
  }
  const gradNorm = Math.sqrt(sq);
  result.loss = loss;
  result.gradNorm = gradNorm;
  result.diverged = !(Number.isFinite(loss) && Number.isFinite(gradNorm));
  if (result.diverged) return result;
  // The parameter arrays are read from net on every step, in the order of the optimiser state.
  const P = ws.params;
  let k = 0;
  for (let l = 0; l < L; l++) {
    P[k++] = layers[l].weights;
    P[k++] = layers[l].biases;
  }
  for (let l = 0; l < L; l++) {
    if (!work[l].norm) continue;
    P[k++] = layers[l].gamma as Float64Array;
    P[k++] = layers[l].beta as Float64Array;
  }
  if (!applyUpdate(P, ws.grads, ws.baks, options, ws.rule, gradNorm, ws.mBak, ws.vBak)) {
    result.diverged = true;
    return result;
  }
  for (let l = 0; l < L; l++) {
    if (allStats) result.layers[l].updateRatio = relativeChange(layers[l].weights, work[l].wBak);
    const { runningMean, runningVar } = layers[l];
    if (ws.norm === 'batch' && runningMean && runningVar) updateRunning(runningMean, runningVar, work[l].mean, work[l].vr, batch);
  }
  return result;
}
