// npm run bench: times one full training step (forward, backward, per-layer
// gradient norms, SGD update) of src/lib against TensorFlow.js (tfjs-core with
// the cpu backend) on identical networks, initial weights and batches:
// (a)-(c) plain MLPs, (d) config (c) with residual skips and layer norm, and
// (e) an LSTM trained through 50 steps; (a)-(c) also against tfjs's wasm
// backend (SIMD, one thread in Node). The library runs twice: with its JS
// kernel (WASM off: the library as it was before the kernel) and with the
// f64x2 WebAssembly SIMD kernel (WASM on, as in the worker and at build time),
// each also as GFLOP/s against the scalar-JS peak of the same run; (f) is the
// vanishing-gradient lab at 30 x 64, whose worker step it is. It also checks that trainStep and
// trainSequenceStep allocate no buffers once warm. The contenders alternate in
// short slices and are counted in thread CPU time (bench/timing.ts); the
// ratios are medians of per-round ratios, with their min-max range.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfWasm from '@tensorflow/tfjs-backend-wasm';
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { cpuClock, interleave, ratios, scalarPeakSamples, showSpread, spread, type Contender, type Rates, type Spread } from './timing.ts';
import {
  cloneNetwork, createNetwork, createOptimizerState, createRecurrent, gradients, makeDataset, makeSequenceTask, sequenceGradients, trainSequenceStep, trainStep, wasmKernel,
  type Kernel, type Network, type NetworkSpec, type RecurrentNetwork,
} from '../src/lib/index.ts';
import { kernelWasmBytes } from '../src/lib/wasm/bytes.ts';

interface Config {
  label: string;
  spec: NetworkSpec;
  batch: number;
  /** Minimum lib / tfjs ratio, or 0 for configurations that only report it. */
  target: number;
  /** Minimum WASM on / WASM off ratio (issue 17), or 0 for none. */
  simdTarget: number;
  /** Also timed against tfjs (cpu). */
  tfjs: boolean;
  /** Also timed against tfjs-wasm. */
  wasm: boolean;
  /** Small enough that float32 (tfjs) and float64 (lib) runs stay within 1e-4 over 10 steps. */
  lr: number;
}

