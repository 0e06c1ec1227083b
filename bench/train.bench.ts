// npm run bench: times one full training step (forward, backward, per-layer
// gradient norms, SGD update) of src/lib against TensorFlow.js (tfjs-core with
// the cpu backend) on identical networks, initial weights and batches:
// (a)-(c) plain MLPs, (d) config (c) with residual skips and layer norm, and
// (e) an LSTM trained through 50 steps. It also checks that trainStep and
// trainSequenceStep allocate no buffers once warm.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildSync } from 'esbuild';
import v8 from 'node:v8';
import {
  cloneNetwork, createNetwork, createOptimizerState, createRecurrent, gradients, makeDataset, makeSequenceTask, sequenceGradients, trainSequenceStep, trainStep,
  type Network, type NetworkSpec, type RecurrentNetwork,
} from '../src/lib/index.ts';

interface Config {
  label: string;
  spec: NetworkSpec;
  batch: number;
  /** Minimum lib / tfjs ratio, or 0 for configurations that only report it. */
  target: number;
  seconds: number;
  /** Small enough that float32 (tfjs) and float64 (lib) runs stay within 1e-4 over 10 steps. */
  lr: number;
}

const hidden = (width: number, depth: number) => Array.from({ length: depth }, () => width);
const CONFIGS: Config[] = [
  { label: '(a) [2, 8x5, 1] sigmoid, batch 32', spec: { sizes: [2, ...hidden(8, 5), 1], activation: 'sigmoid', output: 'sigmoid', init: 'xavierUniform', seed: 1 }, batch: 32, target: 20, seconds: 1.5, lr: 0.05 },
  { label: '(b) [2, 16x10, 1] sigmoid, batch 64', spec: { sizes: [2, ...hidden(16, 10), 1], activation: 'sigmoid', output: 'sigmoid', init: 'xavierUniform', seed: 2 }, batch: 64, target: 8, seconds: 1.5, lr: 0.05 },
  { label: '(c) [2, 64x30, 1] ReLU, batch 128', spec: { sizes: [2, ...hidden(64, 30), 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', seed: 3 }, batch: 128, target: 4, seconds: 3, lr: 0.01 },
  { label: '(d) (c) + residual + layer norm', spec: { sizes: [2, ...hidden(64, 30), 1], activation: 'relu', output: 'sigmoid', init: 'heNormal', residual: true, norm: 'layer', seed: 3 }, batch: 128, target: 0, seconds: 3, lr: 0.01 },
];
const BATCHES = 10;

/**
 * Steps per second of step, after a warm-up: the best of three runs of about
 * seconds / 3 each, so that a burst of other work on the machine does not
 * decide the result. Both libraries are measured the same way.
 */
function rate(step: (i: number) => void, seconds: number): number {
  for (let i = 0; i < 10; i++) step(i);
  let best = 0;
  let i = 0;
  for (let round = 0; round < 3; round++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < (seconds * 1000) / 3 || n < 3) {
      step(i++);
      n++;
      elapsed = performance.now() - start;
    }
    best = Math.max(best, (n * 1000) / elapsed);
  }
  return best;
}

/** Scalar-JS peak: a dot product with 4 independent accumulators, on L1-resident arrays. */
function scalarPeakGflops(): number {
  const n = 1024;
  const a = new Float64Array(n).map((_, i) => 1 + (i % 7) * 1e-3);
  const b = new Float64Array(n).map((_, i) => 1 - (i % 5) * 1e-3);
  let sink = 0;
  const dot = () => {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    return s0 + s1 + s2 + s3;
  };
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const reps = 100000;
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) sink += dot();
    const dt = (performance.now() - t0) / 1000;
    best = Math.max(best, (2 * n * reps) / dt / 1e9);
  }
  if (sink === 42) console.log('');
  return best;
}

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
await tf.setBackend('cpu');
await tf.ready();
let peak = scalarPeakGflops();
console.log(`Node ${process.versions.node}, tfjs-core ${tf.version_core} (${tf.getBackend()} backend)`);

