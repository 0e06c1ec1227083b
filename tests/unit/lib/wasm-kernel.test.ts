import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACTIVATION_NAMES, cloneNetwork, createNetwork, createOptimizerState, gradients, makeDataset, trainStep, wasmKernel,
  type Kernel, type Network, type NetworkSpec, type OptimizerName,
} from '../../../src/lib/index.ts';
import { abt } from '../../../src/lib/kernels.ts';
import { workspaceFor } from '../../../src/lib/workspace.ts';
import { kernelWasmBytes } from '../../../src/lib/wasm/bytes.ts';
import { kernelBytes, kernelModuleSource } from '../../../scripts/wasm/gen.mjs';
import { numericGradients, randomArray, relativeError } from './helpers.ts';

const kernel = wasmKernel(kernelWasmBytes()) as Kernel;

/** The bits of a Float64Array, so that -0, NaN payloads and last-place differences all count. */
const bits = (a: Float64Array) => Array.from(new Uint32Array(a.slice().buffer));
const netBits = (net: Network) => net.layers.flatMap((l) => [...bits(l.weights), ...bits(l.biases), ...(l.gamma ? bits(l.gamma) : []), ...(l.beta ? bits(l.beta) : [])]);

const spec = (over: Partial<NetworkSpec> = {}): NetworkSpec => ({ sizes: [2, 12, 9, 9, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierNormal', seed: 3, ...over });
const circle = (n: number) => makeDataset('circle', { n, noise: 0.1, seed: 5, testFraction: 0 }).train;

describe('the generated kernel module', () => {
  it('is what scripts/wasm/gen.mjs generates today (regenerate it with node scripts/wasm/gen.mjs)', async () => {
    const file = readFileSync(new URL('../../../src/lib/wasm/kernel.wasm.ts', import.meta.url), 'utf8');
    expect(file).toBe(kernelModuleSource(await kernelBytes()));
  });

  it('validates and compiles in Node, whose V8 has SIMD', () => {
    expect(WebAssembly.validate(kernelWasmBytes())).toBe(true);
    expect(kernel).not.toBeNull();
    expect(kernel.name).toBe('wasm-simd');
  });
});

describe('wasm products give the JS kernel\'s bits', () => {
  // Odd sizes on purpose: every edge block (2 x 2, 2 x 1, the last odd row) and K = 1.
  const shapes: [number, number, number][] = [[2, 8, 4], [3, 5, 7], [1, 13, 64], [7, 2, 9], [5, 9, 3], [64, 16, 33], [128, 64, 64], [33, 17, 128], [9, 11, 1]];
  it.each(shapes)('P = %i, Q = %i, K = %i, with and without a bias', (P, Q, K) => {
    const arena = kernel.arena(P * K + Q * K + 2 * P * Q + Q + 8);
    if (!arena) throw new Error('no arena');
    const a = arena.alloc(P * K), b = arena.alloc(K * Q), c = arena.alloc(P * Q), bias = arena.alloc(Q);
    a.set(randomArray(P * K, P + 10 * Q + 100 * K));
    b.set(randomArray(K * Q, 7 + P));
    bias.set(randomArray(Q, 9));
    // The JS kernel takes b transposed (Q x K).
    const bT = new Float64Array(Q * K);
    for (let k = 0; k < K; k++) for (let q = 0; q < Q; q++) bT[q * K + k] = b[k * Q + q];
    for (const bb of [bias, null]) {
      const ref = new Float64Array(P * Q);
      abt(a, bT, ref, P, Q, K, bb);
      c.fill(NaN);
      expect(arena.ab(a, b, c, P, Q, K, bb)).toBe(true);
      expect(bits(c)).toEqual(bits(ref));
    }
  });

  it.each([
    ['tanh, layer norm and residual skips, Adam', spec({ sizes: [2, 32, 32, 32, 1], norm: 'layer', residual: true }), 'adam'],
    ['ReLU, batch norm, momentum', spec({ sizes: [2, 24, 24, 1], activation: 'relu', init: 'heNormal', norm: 'batch' }), 'momentum'],
    ['sigmoid, plain SGD', spec({ sizes: [2, 16, 16, 16, 16, 1], activation: 'sigmoid' }), 'sgd'],
  ] as [string, NetworkSpec, OptimizerName][])('%s: 30 steps in wasm and in JS end with the same bits', (_label, s, optimizer) => {
    const d = circle(64);
    const js = createNetwork(s);
    const wa = createNetwork(s, { kernel, batch: d.n });
    const sj = createOptimizerState(js), sw = createOptimizerState(wa);
    for (let i = 0; i < 30; i++) {
      const rj = trainStep(js, d.x, d.y, d.n, { loss: 'bce', lr: 0.1, optimizer, state: sj });
      const lj = rj.loss, nj = rj.gradNorm, uj = rj.layers[1].updateRatio;
      const rw = trainStep(wa, d.x, d.y, d.n, { loss: 'bce', lr: 0.1, optimizer, state: sw });
      expect([rw.loss, rw.gradNorm, rw.layers[1].updateRatio]).toEqual([lj, nj, uj]);
    }
    expect(netBits(wa)).toEqual(netBits(js));
  });
});

describe('which products run in wasm', () => {
  // A stand-in module with the kernel's signature that writes 42 to c[0]: a result of 42
  // shows that the call went to wasm.
  const marker = async () => {
    const wabt = await wabtInit();
    const m = wabt.parseWat('marker.wat', `(module (import "env" "memory" (memory 1))
      (func (export "ab") (param i32 i32 i32 i32 i32 i32 i32 i32) (f64.store (local.get 2) (f64.const 42))))`);
    const bytes = new Uint8Array(m.toBinary({}).buffer);
    m.destroy();
    return wasmKernel(bytes) as Kernel;
  };
  /** Whether the product took the call (true) or left it to JS, and c[0] after it. */
  const run = (k: Kernel, P: number, Q: number, K: number, outside: 'none' | 'a' | 'bias') => {
    const arena = k.arena(1000);
    if (!arena) throw new Error('no arena');
    const a = outside === 'a' ? new Float64Array(P * K).fill(1) : arena.alloc(P * K).fill(1);
    const b = arena.alloc(Q * K).fill(1);
    const bias = outside === 'bias' ? new Float64Array(Q) : arena.alloc(Q);
    const c = arena.alloc(P * Q);
    return [arena.ab(a, b, c, P, Q, K, bias), c[0]];
  };

  it('shapes worth it, with every operand in the arena, go to wasm', async () => {
    const k = await marker();
    expect(run(k, 8, 8, 8, 'none')).toEqual([true, 42]);
    expect(run(k, 16, 16, 1, 'none')).toEqual([true, 42]);
  });

  it('one column, tiny products and operands outside the arena are left to JS, untouched', async () => {
    const k = await marker();
    expect(run(k, 64, 1, 8, 'none')).toEqual([false, 0]);
    expect(run(k, 2, 2, 2, 'none')).toEqual([false, 0]);
    expect(run(k, 8, 8, 8, 'a')).toEqual([false, 0]);
    expect(run(k, 8, 8, 8, 'bias')).toEqual([false, 0]);
  });
});

describe('fallbacks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an engine without SIMD (the module does not validate) gets no kernel, and its network trains in JS bit for bit', () => {
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    const none = wasmKernel(kernelWasmBytes());
    expect(none).toBeNull();
    vi.restoreAllMocks();
    const d = circle(32);
    const a = createNetwork(spec(), { kernel: none, batch: d.n });
    const b = createNetwork(spec());
    for (let i = 0; i < 5; i++) {
      trainStep(a, d.x, d.y, d.n, { loss: 'bce', lr: 0.5 });
      trainStep(b, d.x, d.y, d.n, { loss: 'bce', lr: 0.5 });
    }
    expect(netBits(a)).toEqual(netBits(b));
  });

  it('an engine that refuses to compile wasm (a page CSP without wasm-unsafe-eval) gets no kernel and no exception', () => {
    vi.spyOn(WebAssembly, 'Module').mockImplementation(() => {
      throw new WebAssembly.CompileError('Refused to compile or instantiate WebAssembly module');
    });
    expect(wasmKernel(kernelWasmBytes())).toBeNull();
  });

  it('bytes that are not a module give no kernel', () => {
    expect(wasmKernel(new Uint8Array([0, 97, 115, 109, 9, 9]))).toBeNull();
  });

  it('a kernel without a batch size is refused with the field named', () => {
    expect(() => createNetwork(spec(), { kernel })).toThrow(/batch/);
  });
});

describe('one fixed arena per network', () => {
  it('every parameter and every array of the training workspace lives in one wasm memory that never grows', () => {
    const net = createNetwork(spec({ norm: 'layer', residual: true }), { kernel, batch: 24 });
    const buffer = net.layers[0].weights.buffer;
    const size = buffer.byteLength;
    expect(buffer).not.toBeInstanceOf(SharedArrayBuffer);
    const arrays = net.layers.flatMap((l) => [l.weights, l.biases, ...(l.gamma ? [l.gamma] : []), ...(l.beta ? [l.beta] : [])]);
    const ws = workspaceFor(net, 24);
    for (const w of ws.layers) arrays.push(w.z, w.a, w.d, w.dT, w.inT, w.wT, w.da, w.gw, w.gb, w.unitSum, w.wBak, w.bBak, w.h);
    for (const a of arrays) expect(a.buffer).toBe(buffer);
    // Tightly sized: under one 64 KiB page of slack.
    const used = arrays.reduce((s, a) => Math.max(s, a.byteOffset + a.byteLength), 0);
    expect(size - used).toBeLessThan(65536);
    const d = circle(24);
    const view = net.layers[1].weights;
    for (let i = 0; i < 20; i++) trainStep(net, d.x, d.y, d.n, { loss: 'bce', lr: 0.1 });
    // Other batch sizes get ordinary buffers instead of growing the memory.
    gradients(net, d.x.subarray(0, 20), d.y.subarray(0, 10), 10, 'bce');
    expect(workspaceFor(net, 10).layers[1].z.buffer).not.toBe(buffer);
    expect(view.byteLength).toBe(net.layers[1].inputs * net.layers[1].outputs * 8);
    expect(view.buffer.byteLength).toBe(size);
    expect(net.layers[1].weights).toBe(view);
  });

  it('the arena workspace outlives any number of other batch sizes', () => {
    const d = circle(40);
    const net = createNetwork(spec(), { kernel, batch: d.n });
    for (let b = 1; b <= 8; b++) gradients(net, d.x.subarray(0, 2 * b), d.y.subarray(0, b), b, 'bce');
    expect(workspaceFor(net, d.n).layers[0].z.buffer).toBe(net.layers[0].weights.buffer);
  });

  it('clones, structuredClone and postMessage copies are plain data with the same values', () => {
    const net = createNetwork(spec(), { kernel, batch: 16 });
    const c = cloneNetwork(net);
    expect(c.layers[0].weights.buffer).not.toBe(net.layers[0].weights.buffer);
    expect(netBits(c)).toEqual(netBits(net));
    expect(netBits(structuredClone(net))).toEqual(netBits(net));
  });
});

describe('same spec and seed, same bits, with the wasm kernel', () => {
  it.each([1, 2, 3])('two networks trained 25 steps from seed %i are bit-identical, and so is gradients()', (seed) => {
    const d = circle(48);
    const make = () => createNetwork(spec({ seed, sizes: [2, 16, 16, 16, 1], activation: 'relu', init: 'heNormal' }), { kernel: wasmKernel(kernelWasmBytes()), batch: d.n });
    const a = make(), b = make();
    for (let i = 0; i < 25; i++) {
      const ra = trainStep(a, d.x, d.y, d.n, { loss: 'bce', lr: 0.05 }).loss;
      const rb = trainStep(b, d.x, d.y, d.n, { loss: 'bce', lr: 0.05 }).loss;
      expect(ra).toBe(rb);
    }
    expect(netBits(a)).toEqual(netBits(b));
    expect(bits(gradients(a, d.x, d.y, d.n, 'bce').weights[1])).toEqual(bits(gradients(b, d.x, d.y, d.n, 'bce').weights[1]));
  });
});

describe('a diverged step is still undone bit for bit with the wasm kernel', () => {
  // As helpers.ts's overflowingNet, but big enough for wasm: units 0 and 1 of the last
  // hidden layer saturate at tanh(30) = 1, so output weights of +-1.797e308 cancel in the
  // forward pass (one per f64x2 lane, absorbing the other terms); all labels 1 give
  // them a gradient of -0.5, so a step with lr 1e308 overflows.
  const overflowing = () => {
    const d = { ...circle(32), y: new Float64Array(32).fill(1) };
    const net = createNetwork(spec({ sizes: [2, 16, 16, 1] }), { kernel, batch: d.n });
    const [, hidden, out] = net.layers;
    hidden.weights.fill(0, 0, 32);
    hidden.biases.set([30, 30]);
    out.weights.set([1.797e308, -1.797e308]);
    return { net, d };
  };

  it.each(['sgd', 'momentum', 'adam'] as OptimizerName[])('%s: a step whose update overflows restores the parameters and the state exactly', (optimizer) => {
    const { net, d } = overflowing();
    const state = createOptimizerState(net);
    expect(trainStep(net, d.x, d.y, d.n, { loss: 'bce', lr: 1e-3, optimizer, state }).diverged).toBe(false);
    const before = netBits(net);
    const saved = structuredClone(state);
    const r = trainStep(net, d.x, d.y, d.n, { loss: 'bce', lr: 1e308, optimizer, state });
    // Finite loss and gradient: the update itself overflowed and was rolled back.
    expect([r.diverged, Number.isFinite(r.loss), Number.isFinite(r.gradNorm)]).toEqual([true, true, true]);
    expect(netBits(net)).toEqual(before);
    expect(state.step).toBe(saved.step);
    expect(state.m.map(bits)).toEqual(saved.m.map(bits));
    expect(state.v.map(bits)).toEqual(saved.v.map(bits));
  });
});

describe('finite differences agree with the wasm kernel\'s gradients', () => {
  // Wider than the library's main check, so that most products are big enough for wasm.
  it.each(ACTIVATION_NAMES.filter((a) => !['relu', 'leakyRelu', 'elu', 'selu'].includes(a)))('%s hidden, sigmoid output, bce', (hidden) => {
    const batch = 7;
    const net = createNetwork({ sizes: [3, 9, 6, 2], activation: hidden, output: 'sigmoid', init: 'xavierNormal', biasInit: 0.1, seed: 2 }, { kernel, batch });
    const x = randomArray(batch * 3, 11);
    const y = randomArray(batch * 2, 12, (u) => (u < 0.5 ? 0 : 1));
    const g = gradients(net, x, y, batch, 'bce');
    const n = numericGradients(net, x, y, batch, 'bce', 1e-4);
    for (let l = 0; l < net.layers.length; l++) {
      expect(relativeError(g.weights[l], n.weights[l])).toBeLessThan(1e-6);
      expect(relativeError(g.biases[l], n.biases[l])).toBeLessThan(1e-6);
    }
  });
});

describe('trainStep stats and validation', () => {
  it("stats 'gradients' trains the same bits, reports the same loss and gradient norms, and NaN for the stats it skipped", () => {
    const d = circle(32);
    const a = createNetwork(spec(), { kernel, batch: d.n });
    const b = createNetwork(spec(), { kernel, batch: d.n });
    for (let i = 0; i < 5; i++) {
      const ra = trainStep(a, d.x, d.y, d.n, { loss: 'bce', lr: 0.3 });
      const sa = ra.layers.map((s) => ({ ...s }));
      const la = [ra.loss, ra.gradNorm];
      const rb = trainStep(b, d.x, d.y, d.n, { loss: 'bce', lr: 0.3, stats: 'gradients' });
      expect([rb.loss, rb.gradNorm]).toEqual(la);
      rb.layers.forEach((s, l) => {
        expect(s.weightGradNorm).toBe(sa[l].weightGradNorm);
        expect(s.biasGradNorm).toBe(sa[l].biasGradNorm);
        expect(s.activationMean).toBeNaN();
        expect(s.updateRatio).toBeNaN();
        expect(s.weightNorm).toBeNaN();
      });
    }
    expect(netBits(b)).toEqual(netBits(a));
  });

  it('an unknown stats value is refused with the field named', () => {
    const d = circle(8);
    // @ts-expect-error: testing a bad value from untyped callers.
    expect(() => trainStep(createNetwork(spec()), d.x, d.y, d.n, { loss: 'bce', lr: 0.1, stats: 'some' })).toThrow(/^stats:/);
  });

  it('x is scanned once: new arrays with a NaN throw, a NaN written into the scanned array later makes a diverged step that changes nothing', () => {
    const d = circle(16);
    const net = createNetwork(spec(), { kernel, batch: d.n });
    const x = d.x.slice();
    trainStep(net, x, d.y, d.n, { loss: 'bce', lr: 0.1 });
    const bad = x.slice();
    bad[3] = NaN;
    expect(() => trainStep(net, bad, d.y, d.n, { loss: 'bce', lr: 0.1 })).toThrow(/^x: contains a non-finite value/);
    const before = netBits(net);
    x[3] = NaN;
    expect(trainStep(net, x, d.y, d.n, { loss: 'bce', lr: 0.1 }).diverged).toBe(true);
    expect(netBits(net)).toEqual(before);
  });
});