const hidden = (width: number, depth: number) => Array.from({ length: depth }, () => width);
const CONFIGS: Config[] = [
  { label: '(a) [2, 8x5, 1] sigmoid, batch 32', spec: { sizes: [2, ...hidden(8, 5), 1], activation: 'sigmoid', output: 'sigmoid', init: 'xavierUniform', seed: 1 }, batch: 32, target: 20, simdTarget: 1, tfjs: true, wasm: true, lr: 0.05 },
  { label: '(b) [2, 16x10, 1] sigmoid, batch 64', spec: { sizes: [2, ...hidden(16, 10), 1], activation: 'sigmoid', output: 'sigmoid', init: 'xavierUniform', seed: 2 }, batch: 64, target: 8, simdTarget: 1.5, tfjs: true, wasm: true, lr: 0.05 },
  { label: '(c) [2, 64x30, 1] ReLU, batch 128', spec: { sizes: [2, ...hidden(64, 30), 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 3 }, batch: 128, target: 4, simdTarget: 2.5, tfjs: true, wasm: true, lr: 0.01 },
  { label: '(d) (c) + residual + layer norm', spec: { sizes: [2, ...hidden(64, 30), 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', residual: true, norm: 'layer', seed: 3 }, batch: 128, target: 0, simdTarget: 0, tfjs: true, wasm: false, lr: 0.01 },
  // The lab's defaults at its largest size: 180 training points of its 240, classic init.
  { label: '(f) lab [2, 64x30, 1] sigmoid, batch 180', spec: { sizes: [2, ...hidden(64, 30), 1], activation: 'sigmoid', output: 'sigmoid', init: 'classic', seed: 1 }, batch: 180, target: 0, simdTarget: 2.5, tfjs: false, wasm: false, lr: 1 },
];
const BATCHES = 10;
/** Rounds of interleaved slices per configuration, and the wall time of one slice. */
const ROUNDS = 9;
const SLICE_MS = 150;

/** Multiply-add FLOPs of one step: forward, weight gradients, and input gradients above the first layer. */
function flopsPerStep(net: Network, batch: number): number {
  return net.layers.reduce((s, l, i) => s + (i === 0 ? 2 : 3) * 2 * batch * l.inputs * l.outputs, 0);
}

function makeBatches(batch: number, seed: number): { x: Float64Array; y: Float64Array }[] {
  const { train } = makeDataset('circle', { n: batch * BATCHES, noise: 0.05, seed, testFraction: 0 });
  return Array.from({ length: BATCHES }, (_, i) => ({
    x: train.x.slice(i * batch * 2, (i + 1) * batch * 2),
    y: train.y.slice(i * batch, (i + 1) * batch),
  }));
}

/** The same network in tfjs: weights copied (transposed to inputs x outputs), same loss, plain SGD. */
function tfModel(net: Network, batches: { x: Float64Array; y: Float64Array }[], batch: number, lr: number) {
  const vars: tf.Variable[] = [];
  const norms: { gamma: tf.Variable; beta: tf.Variable }[] = [];
  for (const l of net.layers) {
    const wT = new Float32Array(l.inputs * l.outputs);
    for (let j = 0; j < l.outputs; j++) for (let i = 0; i < l.inputs; i++) wT[i * l.outputs + j] = l.weights[j * l.inputs + i];
    vars.push(tf.variable(tf.tensor2d(wT, [l.inputs, l.outputs])), tf.variable(tf.tensor1d(Float32Array.from(l.biases))));
  }
  for (const l of net.layers) if (l.gamma && l.beta) norms.push({ gamma: tf.variable(tf.tensor1d(Float32Array.from(l.gamma))), beta: tf.variable(tf.tensor1d(Float32Array.from(l.beta))) });
  const allVars = [...vars, ...norms.flatMap((n) => [n.gamma, n.beta])];
  const residual = net.spec.residual === true;
  const data = batches.map(({ x, y }) => ({ x: tf.tensor2d(Float32Array.from(x), [batch, 2]), y: tf.tensor2d(Float32Array.from(y), [batch, 1]) }));
  const act = net.spec.activation === 'relu' ? tf.relu : tf.sigmoid;
  const L = net.layers.length;
  const lossOf = (x: tf.Tensor, y: tf.Tensor) => {
    let h: tf.Tensor = x;
    for (let l = 0; l < L; l++) {
      let z = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor2D), vars[2 * l + 1]);
      if (l < L - 1 && norms[l]) {
        // Layer norm: per example over the units, biased variance, eps 1e-5.
        const { mean, variance } = tf.moments(z, 1, true);
        z = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, 1e-5))), norms[l].gamma), norms[l].beta);
      }
      const skip = residual && l > 0 && l < L - 1 && net.layers[l].inputs === net.layers[l].outputs;
      h = l < L - 1 ? (skip ? tf.add(h, act(z)) : act(z)) : z;
    }
    return tf.losses.sigmoidCrossEntropy(y, h) as tf.Scalar;
  };
  /** One step on batch i; returns the loss and the per-layer gradient norms, read back to JS. */
  const step = (i: number): Float32Array => {
    const { x, y } = data[i % data.length];
    const out = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => lossOf(x, y), allVars);
      const gradNorms = vars.map((v) => tf.norm(grads[v.name]));
      for (const v of allVars) v.assign(tf.sub(v, tf.mul(grads[v.name], lr)));
      return tf.concat([tf.reshape(value, [1]), tf.stack(gradNorms)]);
    });
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  };
  const loss = (i: number): number => tf.tidy(() => lossOf(data[i].x, data[i].y).dataSync()[0]);
  return { step, loss };
}

