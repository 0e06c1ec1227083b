/**
 * The optional per-unit probe of a session: what figures about single units (dead units)
 * need beyond the per-layer statistics. Costs one forward pass over the training set, so a
 * session computes it only when its config asks for it, and the worker only when it posts.
 */
import { activationsPerLayer, type Network } from '../../lib/index.ts';

export interface UnitProbe {
  /** Per hidden layer, per unit: is its pre-activation <= 0 on every training input? */
  negative: boolean[][];
  /** Each layer's weights (outputs x inputs, row-major), copied. */
  weights: Float64Array[];
}

export function probeUnits(net: Network, x: Float64Array, n: number): UnitProbe {
  const layers = activationsPerLayer(net, x, n);
  const negative: boolean[][] = [];
  for (let l = 0; l < layers.length - 1; l++) {
    const units = net.layers[l].outputs;
    const z = layers[l].z;
    const neg = new Array<boolean>(units).fill(true);
    for (let b = 0; b < n; b++) {
      const row = b * units;
      for (let j = 0; j < units; j++) if (z[row + j] > 0) neg[j] = false;
    }
    negative.push(neg);
  }
  return { negative, weights: net.layers.map((l) => l.weights.slice()) };
}
