import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activationsPerLayer, createNetwork, gradients, type ActivationName, type LossName, type Network } from '../../../src/lib/index.ts';
import { numericGradients, randomArray, relativeError } from './helpers.ts';

const SEEDS = [1, 2, 3, 4, 5];
const H = 1e-4;
const combos: [ActivationName, ActivationName, LossName][] = [];
for (const hidden of ACTIVATION_NAMES) {
  for (const output of ACTIVATION_NAMES) combos.push([hidden, output, 'mse']);
  // bce is defined only for outputs in (0, 1), i.e. a sigmoid output.
  combos.push([hidden, 'sigmoid', 'bce']);
}

// ReLU, leaky ReLU, SELU and ELU with alpha != 1 have a kink at 0, where a finite
// difference straddling it measures neither side's slope. Inputs are redrawn
// (deterministically) until every kinked pre-activation is at least 0.01 from 0,
// far beyond the reach of the stencil (2h times a weight's input).
const KINKED: readonly ActivationName[] = ['relu', 'leakyRelu', 'elu', 'selu'];

function inputsAwayFromKinks(net: Network, batch: number, seed: number): Float64Array {
  for (let attempt = 0; ; attempt++) {
    const x = randomArray(batch * net.layers[0].inputs, seed + 1000 * attempt);
    const layers = activationsPerLayer(net, x, batch);
    const clear = layers.every(({ z }, l) => {
      const act = l === layers.length - 1 ? net.spec.output : net.spec.activation;
      return !KINKED.includes(act) || z.every((v) => Math.abs(v) >= 0.01);
    });
    if (clear) return x;
    if (attempt > 200) throw new Error('no kink-free inputs found');
  }
}

describe('analytic gradients match central finite differences', () => {
  it.each(combos)('%s hidden, %s output, %s loss', (hidden, output, loss) => {
    for (const seed of SEEDS) {
      const net = createNetwork({ sizes: [3, 5, 4, 2], activation: hidden, output, init: 'xavierNormal', biasInit: 0.1, seed, alpha: hidden === 'elu' ? 0.7 : 0.05 });
      const batch = 6;
      const x = inputsAwayFromKinks(net, batch, 100 + seed);
      const y = loss === 'bce' ? randomArray(batch * 2, 200 + seed, (u) => (u < 0.5 ? 0 : 1)) : randomArray(batch * 2, 200 + seed);
      const g = gradients(net, x, y, batch, loss);
      const n = numericGradients(net, x, y, batch, loss, H);
      for (let l = 0; l < net.layers.length; l++) {
        expect(relativeError(g.weights[l], n.weights[l])).toBeLessThan(1e-6);
        expect(relativeError(g.biases[l], n.biases[l])).toBeLessThan(1e-6);
      }
    }
  });
});
