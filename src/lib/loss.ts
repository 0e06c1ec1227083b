import type { LossName } from './types.ts';

/**
 * Mean loss over the batch and the outputs, and dLoss/dyhat written into g
 * (mutated). N = batch x outputs.
 *   mse: mean of (yhat - y)^2, so dL/dyhat = 2 (yhat - y) / N.
 *   bce: mean of -[y ln yhat + (1 - y) ln(1 - yhat)], with yhat = sigmoid(z).
 * For bce this returns dL/dz directly: (yhat - y) / N, because the sigmoid's
 * derivative cancels the logs' denominators. The loss is taken from the logit,
 * max(z, 0) - z y + ln(1 + e^-|z|), which stays finite when yhat rounds to 0 or 1.
 */
export function outputLoss(loss: LossName, z: Float64Array, yhat: Float64Array, y: Float64Array, g: Float64Array, N: number): number {
  let sum = 0;
  const inv = 1 / N;
  if (loss === 'mse') {
    for (let i = 0; i < N; i++) {
      const e = yhat[i] - y[i];
      sum += e * e;
      g[i] = 2 * e * inv;
    }
  } else {
    for (let i = 0; i < N; i++) {
      const zi = z[i];
      sum += (zi > 0 ? zi : 0) - zi * y[i] + Math.log1p(Math.exp(-Math.abs(zi)));
      g[i] = (yhat[i] - y[i]) * inv;
    }
  }
  return sum * inv;
}
