import { forwardInto } from './backprop.ts';
import { fillInit } from './init.ts';
import { isResidual } from './norms.ts';
import { createRng } from './rng.ts';
import type { Layer, Network, NetworkSpec } from './types.ts';
import { validateBatch, validateSpec } from './validate.ts';
import { arenaDoubles, attachArena, layerActivations } from './workspace.ts';
import type { Kernel } from './kernel.ts';

export interface NetworkOptions {
  /**
   * Train with this kernel (see wasmKernel): the network's arrays and its training
   * workspace for `batch` examples move into one fixed arena of the kernel's memory,
   * and trainStep and gradients on that batch size run their products there. Other
   * batch sizes, forward() and clones use the JS kernel. Both kernels give the same
   * bits; only the speed differs. Null (or an engine that refuses the memory) keeps
   * the JS kernel. A structuredClone of the network copies the whole arena.
   */
  kernel?: Kernel | null;
  batch?: number;
}

/**
 * A new network for spec. Weights are drawn layer by layer in row-major order
 * from one RNG seeded with spec.seed, with portable arithmetic only, so the
 * same spec gives the same bits on every platform.
 */
export function createNetwork(spec: NetworkSpec, options: NetworkOptions = {}): Network {
  validateSpec(spec);
  const rng = createRng(spec.seed);
  const { sizes } = spec;
  const layers: Layer[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const inputs = sizes[l - 1];
    const outputs = sizes[l];
    const weights = new Float64Array(inputs * outputs);
    fillInit(weights, spec.init, inputs, outputs, rng);
    const layer: Layer = { inputs, outputs, weights, biases: new Float64Array(outputs).fill(spec.biasInit ?? 0) };
    const norm = spec.norm ?? 'none';
    if (norm !== 'none' && l < sizes.length - 1) {
      layer.gamma = new Float64Array(outputs).fill(1);
      layer.beta = new Float64Array(outputs);
      if (norm === 'batch') {
        layer.runningMean = new Float64Array(outputs);
        layer.runningVar = new Float64Array(outputs).fill(1);
      }
    }
    layers.push(layer);
  }
  const net: Network = { spec: copySpec(spec), layers };
  const { kernel, batch } = options;
  if (kernel) {
    if (!Number.isInteger(batch) || (batch as number) < 1) throw new Error(`batch: a kernel needs the training batch size, an integer >= 1, got ${String(batch)}`);
    const arena = kernel.arena(arenaDoubles(net, batch as number));
    if (arena) {
      // Copied once, here; from now on every step reads and writes them in place.
      const move = (a: Float64Array) => { const v = arena.alloc(a.length); v.set(a); return v; };
      for (const l of layers) {
        l.weights = move(l.weights);
        l.biases = move(l.biases);
        if (l.gamma) l.gamma = move(l.gamma);
        if (l.beta) l.beta = move(l.beta);
        if (l.runningMean) l.runningMean = move(l.runningMean);
        if (l.runningVar) l.runningVar = move(l.runningVar);
      }
      attachArena(net, batch as number, arena);
    }
  }
  return net;
}

/** A copy of spec sharing no arrays or objects with it. */
function copySpec(spec: NetworkSpec): NetworkSpec {
  const { init, activation: h } = spec;
  return { ...spec, sizes: spec.sizes.slice(), init: typeof init === 'object' ? { ...init } : init, activation: typeof h === 'string' ? h : h.slice() };
}

/** A deep copy of net, sharing no arrays. */
export function cloneNetwork(net: Network): Network {
  return {
    spec: copySpec(net.spec),
    layers: net.layers.map((l) => {
      const c: Layer = { inputs: l.inputs, outputs: l.outputs, weights: l.weights.slice(), biases: l.biases.slice() };
      if (l.gamma) c.gamma = l.gamma.slice();
      if (l.beta) c.beta = l.beta.slice();
      if (l.runningMean) c.runningMean = l.runningMean.slice();
      if (l.runningVar) c.runningVar = l.runningVar.slice();
      return c;
    }),
  };
}

/**
 * Each layer's pre-activations z (after normalisation), activations a = phi(z)
 * and outputs h (a itself, or h_(l-1) + s a on a residual layer), batch x
 * units, for x (batch x inputs), in inference mode; with batchStats true, batch
 * norm uses x's own batch statistics, as a training step on x does (the running
 * statistics lag behind training). Does not mutate net.
 */
export function activationsPerLayer(net: Network, x: Float64Array, batch: number, batchStats = false): { z: Float64Array; a: Float64Array; h: Float64Array }[] {
  validateBatch(net, x, null, batch);
  const zs = net.layers.map((l) => new Float64Array(batch * l.outputs));
  const as = net.layers.map((l) => new Float64Array(batch * l.outputs));
  const hs = net.layers.map((l, i) => (isResidual(net, i) ? new Float64Array(batch * l.outputs) : as[i]));
  forwardInto(net, layerActivations(net), x, batch, zs, as, hs, batchStats);
  return zs.map((z, l) => ({ z, a: as[l], h: hs[l] }));
}

/** The network's outputs for x (batch x inputs), as batch x outputs, row-major. Does not mutate net. */
export function forward(net: Network, x: Float64Array, batch: number): Float64Array {
  const layers = activationsPerLayer(net, x, batch);
  return layers[layers.length - 1].a;
}

/**
 * The first output over a res x res grid of cell centres covering
 * [xmin, xmax] x [ymin, ymax], for drawing decision boundaries. Entry
 * r * res + c is at x = xmin + (c + 0.5) (xmax - xmin) / res and
 * y = ymin + (r + 0.5) (ymax - ymin) / res. Needs a network with 2 inputs.
 */
export function predictGrid(net: Network, xmin: number, xmax: number, ymin: number, ymax: number, res: number): Float64Array {
  if (!Number.isInteger(res) || res < 1) throw new Error(`res: must be an integer >= 1, got ${String(res)}`);
  if (net.layers[0].inputs !== 2) throw new Error(`sizes[0]: predictGrid needs 2 inputs, got ${net.layers[0].inputs}`);
  const x = new Float64Array(2 * res * res);
  for (let r = 0; r < res; r++) {
    const yv = ymin + ((r + 0.5) * (ymax - ymin)) / res;
    for (let c = 0; c < res; c++) {
      const i = 2 * (r * res + c);
      x[i] = xmin + ((c + 0.5) * (xmax - xmin)) / res;
      x[i + 1] = yv;
    }
  }
  const out = forward(net, x, res * res);
  const k = net.layers[net.layers.length - 1].outputs;
  if (k === 1) return out;
  const first = new Float64Array(res * res);
  for (let i = 0; i < first.length; i++) first[i] = out[i * k];
  return first;
}
