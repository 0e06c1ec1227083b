import { describe, expect, it } from 'vitest';
import {
  cloneNetwork, createNetwork, createOptimizerState, forward, gradients, makeDataset, makeRegression, trainStep,
  type Network, type NetworkSpec, type TrainOptions,
} from '../../../src/lib/index.ts';
import { overflowingNet } from './helpers.ts';

const data = makeDataset('circle', { n: 120, noise: 0.05, seed: 4, testFraction: 0 }).train;
const SPEC: NetworkSpec = { sizes: [2, 12, 12, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', seed: 5 };

function allFinite(net: Network): boolean {
  return net.layers.every((l) => l.weights.every(Number.isFinite) && l.biases.every(Number.isFinite));
}

function train(net: Network, steps: number, options: TrainOptions): number[] {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push(trainStep(net, data.x, data.y, data.n, options).loss);
  return losses;
}

describe('trainStep', () => {
  it('reports the loss that gradients computes, then applies w -= lr * grad (SGD)', () => {
    const net = createNetwork(SPEC);
    const before = cloneNetwork(net);
    const g = gradients(net, data.x, data.y, data.n, 'bce');
    const r = trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.1 });
    expect(r.loss).toBe(g.loss);
    expect(r.diverged).toBe(false);
    net.layers.forEach((l, i) => {
      l.weights.forEach((w, k) => expect(w).toBeCloseTo(before.layers[i].weights[k] - 0.1 * g.weights[i][k], 15));
      l.biases.forEach((b, k) => expect(b).toBeCloseTo(before.layers[i].biases[k] - 0.1 * g.biases[i][k], 15));
    });
    const norm = Math.hypot(...g.weights.flatMap((w) => Array.from(w)), ...g.biases.flatMap((b) => Array.from(b)));
    expect(r.gradNorm).toBeCloseTo(norm, 14);
  });

  it.each<[string, Partial<TrainOptions>, number]>([
    ['sgd', { optimizer: 'sgd' }, 0.5],
    ['momentum', { optimizer: 'momentum', momentum: 0.9 }, 0.05],
    ['adam', { optimizer: 'adam' }, 0.01],
  ])('%s lowers the loss on the circle data set', (_name, extra, lr) => {
    const net = createNetwork(SPEC);
    const options: TrainOptions = { loss: 'bce', lr, state: createOptimizerState(net), ...extra };
    const losses = train(net, 300, options);
    expect(losses[299]).toBeLessThan(0.3 * losses[0]);
  });

  it('momentum with coefficient 0 is exactly SGD', () => {
    const a = createNetwork(SPEC), b = createNetwork(SPEC);
    train(a, 20, { loss: 'bce', lr: 0.2 });
    train(b, 20, { loss: 'bce', lr: 0.2, optimizer: 'momentum', momentum: 0, state: createOptimizerState(b) });
    expect(b).toEqual(a);
  });

  it('the first Adam step moves every parameter with a nonzero gradient by about lr', () => {
    const net = createNetwork(SPEC);
    const before = cloneNetwork(net);
    const g = gradients(net, data.x, data.y, data.n, 'bce');
    const state = createOptimizerState(net);
    trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.01, optimizer: 'adam', state });
    expect(state.step).toBe(1);
    net.layers[0].weights.forEach((w, k) => {
      const grad = g.weights[0][k];
      if (Math.abs(grad) > 1e-6) expect(before.layers[0].weights[k] - w).toBeCloseTo(0.01 * Math.sign(grad), 6);
    });
  });

  it('clipping by global norm caps the step at clipNorm', () => {
    const net = createNetwork(SPEC);
    const before = cloneNetwork(net);
    const r = trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 1, clipNorm: 1e-3 });
    expect(r.gradNorm).toBeGreaterThan(1e-3);
    let sq = 0;
    net.layers.forEach((l, i) => {
      l.weights.forEach((w, k) => (sq += (w - before.layers[i].weights[k]) ** 2));
      l.biases.forEach((b, k) => (sq += (b - before.layers[i].biases[k]) ** 2));
    });
    expect(Math.sqrt(sq)).toBeCloseTo(1e-3, 12);
  });

  it('fits the 1-D regression set with mse and a linear output', () => {
    const { train: reg } = makeRegression({ n: 100, noise: 0.05, seed: 2 });
    const net = createNetwork({ sizes: [1, 16, 16, 1], activation: 'tanh', output: 'linear', init: 'xavierNormal', seed: 3 });
    const state = createOptimizerState(net);
    let first = 0, last = 0;
    for (let i = 0; i < 500; i++) {
      last = trainStep(net, reg.x, reg.y, reg.n, { loss: 'mse', lr: 0.01, optimizer: 'adam', state }).loss;
      if (i === 0) first = last;
    }
    expect(last).toBeLessThan(0.05 * first);
  });
});