// tfjs-core keeps its gradient definitions in an ESM-only module with
// extensionless imports, which Node cannot load; bundle it in memory. The
// gradient registry is global, so the bundle's copy registers into our engine.
const gradientsBundle = buildSync({ entryPoints: ['node_modules/@tensorflow/tfjs-core/dist/register_all_gradients.js'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
await import(`data:text/javascript;base64,${Buffer.from(gradientsBundle.outputFiles[0].text).toString('base64')}`);
// The wasm backend's binaries ship in its package; in Node it runs one thread
// (tfjs has no multithreaded wasm for Node), so thread CPU time counts all its work.
tfWasm.setWasmPaths(`${path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'))}/dist/`);
let wasmNote = '';
try {
  if (!(await tf.setBackend('wasm'))) wasmNote = 'tfjs-wasm did not initialise';
  else wasmNote = `tfjs-wasm ${tfWasm.version_wasm}, SIMD ${(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'on' : 'off'}, 1 thread`;
} catch (e) {
  wasmNote = `tfjs-wasm unavailable: ${(e as Error).message}`;
}
const hasWasm = tf.getBackend() === 'wasm';
await tf.setBackend('cpu');
await tf.ready();
const peakSamples = scalarPeakSamples(15);
console.log(`Node ${process.versions.node}, tfjs-core ${tf.version_core} (cpu backend); ${wasmNote}`);
console.log(`Timing: contenders interleaved in ${SLICE_MS} ms slices, ${ROUNDS} rounds; rates in steps per second of ${cpuClock} (wall time alongside); median [min-max] over rounds.`);

/** One peer column: per-round rates of tfjs, and its loss after the 10 check steps. */
interface Peer { rates: { cpu: number[]; wall: number[] }; loss: number; agree: boolean }
interface Simd { rates: { cpu: number[]; wall: number[] }; target: number; loss: number; agree: boolean }
interface Row { label: string; target: number; lib: { cpu: number[]; wall: number[] }; simd?: Simd; flops: number; libLoss: number; peers: Record<string, Peer | undefined> }
/** The WebAssembly kernel; each network gets its own arena from it. */
const kernel: Kernel | null = wasmKernel(kernelWasmBytes());
if (!kernel) console.log('The WebAssembly SIMD kernel did not load here: the WASM on column is missing.');
const rowsOut: Row[] = [];
// tfjs computes in float32, so the two agree to about 1e-7 relative, not exactly.
const agrees = (lib: number, tfLoss: number) => Math.abs(lib - tfLoss) <= 1e-4 * Math.abs(lib);
const useBackend = (name: string) => async () => { if (tf.getBackend() !== name) await tf.setBackend(name); };

for (const c of CONFIGS) {
  const base = createNetwork(c.spec);
  const batches = makeBatches(c.batch, 7);
  // Honesty check: 10 identical SGD steps, then the loss on batch 0, in all.
  const check = cloneNetwork(base);
  const ours = (net: Network, i: number) => trainStep(net, batches[i % BATCHES].x, batches[i % BATCHES].y, c.batch, { loss: 'bce', lr: c.lr });
  for (let i = 0; i < 10; i++) ours(check, i);
  const libLoss = gradients(check, batches[0].x, batches[0].y, c.batch, 'bce').loss;
  const simdNet = () => createNetwork(c.spec, { kernel, batch: c.batch });
  const simdCheck = simdNet();
  for (let i = 0; i < 10; i++) ours(simdCheck, i);
  const simdLoss = gradients(simdCheck, batches[0].x, batches[0].y, c.batch, 'bce').loss;
  // Each model's tensors are made under its own backend, so switching backends between slices moves no data.
  const backends = [...(c.tfjs ? ['cpu'] : []), ...(c.wasm && hasWasm ? ['wasm'] : [])];
  const models: Record<string, ReturnType<typeof tfModel>> = {};
  const losses: Record<string, number> = {};
  for (const b of backends) {
    await tf.setBackend(b);
    models[b] = tfModel(base, batches, c.batch, c.lr);
    for (let i = 0; i < 10; i++) models[b].step(i);
    losses[b] = models[b].loss(0);
  }
  // Timing, from fresh copies of the same initial weights.
  const net = cloneNetwork(base);
  const simd = simdNet();
  const contenders: Contender[] = [
    { name: 'lib', step: (i) => ours(net, i) },
    ...(kernel ? [{ name: 'simd', step: (i: number) => ours(simd, i) }] : []),
    ...backends.map((b) => ({ name: b, before: useBackend(b), step: models[b].step })),
  ];
  const rates: Rates = await interleave(contenders, { rounds: ROUNDS, sliceMs: SLICE_MS });
  await tf.setBackend('cpu');
  const peers: Record<string, Peer | undefined> = {};
  for (const b of backends) peers[b] = { rates: rates[b], loss: losses[b], agree: agrees(libLoss, losses[b]) };
  // The kernels differ only in summation order: 10 steps stay within 1e-9 relative.
  const simdRow = kernel ? { rates: rates.simd, target: c.simdTarget, loss: simdLoss, agree: Math.abs(simdLoss - libLoss) <= 1e-9 * Math.abs(libLoss) } : undefined;
  rowsOut.push({ label: c.label, target: c.target, lib: rates.lib, simd: simdRow, flops: flopsPerStep(net, c.batch), libLoss, peers });
}
// (e) An LSTM with 32 units on the adding task, 50 steps, batch 32, mse, plain SGD.
const SEQ = { hidden: 32, steps: 50, batch: 32, lr: 0.05 };
const seqTask = makeSequenceTask('adding', { steps: SEQ.steps, count: SEQ.batch * BATCHES, seed: 7 });
const seqBatches = Array.from({ length: BATCHES }, (_, i) => ({
  xs: seqTask.xs.slice(i * SEQ.batch * SEQ.steps * 2, (i + 1) * SEQ.batch * SEQ.steps * 2),
  ys: seqTask.ys.slice(i * SEQ.batch, (i + 1) * SEQ.batch),
}));

/** The same LSTM in tfjs: gates from x_t Wx^T + h Wh^T + b in blocks i, f, g, o, the loss on the last step. */
function tfLstm(net: RecurrentNetwork, lr: number) {
  const { hidden: H, inputs: I, outputs: O } = net.spec;
  const T = SEQ.steps, B = SEQ.batch;
  const transposed = (data: Float64Array, rows: number, cols: number) => {
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
    return tf.variable(tf.tensor2d(out, [cols, rows]));
  };
  const [Wx, Wh, b, Wy, by] = net.params;
  const vars = [transposed(Wx.data, 4 * H, I), transposed(Wh.data, 4 * H, H), tf.variable(tf.tensor1d(Float32Array.from(b.data))), transposed(Wy.data, O, H), tf.variable(tf.tensor1d(Float32Array.from(by.data)))];
  // Per-step inputs [B, I], cut once from the example-major data (data preparation, not timed work).
  const data = seqBatches.map(({ xs, ys }) => ({
    x: Array.from({ length: T }, (_, t) => tf.tensor2d(Float32Array.from({ length: B * I }, (_, k) => xs[(Math.floor(k / I) * T + t) * I + (k % I)]), [B, I])),
    y: tf.tensor2d(Float32Array.from(ys), [B, O]),
  }));
  const lossOf = (x: tf.Tensor2D[], y: tf.Tensor) => {
    let h: tf.Tensor = tf.zeros([B, H]);
    let c: tf.Tensor = tf.zeros([B, H]);
    for (let t = 0; t < T; t++) {
      const z = tf.add(tf.add(tf.matMul(x[t], vars[0] as tf.Tensor2D), tf.matMul(h as tf.Tensor2D, vars[1] as tf.Tensor2D)), vars[2]);
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg)));
      h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
    }
    const yhat = tf.add(tf.matMul(h as tf.Tensor2D, vars[3] as tf.Tensor2D), vars[4]);
    return tf.mean(tf.square(tf.sub(yhat, y))) as tf.Scalar;
  };
  const step = (i: number): Float32Array => {
    const { x, y } = data[i % data.length];
    const out = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => lossOf(x, y), vars);
      const gradNorm = tf.sqrt(tf.addN(vars.map((v) => tf.sum(tf.square(grads[v.name])))));
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name], lr)));
      return tf.stack([value, gradNorm]);
    });
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  };
  const loss = (i: number): number => tf.tidy(() => lossOf(data[i].x, data[i].y).dataSync()[0]);
  return { step, loss };
}

