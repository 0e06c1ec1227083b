import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activationsPerLayer, createNetwork, gradients, type ActivationName, type LossName, type Network } from '../../../src/lib/index.ts';
import { layerActivations, workspaceFor } from '../../../src/lib/workspace.ts';
import { numericGradients, numericNormGradients, randomArray, relativeError } from './helpers.ts';

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
      const act = layerActivations(net)[l].name;
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

describe('with residual skips and normalisation on, every activation still matches finite differences', () => {
  // Batch norm makes the first layer's bias gradient exactly 0 in exact
  // arithmetic, so differences of 1e-12 there are rounding: an absolute floor of 1e-9.
  const worst = (a: ArrayLike<number>, n: ArrayLike<number>) => {
    let w = 0;
    for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - n[i]) / (1e-6 * (Math.abs(a[i]) + Math.abs(n[i])) + 1e-9));
    return w;
  };

  /** Inputs whose training-mode pre-activations (after normalisation) all stay 0.01 from a kink. */
  function clearOfKinks(net: Network, batch: number, seed: number, y: Float64Array, loss: LossName): Float64Array {
    for (let attempt = 0; attempt < 200; attempt++) {
      const x = randomArray(batch * net.layers[0].inputs, seed + 1000 * attempt);
      if (!layerActivations(net).some((a) => KINKED.includes(a.name))) return x;
      gradients(net, x, y, batch, loss);
      const ws = workspaceFor(net, batch);
      const clear = ws.layers.every((w, l) => {
        const act = ws.acts[l].name;
        return !KINKED.includes(act) || w.z.every((v) => Math.abs(v) >= 0.01);
      });
      if (clear) return x;
    }
    throw new Error('no kink-free inputs found');
  }

  const cases: [ActivationName, 'batch' | 'layer', LossName][] = [];
  for (const a of ACTIVATION_NAMES) for (const norm of ['batch', 'layer'] as const) cases.push([a, norm, norm === 'batch' ? 'mse' : 'bce']);
  it.each(cases)('%s hidden, %s norm, %s loss', (activation, norm, loss) => {
    for (const seed of [1, 2, 3]) {
      const output = loss === 'bce' ? 'sigmoid' : 'linear';
      const net = createNetwork({ sizes: [3, 5, 5, 5, 2], activation, output, init: 'xavierNormal', biasInit: 0.1, residual: true, residualScale: 0.8, norm, seed, alpha: 0.3 });
      // gamma and beta away from 1 and 0, so that their own gradients are exercised.
      net.layers.forEach((l, i) => {
        l.gamma?.forEach((_, j, g) => (g[j] = 0.7 + 0.1 * j + 0.05 * i));
        l.beta?.forEach((_, j, b) => (b[j] = 0.2 - 0.07 * j));
      });
      const batch = 6;
      const y = loss === 'bce' ? randomArray(batch * 2, 300 + seed, (u) => (u < 0.5 ? 0 : 1)) : randomArray(batch * 2, 300 + seed);
      const x = clearOfKinks(net, batch, 400 + seed, y, loss);
      const g = gradients(net, x, y, batch, loss);
      const n = numericGradients(net, x, y, batch, loss, H);
      const nn = numericNormGradients(net, x, y, batch, loss, H);
      for (let l = 0; l < net.layers.length; l++) {
        expect(worst(g.weights[l], n.weights[l])).toBeLessThan(1);
        expect(worst(g.biases[l], n.biases[l])).toBeLessThan(1);
        if (l < net.layers.length - 1) {
          expect(worst(g.gammas[l] as Float64Array, nn.gammas[l] as Float64Array)).toBeLessThan(1);
          expect(worst(g.betas[l] as Float64Array, nn.betas[l] as Float64Array)).toBeLessThan(1);
        } else {
          expect([g.gammas[l], g.betas[l]]).toEqual([null, null]);
        }
      }
    }
  });
});
