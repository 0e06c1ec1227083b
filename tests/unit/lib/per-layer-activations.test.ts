import { describe, expect, it } from 'vitest';
import {
  activationsPerLayer, cloneNetwork, createNetwork, createOptimizerState, gradientBound, gradients, makeDataset, spectralNorms, trainStep, wasmKernel,
  type ActivationName, type Kernel, type Network, type NetworkSpec,
} from '../../../src/lib/index.ts';
import { kernelWasmBytes } from '../../../src/lib/wasm/bytes.ts';
import { numericGradients, randomArray, relativeError } from './helpers.ts';

const MIXED: ActivationName[] = ['tanh', 'relu', 'sigmoid', 'leakyRelu'];
const KINKED: readonly ActivationName[] = ['relu', 'leakyRelu'];
const spec = (over: Partial<NetworkSpec> = {}): NetworkSpec => ({ sizes: [3, 6, 5, 5, 4, 2], activation: MIXED, output: 'linear', init: 'xavierNormal', biasInit: 0.1, seed: 1, ...over });
const bits = (a: Float64Array) => Array.from(new Uint32Array(a.slice().buffer));
const netBits = (net: Network) => net.layers.flatMap((l) => [...bits(l.weights), ...bits(l.biases)]);

/** Inputs whose kinked layers' pre-activations all stay 0.01 from 0, out of the stencil's reach. */
function clearOfKinks(net: Network, batch: number, seed: number): Float64Array {
  for (let attempt = 0; attempt < 300; attempt++) {
    const x = randomArray(batch * 3, seed + 1000 * attempt);
    const layers = activationsPerLayer(net, x, batch);
    if (layers.every(({ z }, l) => l === layers.length - 1 || !KINKED.includes(MIXED[l]) || z.every((v) => Math.abs(v) >= 0.01))) return x;
  }
  throw new Error('no kink-free inputs found');
}

