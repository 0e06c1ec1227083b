import { describe, expect, it } from 'vitest';
import { createNetwork, createOptimizerState, forward, gradients, trainStep, type NetworkSpec, type TrainOptions } from '../../../src/lib/index.ts';

const SPEC: NetworkSpec = { sizes: [2, 4, 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 1 };
const bad = (patch: Record<string, unknown>) => ({ ...SPEC, ...patch }) as NetworkSpec;

describe('bad specs throw an Error that names the field', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['empty sizes', { sizes: [] }, /^sizes: must list at least the inputs and the outputs/],
    ['a single size', { sizes: [3] }, /^sizes: /],
    ['sizes that is not an array', { sizes: 3 }, /^sizes: /],
    ['a non-integer size', { sizes: [2, 1.5, 1] }, /^sizes\[1\]: must be an integer, got 1.5/],
    ['a NaN size', { sizes: [2, NaN, 1] }, /^sizes\[1\]: must be an integer/],
    ['a width of 0', { sizes: [2, 0, 1] }, /^sizes\[1\]: width must be at least 1, got 0/],
    ['a negative width', { sizes: [2, 4, -1] }, /^sizes\[2\]: width must be at least 1/],
    ['an unknown activation', { activation: 'softplus' }, /^activation: unknown activation 'softplus'/],
    ['an unknown output activation', { output: 'softmax' }, /^output: unknown activation 'softmax'/],
    ['an unknown init', { init: 'kaiming' }, /^init: unknown init 'kaiming'/],
    ['a negative orthogonal gain', { init: { kind: 'orthogonal', gain: -1 } }, /^init.gain: /],
    ['a residual that is not a boolean', { residual: 1 }, /^residual: must be true or false/],
    ['a NaN residualScale', { residualScale: NaN }, /^residualScale: must be a finite number/],
    ['an unknown norm', { norm: 'group' }, /^norm: unknown norm 'group'/],
    ['an unknown init kind', { init: { kind: 'cauchy', std: 1 } }, /^init.kind: unknown init kind 'cauchy'/],
    ['a negative custom std', { init: { kind: 'normal', std: -1 } }, /^init.std: /],
    ['a NaN custom limit', { init: { kind: 'uniform', limit: NaN } }, /^init.limit: /],
    ['a NaN alpha', { alpha: NaN }, /^alpha: must be a finite number/],
    ['an infinite biasInit', { biasInit: Infinity }, /^biasInit: must be a finite number/],
    ['a missing seed', { seed: undefined }, /^seed: must be a finite number/],
  ])('%s', (_name, patch, message) => {
    expect(() => createNetwork(bad(patch))).toThrow(message);
  });
});

describe('bad calls throw an Error that names the field', () => {
  const net = createNetwork(SPEC);
  const x = new Float64Array([0.1, 0.2, 0.3, 0.4]);
  const y = new Float64Array([0, 1]);
  const ok: TrainOptions = { loss: 'bce', lr: 0.1 };

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown loss', { loss: 'hinge' }, /^loss: unknown loss 'hinge'/],
    ['a negative learning rate', { lr: -0.1 }, /^lr: must be a finite number >= 0, got -0.1/],
    ['a NaN learning rate', { lr: NaN }, /^lr: must be a finite number >= 0, got NaN/],
    ['an infinite learning rate', { lr: Infinity }, /^lr: /],
    ['an unknown optimizer', { optimizer: 'rmsprop' }, /^optimizer: unknown optimizer 'rmsprop'/],
    ['momentum without state', { optimizer: 'momentum' }, /^state: optimizer 'momentum' needs the state/],
    ['adam without state', { optimizer: 'adam' }, /^state: optimizer 'adam' needs the state/],
    ['a momentum of 1', { optimizer: 'momentum', momentum: 1, state: createOptimizerState(net) }, /^momentum: must be in \[0, 1\)/],
    ['a beta2 below 0', { beta2: -0.5 }, /^beta2: must be in \[0, 1\)/],
    ['a zero eps', { eps: 0 }, /^eps: /],
    ['a zero clipNorm', { clipNorm: 0 }, /^clipNorm: must be a finite number > 0/],
  ])('trainStep with %s', (_name, patch, message) => {
    expect(() => trainStep(net, x, y, 2, { ...ok, ...patch } as unknown as TrainOptions)).toThrow(message);
  });

  it('bce with an output that is not a sigmoid', () => {
    const linear = createNetwork({ ...SPEC, output: 'linear' });
    expect(() => gradients(linear, x, y, 2, 'bce')).toThrow(/^loss: 'bce' needs output 'sigmoid', got 'linear'/);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a batch that does not match x', () => trainStep(net, x, y, 3, ok), /^batch: 3 examples need x.length 6, got 4/],
    ['a batch that does not match y', () => trainStep(net, x, new Float64Array(3), 2, ok), /^batch: 2 examples need y.length 2, got 3/],
    ['a batch of 0', () => gradients(net, x, y, 0, 'bce'), /^batch: must be an integer >= 1, got 0/],
    ['a fractional batch', () => forward(net, x, 1.5), /^batch: must be an integer >= 1, got 1.5/],
    ['NaN in the inputs', () => trainStep(net, new Float64Array([0, NaN, 1, 2]), y, 2, ok), /^x: contains a non-finite value \(NaN\) at index 1/],
    ['Infinity in the inputs of forward', () => forward(net, new Float64Array([0, Infinity]), 1), /^x: contains a non-finite value \(Infinity\) at index 1/],
    ['NaN in the targets', () => gradients(net, x, new Float64Array([NaN, 1]), 2, 'bce'), /^y: contains a non-finite value/],
    ['x that is not a Float64Array', () => forward(net, [0, 1] as unknown as Float64Array, 1), /^x: must be a Float64Array/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