const lstmBase = createRecurrent({ cell: 'lstm', inputs: 2, hidden: SEQ.hidden, outputs: 1, output: 'linear', init: 'xavierUniform', recurrentInit: 'orthogonal', seed: 5 });
const lstmOurs = (net: RecurrentNetwork, i: number) => {
  const { xs, ys } = seqBatches[i % BATCHES];
  return trainSequenceStep(net, xs, ys, SEQ.batch, SEQ.steps, { loss: 'mse', lr: SEQ.lr });
};
{
  const lstmCheck = structuredClone(lstmBase);
  for (let i = 0; i < 10; i++) lstmOurs(lstmCheck, i);
  const libLoss = sequenceGradients(lstmCheck, seqBatches[0].xs, seqBatches[0].ys, SEQ.batch, SEQ.steps, 'mse').loss;
  const lstmTf = tfLstm(lstmBase, SEQ.lr);
  for (let i = 0; i < 10; i++) lstmTf.step(i);
  const tfLoss = lstmTf.loss(0);
  const lstmNet = structuredClone(lstmBase);
  const rates = await interleave([{ name: 'lib', step: (i) => lstmOurs(lstmNet, i) }, { name: 'cpu', step: lstmTf.step }], { rounds: ROUNDS, sliceMs: SLICE_MS });
  // Per step: 50 x (input and recurrent products forward, and three products back).
  const H4 = 4 * SEQ.hidden;
  rowsOut.push({
    label: `(e) LSTM ${SEQ.hidden} units, ${SEQ.steps} steps, batch ${SEQ.batch}`, target: 0, lib: rates.lib,
    flops: 2 * SEQ.batch * SEQ.steps * (2 * H4 + SEQ.hidden * H4) * 3, libLoss, peers: { cpu: { rates: rates.cpu, loss: tfLoss, agree: agrees(libLoss, tfLoss) } },
  });
}