describe('divergence', () => {
  it.each([1, 2, 3])('a learning rate of 1e6 reports diverged, never throws and never leaves NaN (seed %i)', (seed) => {
    const net = createNetwork({ sizes: [2, 16, 16, 1], activation: 'relu', output: 'linear', init: 'heNormal', seed });
    let diverged = false;
    for (let i = 0; i < 50 && !diverged; i++) {
      const before = cloneNetwork(net);
      const r = trainStep(net, data.x, data.y, data.n, { loss: 'mse', lr: 1e6 });
      expect(allFinite(net)).toBe(true);
      if (r.diverged) {
        diverged = true;
        // The failed step left the network exactly as it was.
        expect(net).toEqual(before);
      }
    }
    expect(diverged).toBe(true);
  });

  it('a diverged Adam step also leaves the optimiser state untouched', () => {
    const net = createNetwork({ sizes: [2, 16, 16, 1], activation: 'relu', output: 'linear', init: 'heNormal', seed: 1 });
    const state = createOptimizerState(net);
    let diverged = false;
    for (let i = 0; i < 200 && !diverged; i++) {
      const before = structuredClone(state);
      const r = trainStep(net, data.x, data.y, data.n, { loss: 'mse', lr: 1e300, optimizer: 'adam', state });
      if (r.diverged) {
        diverged = true;
        expect(state).toEqual(before);
      }
    }
    expect(diverged).toBe(true);
    expect(allFinite(net)).toBe(true);
  });

  it.each(['sgd', 'momentum', 'adam'] as const)('%s: a step that overflows during the update restores weights, biases, m, v and step bit for bit', (optimizer) => {
    const { net, x, y } = overflowingNet('none');
    const state = createOptimizerState(net);
    // One ordinary step first, so that m, v and step are not all zero.
    const w = net.layers[1].weights.slice();
    net.layers[1].weights.set([1, -1, 0.3]);
    trainStep(net, x, y, 4, { loss: 'bce', lr: 0.01, optimizer, state });
    net.layers[1].weights.set(w);
    const before = cloneNetwork(net);
    const saved = structuredClone(state);
    const r = trainStep(net, x, y, 4, { loss: 'bce', lr: 1e308, optimizer, state });
    expect(Number.isFinite(r.loss) && Number.isFinite(r.gradNorm)).toBe(true);
    expect(r.diverged).toBe(true);
    expect(net).toEqual(before);
    expect(state).toEqual(saved);
    if (optimizer !== 'sgd') expect(state.step).toBe(1);
  });

  it('bce with a sigmoid output stays finite for confident, correct predictions', () => {
    const net = createNetwork({ sizes: [1, 1], activation: 'linear', output: 'sigmoid', init: 'zeros', seed: 1 });
    net.layers[0].weights[0] = 1000;
    const g = gradients(net, new Float64Array([1, -1]), new Float64Array([1, 0]), 2, 'bce');
    expect(g.loss).toBeGreaterThanOrEqual(0);
    expect(g.loss).toBeLessThan(1e-300);
    const wrong = gradients(net, new Float64Array([1, -1]), new Float64Array([0, 1]), 2, 'bce');
    expect(wrong.loss).toBeCloseTo(1000, 9);
  });
});

describe('layer stats', () => {
  it('a ReLU layer with a large negative bias is entirely dead and saturated', () => {
    const net = createNetwork({ sizes: [2, 8, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 1 });
    net.layers[0].biases.fill(-100);
    const s = gradients(net, data.x, data.y, data.n, 'bce').layers[0];
    expect(s.deadFraction).toBe(1);
    expect(s.saturatedFraction).toBe(1);
    expect(s.weightGradNorm).toBe(0);
    expect(s.activationMean).toBe(0);
  });

  it('leaky ReLU never has dead units', () => {
    const net = createNetwork({ sizes: [2, 8, 1], activation: 'leakyRelu', alpha: 0.1, output: 'sigmoid', init: 'heNormal', seed: 1 });
    net.layers[0].biases.fill(-100);
    const s = gradients(net, data.x, data.y, data.n, 'bce').layers[0];
    expect(s.deadFraction).toBe(0);
    expect(s.weightGradNorm).toBeGreaterThan(0);
  });

  it('sigmoid units with huge weights saturate; with tiny weights none do', () => {
    const big = createNetwork({ sizes: [2, 8, 1], activation: 'sigmoid', output: 'sigmoid', init: { kind: 'normal', std: 100 }, seed: 1 });
    const small = createNetwork({ sizes: [2, 8, 1], activation: 'sigmoid', output: 'sigmoid', init: { kind: 'normal', std: 0.01 }, seed: 1 });
    expect(gradients(big, data.x, data.y, data.n, 'bce').layers[0].saturatedFraction).toBeGreaterThan(0.9);
    expect(gradients(small, data.x, data.y, data.n, 'bce').layers[0].saturatedFraction).toBe(0);
  });

  it('reports the output layer\'s mean, spread and deltaRms from yhat and (yhat - y) / N', () => {
    const net = createNetwork(SPEC);
    const g = gradients(net, data.x, data.y, data.n, 'bce');
    const yhat = forward(net, data.x, data.n);
    const N = data.n;
    const mean = yhat.reduce((s, v) => s + v, 0) / N;
    const std = Math.sqrt(yhat.reduce((s, v) => s + (v - mean) ** 2, 0) / N);
    const deltaRms = Math.sqrt(yhat.reduce((s, v, i) => s + ((v - data.y[i]) / N) ** 2, 0) / N);
    const out = g.layers[2];
    expect(out.activationMean).toBeCloseTo(mean, 14);
    expect(out.activationStd).toBeCloseTo(std, 12);
    expect(out.deltaRms).toBeCloseTo(deltaRms, 15);
    expect(g.layers[0].biasGradNorm).toBeCloseTo(Math.hypot(...g.biases[0]), 15);
  });
});