const results: { c: Config; libRate: number; tfRate: number; gflops: number; libLoss: number; tfLoss: number; agree: boolean }[] = [];
for (const c of CONFIGS) {
  const base = createNetwork(c.spec);
  const batches = makeBatches(c.batch, 7);
  // Honesty check: 10 identical SGD steps, then the loss on batch 0, in both.
  const check = cloneNetwork(base);
  const ours = (net: Network, i: number) => trainStep(net, batches[i % BATCHES].x, batches[i % BATCHES].y, c.batch, { loss: 'bce', lr: c.lr });
  for (let i = 0; i < 10; i++) ours(check, i);
  const libLoss = gradients(check, batches[0].x, batches[0].y, c.batch, 'bce').loss;
  const tfm = tfModel(base, batches, c.batch, c.lr);
  for (let i = 0; i < 10; i++) tfm.step(i);
  const tfLoss = tfm.loss(0);
  // tfjs computes in float32, so the two agree to about 1e-7 relative, not exactly.
  const agree = Math.abs(libLoss - tfLoss) <= 1e-4 * Math.abs(libLoss);
  // Timing, from fresh copies of the same initial weights.
  const net = cloneNetwork(base);
  const libRate = rate((i) => ours(net, i), c.seconds);
  const tfRate = rate((i) => tfm.step(i), c.seconds);
  results.push({ c, libRate, tfRate, gflops: (libRate * flopsPerStep(net, c.batch)) / 1e9, libLoss, tfLoss, agree });
}
// (e) An LSTM with 32 units on the adding task, 50 steps, batch 32, mse, plain SGD.
const SEQ = { hidden: 32, steps: 50, batch: 32, lr: 0.05, seconds: 3 };
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
const lstmCheck = structuredClone(lstmBase);
for (let i = 0; i < 10; i++) lstmOurs(lstmCheck, i);
const lstmLibLoss = sequenceGradients(lstmCheck, seqBatches[0].xs, seqBatches[0].ys, SEQ.batch, SEQ.steps, 'mse').loss;
const lstmTf = tfLstm(lstmBase, SEQ.lr);
for (let i = 0; i < 10; i++) lstmTf.step(i);
const lstmTfLoss = lstmTf.loss(0);
const lstmAgree = Math.abs(lstmLibLoss - lstmTfLoss) <= 1e-4 * Math.abs(lstmLibLoss);
const lstmNet = structuredClone(lstmBase);
const lstmLibRate = rate((i) => lstmOurs(lstmNet, i), SEQ.seconds);
const lstmTfRate = rate((i) => lstmTf.step(i), SEQ.seconds);
// Per step: 50 x (input and recurrent products forward, and three products back).
const H4 = 4 * SEQ.hidden;
const lstmFlops = 2 * SEQ.batch * SEQ.steps * (2 * H4 + SEQ.hidden * H4) * 3;

// The peak is measured before and after the configurations; the higher one counts.
peak = Math.max(peak, scalarPeakGflops());
console.log(`scalar-JS peak (dot product, 4 accumulators, best of two measurements): ${peak.toFixed(2)} GFLOP/s\n`);

const rows: string[][] = [['config', 'lib steps/s', 'tfjs steps/s', 'ratio', 'target', 'lib GFLOP/s', '% of peak', 'loss after 10 steps (lib / tfjs)']];
let allOk = true;
for (const { c, libRate, tfRate, gflops, libLoss, tfLoss, agree } of results) {
  const ratio = libRate / tfRate;
  const peakOk = !c.label.startsWith('(c)') || gflops / peak >= 0.5;
  allOk &&= agree && ratio >= c.target && peakOk;
  rows.push([
    c.label, libRate.toFixed(0), tfRate.toFixed(1), `${ratio.toFixed(1)}x${ratio >= c.target ? '' : ' (below)'}`, c.target > 0 ? `${c.target}x` : '-',
    gflops.toFixed(2), `${((100 * gflops) / peak).toFixed(0)}%${peakOk ? '' : ' (below 50%)'}`, `${libLoss.toFixed(6)} / ${tfLoss.toFixed(6)} ${agree ? 'agree' : 'DISAGREE'}`,
  ]);
}
{
  const ratio = lstmLibRate / lstmTfRate;
  allOk &&= lstmAgree;
  rows.push([
    `(e) LSTM ${SEQ.hidden} units, ${SEQ.steps} steps, batch ${SEQ.batch}`, lstmLibRate.toFixed(0), lstmTfRate.toFixed(1), `${ratio.toFixed(1)}x`, '-',
    ((lstmLibRate * lstmFlops) / 1e9).toFixed(2), `${((100 * lstmLibRate * lstmFlops) / 1e9 / peak).toFixed(0)}%`,
    `${lstmLibLoss.toFixed(6)} / ${lstmTfLoss.toFixed(6)} ${lstmAgree ? 'agree' : 'DISAGREE'}`,
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
console.log(`\nTargets: >= 20x on (a), 8x on (b), 4x on (c); >= 50% of the scalar peak on (c); (d) and (e) report their ratio; no allocation once warm. ${allOk ? 'All met.' : 'NOT all met.'}`);