describe('a network with one activation per hidden layer', () => {
  it('applies each layer its own activation in the forward pass', () => {
    const net = createNetwork(spec());
    const layers = activationsPerLayer(net, randomArray(4 * 3, 9), 4);
    // relu outputs are >= 0 with some exact zeros, sigmoid's lie in (0, 1), tanh's in (-1, 1) with negatives.
    expect(layers[0].a.some((v) => v < 0)).toBe(true);
    expect(layers[1].a.every((v) => v >= 0) && layers[1].a.some((v) => v === 0)).toBe(true);
    expect(layers[2].a.every((v) => v > 0 && v < 1)).toBe(true);
    expect(layers[3].a.some((v) => v < 0)).toBe(true);
  });

  it.each([['mse', 'linear'], ['bce', 'sigmoid']] as const)('has analytic gradients within 1e-6 of finite differences (%s loss)', (loss, output) => {
    let worst = 0;
    for (const seed of [1, 2, 3]) {
      const net = createNetwork(spec({ seed, output, alpha: 0.05 }));
      const batch = 6;
      const x = clearOfKinks(net, batch, 100 + seed);
      const y = loss === 'bce' ? randomArray(batch * 2, 200 + seed, (u) => (u < 0.5 ? 0 : 1)) : randomArray(batch * 2, 200 + seed);
      const g = gradients(net, x, y, batch, loss);
      const n = numericGradients(net, x, y, batch, loss, 1e-4);
      for (let l = 0; l < net.layers.length; l++) worst = Math.max(worst, relativeError(g.weights[l], n.weights[l]), relativeError(g.biases[l], n.biases[l]));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it.each(['tanh', 'relu', 'elu'] as const)('trains bit-identically to the single-name spec when every layer is %s (Adam, 20 steps)', (name) => {
    const data = makeDataset('circle', { n: 40, noise: 0.1, seed: 4, testFraction: 0 }).train;
    const run = (activation: NetworkSpec['activation']) => {
      const net = createNetwork(spec({ sizes: [2, 8, 8, 8, 1], activation, output: 'sigmoid' }));
      const state = createOptimizerState(net);
      const losses = Array.from({ length: 20 }, () => trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0.01, optimizer: 'adam', state }).loss);
      return { losses, w: netBits(net) };
    };
    const one = run(name);
    const per = run([name, name, name]);
    expect(per.losses).toEqual(one.losses);
    expect(per.w).toEqual(one.w);
  });

  it('gives the wasm kernel the JS kernel\'s bits', () => {
    const kernel = wasmKernel(kernelWasmBytes()) as Kernel;
    const data = makeDataset('xor', { n: 30, noise: 0.1, seed: 2, testFraction: 0 }).train;
    const s = spec({ sizes: [2, 6, 5, 5, 4, 1], output: 'sigmoid' });
    const js = createNetwork(s);
    const wasm = createNetwork(s, { kernel, batch: data.n });
    for (let i = 0; i < 10; i++) {
      expect(trainStep(wasm, data.x, data.y, data.n, { loss: 'bce', lr: 0.1 }).loss).toBe(trainStep(js, data.x, data.y, data.n, { loss: 'bce', lr: 0.1 }).loss);
    }
    expect(netBits(wasm)).toEqual(netBits(js));
  });

  it('reports dead units on a relu layer and saturation on a sigmoid layer, each by its own activation', () => {
    // Biases of -3 kill most relu units; the sigmoid layer then saturates on large inputs.
    const net = createNetwork(spec({ sizes: [2, 16, 16, 16, 1], activation: ['relu', 'sigmoid', 'tanh'], output: 'sigmoid', init: { kind: 'normal', std: 3 }, biasInit: -1, seed: 2 }));
    const data = makeDataset('circle', { n: 64, noise: 0.1, seed: 3, testFraction: 0 }).train;
    const { layers } = trainStep(net, data.x, data.y, data.n, { loss: 'bce', lr: 0 });
    expect(layers[0].deadFraction).toBeGreaterThan(0);
    // Sigmoid and tanh cannot die: their derivative is never exactly 0.
    expect(layers[1].deadFraction).toBe(0);
    expect(layers[2].deadFraction).toBe(0);
    // Saturated against each layer's own maximum derivative (1/4 for sigmoid).
    expect(layers[1].saturatedFraction).toBeGreaterThan(0.2);
    const allRelu = createNetwork({ ...net.spec, activation: 'relu' });
    expect(trainStep(allRelu, data.x, data.y, data.n, { loss: 'bce', lr: 0 }).layers[1].deadFraction).toBeGreaterThan(0);
  });

  it('bounds each layer\'s gradient with its own activation\'s maximum derivative', () => {
    const net = createNetwork(spec({ activation: ['sigmoid', 'tanh', 'sigmoid', 'tanh'] }));
    const sn = spectralNorms(net);
    const b = gradientBound(net);
    // out[l] = phi_l'max * prod over k > l of ||W_k|| (and phi_k'max below the top).
    expect(b[3]).toBeCloseTo(1 * sn[4], 12);
    expect(b[2]).toBeCloseTo(0.25 * sn[3] * 1 * sn[4], 12);
    expect(b[1]).toBeCloseTo(1 * sn[2] * 0.25 * sn[3] * 1 * sn[4], 12);
    expect(b[0]).toBeCloseTo(0.25 * sn[1] * 1 * sn[2] * 0.25 * sn[3] * 1 * sn[4], 12);
  });

  it('is cloned with its own copy of the activation list', () => {
    const list: ActivationName[] = ['relu', 'tanh', 'tanh', 'relu'];
    const net = createNetwork(spec({ activation: list }));
    list[0] = 'sigmoid';
    const clone = cloneNetwork(net);
    expect(net.spec.activation).toEqual(['relu', 'tanh', 'tanh', 'relu']);
    expect(clone.spec.activation).toEqual(net.spec.activation);
    expect(clone.spec.activation).not.toBe(net.spec.activation);
  });

  it('refuses a list of the wrong length or with an unknown name, naming the field', () => {
    expect(() => createNetwork(spec({ activation: ['tanh', 'relu'] }))).toThrow('activation: needs one name per hidden layer (4), got 2');
    expect(() => createNetwork(spec({ activation: [] }))).toThrow('activation: needs one name per hidden layer (4), got 0');
    expect(() => createNetwork(spec({ activation: ['tanh', 'relu', 'softmax' as ActivationName, 'tanh'] }))).toThrow("activation[2]: unknown activation 'softmax'");
    expect(() => createNetwork(spec({ activation: 'nope' as ActivationName }))).toThrow("activation: unknown activation 'nope'");
  });
});