// The peak is measured before and after the configurations, and the slices of both count.
for (const [k, v] of Object.entries(scalarPeakSamples(15))) peakSamples[k as 'cpu' | 'wall'].push(...v);
const peak = spread(peakSamples.cpu);
const peakWall = spread(peakSamples.wall);
console.log(`scalar-JS peak (dot product, 4 accumulators, 30 slices of 20 ms): ${showSpread(peak, 2)} GFLOP/s by CPU time, ${showSpread(peakWall, 2)} by wall time\n`);

const ratioCell = (r: Spread, target: number) => `${showSpread(r, 1, 'x')}${target > 0 && r.median < target ? ' (below)' : ''}`;
const rows: string[][] = [[
  'config', 'lib WASM off steps/s', 'lib WASM on steps/s', 'on/off', 'target', 'off GFLOP/s (x peak)', 'on GFLOP/s (x peak)',
  'tfjs-cpu steps/s', 'lib off/tfjs-cpu', 'target', 'off/tfjs-cpu (wall)', 'tfjs-wasm steps/s', 'lib off/tfjs-wasm', 'lib on/tfjs-wasm',
  'loss after 10 steps (off / on / tfjs-cpu / tfjs-wasm)',
]];
let allOk = true;
const digits = (x: number) => (x >= 100 ? 0 : 1);
const rateCell = (s: Spread) => showSpread(s, digits(s.median));
const flopCell = (rates: number[], flops: number) => {
  const g = spread(rates.map((r) => (r * flops) / 1e9));
  return `${showSpread(g, 2)} (${(g.median / peak.median).toFixed(2)}x)`;
};
for (const r of rowsOut) {
  const cpuPeer = r.peers.cpu;
  const wasmPeer = r.peers.wasm;
  const cpuRatio = cpuPeer ? spread(ratios(r.lib.cpu, cpuPeer.rates.cpu)) : undefined;
  const gflops = (spread(r.lib.cpu).median * r.flops) / 1e9;
  const peakOk = !r.label.startsWith('(c)') || gflops / peak.median >= 0.5;
  const wasmRatio = wasmPeer ? spread(ratios(r.lib.cpu, wasmPeer.rates.cpu)) : undefined;
  // The library must beat tfjs-wasm wherever it is measured.
  const wasmOk = !wasmRatio || wasmRatio.median > 1;
  const simdRatio = r.simd ? spread(ratios(r.simd.rates.cpu, r.lib.cpu)) : undefined;
  const simdOk = !r.simd || (r.simd.agree && (r.simd.target === 0 || (simdRatio as Spread).median >= r.simd.target));
  allOk &&= (cpuPeer?.agree ?? true) && (wasmPeer?.agree ?? true) && (!cpuRatio || cpuRatio.median >= r.target) && peakOk && wasmOk && simdOk && kernel !== null;
  const agree = (cpuPeer?.agree ?? true) && (wasmPeer?.agree ?? true) && (r.simd?.agree ?? true);
  rows.push([
    r.label, rateCell(spread(r.lib.cpu)), r.simd ? rateCell(spread(r.simd.rates.cpu)) : '-',
    simdRatio && r.simd ? ratioCell(simdRatio, r.simd.target) : '-', r.simd && r.simd.target > 0 ? `${r.simd.target}x` : '-',
    `${flopCell(r.lib.cpu, r.flops)}${peakOk ? '' : ' (below 0.5x)'}`, r.simd ? flopCell(r.simd.rates.cpu, r.flops) : '-',
    cpuPeer ? rateCell(spread(cpuPeer.rates.cpu)) : '-', cpuRatio ? ratioCell(cpuRatio, r.target) : '-', r.target > 0 ? `${r.target}x` : '-',
    cpuPeer ? showSpread(spread(ratios(r.lib.wall, cpuPeer.rates.wall)), 1, 'x') : '-',
    wasmPeer ? rateCell(spread(wasmPeer.rates.cpu)) : '-', wasmRatio ? `${showSpread(wasmRatio, 1, 'x')}${wasmOk ? '' : ' (below 1x)'}` : '-',
    wasmPeer && r.simd ? showSpread(spread(ratios(r.simd.rates.cpu, wasmPeer.rates.cpu)), 1, 'x') : '-',
    [r.libLoss, r.simd?.loss, cpuPeer?.loss, wasmPeer?.loss].map((x) => (x === undefined ? '-' : x.toFixed(6))).join(' / ') + (agree ? ' agree' : ' DISAGREE'),
  ]);
}
const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
for (const r of rows) console.log(r.map((s, k) => s.padEnd(widths[k])).join(' | '));

/**
 * Bytes of young-generation heap taken per warm call of step, from V8's
 * new-space usage before and after n calls (a round in which a scavenge ran,
 * so that usage fell, is repeated). Any Float64Array buffer would show up as
 * kilobytes; what remains are V8's boxed numbers, tens of bytes.
 */
function bytesPerCall(step: (i: number) => void, n: number): number {
  const used = () => (v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space') as v8.HeapSpaceInfo).space_used_size;
  for (let i = 0; i < 200; i++) step(i);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const before = used();
    for (let i = 0; i < n; i++) step(i);
    const after = used();
    if (after >= before) best = Math.min(best, (after - before) / n);
  }
  return best;
}
// Small configurations, so that 5 x 100 steps take a moment; buffers scale with size, so any would show.
const allocChecks: [string, (i: number) => void][] = (['none', 'batch', 'layer'] as const).map((norm): [string, (i: number) => void] => {
  const net = createNetwork({ sizes: [2, ...hidden(16, 6), 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', residual: norm !== 'none', norm, seed: 3 });
  const state = createOptimizerState(net);
  const b = makeBatches(32, 7);
  const o = { loss: 'bce' as const, lr: 0.001, optimizer: 'adam' as const, state, clipNorm: 5 };
  return [`trainStep, [2, 16x6, 1], norm ${norm}${norm === 'none' ? '' : ' + residual'}, Adam`, (i: number) => { trainStep(net, b[i % BATCHES].x, b[i % BATCHES].y, 32, o); }];
});
if (kernel) {
  const net = createNetwork({ sizes: [2, ...hidden(16, 6), 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 3 }, { kernel, batch: 32 });
  const state = createOptimizerState(net);
  const b = makeBatches(32, 7);
  const o = { loss: 'bce' as const, lr: 0.001, optimizer: 'adam' as const, state, clipNorm: 5 };
  allocChecks.push(['trainStep, [2, 16x6, 1], WASM kernel, Adam', (i: number) => { trainStep(net, b[i % BATCHES].x, b[i % BATCHES].y, 32, o); }]);
}
for (const cell of ['rnn', 'lstm'] as const) {
  const net = createRecurrent({ cell, inputs: 2, hidden: 8, outputs: 1, output: 'linear', init: 'xavierUniform', seed: 5 });
  const state = createOptimizerState(net);
  const t = makeSequenceTask('adding', { steps: 10, count: 16, seed: 1 });
  const o = { loss: 'mse' as const, lr: 0.001, optimizer: 'adam' as const, state, clipNorm: 1 };
  allocChecks.push([`trainSequenceStep, ${cell} 8 units, 10 steps, Adam`, () => { trainSequenceStep(net, t.xs, t.ys, 16, 10, o); }]);
}
console.log('');
for (const [label, step] of allocChecks) {
  const bytes = bytesPerCall(step, 100);
  const ok = bytes < 1024;
  allOk &&= ok;
  console.log(`${label}: ${bytes.toFixed(0)} bytes of heap per warm step ${ok ? '(no buffers allocated)' : '(ALLOCATES)'}`);
}
console.log(`\nTargets (on the CPU-time medians): >= 20x tfjs-cpu on (a), 8x on (b), 4x on (c); faster than tfjs-wasm on (a)-(c); >= 50% of the scalar peak on (c); WASM on / off >= 1x on (a), 1.5x on (b), 2.5x on (c) and on the lab (f), with losses within 1e-9; (d) and (e) report their ratios; no allocation once warm. ${allOk ? 'All met.' : 'NOT all met.'}`);
