import { describe, expect, it } from 'vitest';
import {
  createOptimizerState, createRecurrent, forwardSequence, makeSequenceTask, sequenceGradients, trainSequenceStep,
  type LossName, type RecurrentNetwork, type RecurrentSpec,
} from '../../../src/lib/index.ts';
import { spectralNorm } from '../../../src/lib/norms.ts';
import { randomArray } from './helpers.ts';

const sig = (v: number) => 1 / (1 + Math.exp(-v));

/** Fourth-order central differences of the sequence loss for every param entry (restores net). */
function numeric(net: RecurrentNetwork, xs: Float64Array, ys: Float64Array, batch: number, steps: number, loss: LossName): Float64Array[] {
  const h = 1e-4;
  const at = () => sequenceGradients(net, xs, ys, batch, steps, loss).loss;
  return net.params.map(({ data }) => {
    const g = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const keep = data[i];
      const f = (d: number) => {
        data[i] = keep + d;
        return at();
      };
      g[i] = (8 * (f(h) - f(-h)) - (f(2 * h) - f(-2 * h))) / (12 * h);
      data[i] = keep;
    }
    return g;
  });
}

const worst = (a: ArrayLike<number>, n: ArrayLike<number>) => {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - n[i]) / (1e-6 * (Math.abs(a[i]) + Math.abs(n[i])) + 1e-10));
  return w;
};

describe('createRecurrent', () => {
  it('has params Wx, Wh, b, Wy, by with the contract\'s shapes; the lstm stacks 4 gates and sets the forget bias', () => {
    const rnn = createRecurrent({ cell: 'rnn', inputs: 2, hidden: 3, outputs: 4, output: 'linear', init: 'xavierNormal', seed: 1 });
    expect(rnn.params.map((p) => [p.name, p.rows, p.cols, p.data.length])).toEqual([['Wx', 3, 2, 6], ['Wh', 3, 3, 9], ['b', 3, 1, 3], ['Wy', 4, 3, 12], ['by', 4, 1, 4]]);
    const lstm = createRecurrent({ cell: 'lstm', inputs: 2, hidden: 3, outputs: 1, output: 'sigmoid', init: 'xavierNormal', forgetBias: 2, seed: 1 });
    expect(lstm.params.map((p) => [p.rows, p.cols])).toEqual([[12, 2], [12, 3], [12, 1], [1, 3], [1, 1]]);
    expect(Array.from(lstm.params[2].data)).toEqual([0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0]);
    const dflt = createRecurrent({ cell: 'lstm', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'xavierNormal', seed: 1 });
    expect(Array.from(dflt.params[2].data.subarray(2, 4))).toEqual([1, 1]);
  });

  it('identity and orthogonal recurrent init; the same seed gives the same bits', () => {
    const id = createRecurrent({ cell: 'rnn', activation: 'relu', inputs: 2, hidden: 4, outputs: 1, output: 'linear', init: 'heNormal', recurrentInit: 'identity', seed: 3 });
    expect(Array.from(id.params[1].data)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const spec: RecurrentSpec = { cell: 'lstm', inputs: 2, hidden: 5, outputs: 1, output: 'linear', init: 'xavierUniform', recurrentInit: { kind: 'orthogonal', gain: 0.5 }, seed: 4 };
    const o = createRecurrent(spec);
    // Each gate's 5 x 5 block of Wh is orthogonal times 0.5.
    for (let k = 0; k < 4; k++) expect(spectralNorm(o.params[1].data.subarray(25 * k, 25 * (k + 1)), 5, 5)).toBeCloseTo(0.5, 10);
    expect(createRecurrent({ ...spec })).toEqual(o);
    expect(createRecurrent({ ...spec, seed: 5 }).params[0].data).not.toEqual(o.params[0].data);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an unknown cell', { cell: 'gru' }, /^cell: unknown cell 'gru'/],
    ['zero hidden units', { hidden: 0 }, /^hidden: must be an integer >= 1/],
    ['fractional inputs', { inputs: 1.5 }, /^inputs: /],
    ['an unknown activation', { activation: 'sigmoid' }, /^activation: must be 'tanh' or 'relu'/],
    ['an unknown output', { output: 'tanh' }, /^output: must be 'linear' or 'sigmoid'/],
    ['a bad init', { init: 'glorot' }, /^init: unknown init 'glorot'/],
    ['a bad recurrent init', { recurrentInit: { kind: 'orthogonal', gain: NaN } }, /^recurrentInit.gain: /],
    ['a NaN forget bias', { forgetBias: NaN }, /^forgetBias: must be a finite number/],
    ['no seed', { seed: undefined }, /^seed: /],
  ])('%s throws naming the field', (_name, patch, message) => {
    expect(() => createRecurrent({ cell: 'rnn', inputs: 2, hidden: 3, outputs: 1, output: 'linear', init: 'xavierNormal', seed: 1, ...patch } as RecurrentSpec)).toThrow(message);
  });
});

describe('forwardSequence', () => {
  it('computes the rnn and lstm equations by hand for one unit over three steps', () => {
    const xs = new Float64Array([0.5, -1, 0.25]);
    const rnn = createRecurrent({ cell: 'rnn', inputs: 1, hidden: 1, outputs: 1, output: 'sigmoid', init: 'zeros', seed: 1 });
    rnn.params.forEach((p, i) => p.data.set([[0.8], [0.6], [0.1], [1.5], [-0.2]][i]));
    let h = 0;
    for (const x of xs) h = Math.tanh(0.8 * x + 0.6 * h + 0.1);
    expect(forwardSequence(rnn, xs, 1, 3)[0]).toBeCloseTo(sig(1.5 * h - 0.2), 15);

    const lstm = createRecurrent({ cell: 'lstm', inputs: 1, hidden: 1, outputs: 1, output: 'linear', init: 'zeros', seed: 1 });
    const wx = [0.3, -0.4, 0.9, 0.2], wh = [0.5, 0.1, -0.7, 0.4], b = [0.05, 1, -0.1, 0.2];
    lstm.params[0].data.set(wx);
    lstm.params[1].data.set(wh);
    lstm.params[2].data.set(b);
    lstm.params[3].data.set([2]);
    lstm.params[4].data.set([0.5]);
    let hh = 0, c = 0;
    for (const x of xs) {
      const pre = (k: number) => wx[k] * x + wh[k] * hh + b[k];
      const i = sig(pre(0)), f = sig(pre(1)), g = Math.tanh(pre(2)), o = sig(pre(3));
      c = f * c + i * g;
      hh = o * Math.tanh(c);
    }
    expect(forwardSequence(lstm, xs, 1, 3)[0]).toBeCloseTo(2 * hh + 0.5, 15);
  });

  it('reads xs example-major: a batch gives each example\'s own output', () => {
    const net = createRecurrent({ cell: 'lstm', inputs: 2, hidden: 4, outputs: 2, output: 'linear', init: 'xavierNormal', seed: 2 });
    const xs = randomArray(3 * 5 * 2, 9);
    const all = forwardSequence(net, xs, 3, 5);
    for (let e = 0; e < 3; e++) {
      const one = forwardSequence(net, xs.slice(e * 10, (e + 1) * 10), 1, 5);
      expect(all[2 * e]).toBeCloseTo(one[0], 14);
      expect(all[2 * e + 1]).toBeCloseTo(one[1], 14);
    }
  });

  it.each<[string, () => unknown, RegExp]>([
    ['xs of the wrong length', () => forwardSequence(createRecurrent({ cell: 'rnn', inputs: 2, hidden: 2, outputs: 1, output: 'linear', init: 'heNormal', seed: 1 }), new Float64Array(5), 1, 3), /^xs: 1 examples of 3 steps need length 6, got 5/],
    ['zero steps', () => forwardSequence(createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'heNormal', seed: 1 }), new Float64Array(0), 1, 0), /^steps: must be an integer >= 1/],
    ['NaN in xs', () => forwardSequence(createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'heNormal', seed: 1 }), new Float64Array([0, NaN]), 1, 2), /^xs: contains a non-finite value/],
    ['ys of the wrong length', () => sequenceGradients(createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'heNormal', seed: 1 }), new Float64Array(2), new Float64Array(2), 1, 2, 'mse'), /^ys: 1 examples need length 1, got 2/],
    ['bce on a linear output', () => sequenceGradients(createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'heNormal', seed: 1 }), new Float64Array(2), new Float64Array(1), 1, 2, 'bce'), /^loss: 'bce' needs output 'sigmoid'/],
  ])('%s throws naming the field', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('backpropagation through time matches finite differences', () => {
  const cases: [string, Partial<RecurrentSpec>, LossName][] = [
    ['tanh rnn', { cell: 'rnn' }, 'mse'],
    ['relu rnn', { cell: 'rnn', activation: 'relu', init: 'heNormal' }, 'mse'],
    ['lstm', { cell: 'lstm' }, 'mse'],
    ['lstm, sigmoid output', { cell: 'lstm', output: 'sigmoid' }, 'bce'],
    ['tanh rnn, sigmoid output', { cell: 'rnn', output: 'sigmoid' }, 'bce'],
  ];
  it.each(cases)('%s (%o), %s, at 1, 2, 7 and 20 steps over seeds 1-3', (_name, patch, loss) => {
    for (const steps of [1, 2, 7, 20]) {
      for (const seed of [1, 2, 3]) {
        const spec = { cell: 'rnn', inputs: 2, hidden: 3, outputs: 2, output: 'linear', init: 'xavierNormal', recurrentInit: { kind: 'normal', std: 0.6 }, seed, ...patch } as RecurrentSpec;
        const net = createRecurrent(spec);
        net.params[2].data.forEach((_, i, b) => (b[i] += 0.1 * Math.sin(i + seed)));
        const batch = 3;
        let xs = randomArray(batch * steps * 2, 10 * seed + steps);
        // ReLU: keep every pre-activation 0.01 away from the kink.
        for (let attempt = 1; spec.activation === 'relu'; attempt++) {
          let clear = true;
          let h = new Float64Array(batch * 3);
          for (let t = 0; t < steps && clear; t++) {
            const next = new Float64Array(batch * 3);
            for (let e = 0; e < batch; e++) for (let j = 0; j < 3; j++) {
              let z = net.params[2].data[j];
              for (let i = 0; i < 2; i++) z += net.params[0].data[j * 2 + i] * xs[(e * steps + t) * 2 + i];
              for (let k = 0; k < 3; k++) z += net.params[1].data[j * 3 + k] * h[e * 3 + k];
              if (Math.abs(z) < 0.01) clear = false;
              next[e * 3 + j] = Math.max(0, z);
            }
            h = next;
          }
          if (clear) break;
          xs = randomArray(batch * steps * 2, 10 * seed + steps + 1000 * attempt);
        }
        const ys = loss === 'bce' ? randomArray(batch * 2, seed, (u) => +(u < 0.5)) : randomArray(batch * 2, seed);
        const g = sequenceGradients(net, xs, ys, batch, steps, loss);
        const n = numeric(net, xs, ys, batch, steps, loss);
        g.grads.forEach((a, i) => expect(worst(a, n[i])).toBeLessThan(1));
      }
    }
  });

  it('hiddenGradNorms[t] is the RMS of dLoss/dh_t: the last entry comes from Wy alone', () => {
    const net = createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'xavierNormal', seed: 1 });
    const xs = new Float64Array([0.3, -0.2, 0.5, 0.1]);
    const ys = new Float64Array([1, 0]);
    const yhat = forwardSequence(net, xs, 2, 2);
    const g = sequenceGradients(net, xs, ys, 2, 2, 'mse');
    expect(g.hiddenGradNorms.length).toBe(3);
    const [w0, w1] = net.params[3].data;
    // dL/dh_2 = (2 / N) (yhat - y) Wy per example, N = 2.
    const d = [0, 1].flatMap((e) => [(yhat[e] - ys[e]) * w0, (yhat[e] - ys[e]) * w1]);
    expect(g.hiddenGradNorms[2]).toBeCloseTo(Math.sqrt(d.reduce((s, v) => s + v * v, 0) / 4), 14);
  });
});

describe('the vanishing gradient through time, at 50 steps', () => {
  const T = 50;
  const task = makeSequenceTask('adding', { steps: T, count: 32, seed: 1 });
  const ratio = (spec: RecurrentSpec) => {
    const g = sequenceGradients(createRecurrent(spec), task.xs, task.ys, 32, T, 'mse').hiddenGradNorms;
    return g[1] / g[T];
  };
  const base = { inputs: 2, hidden: 16, outputs: 1, output: 'linear', init: 'xavierNormal' } as const;

  it.each([1, 2, 3])('falls geometrically for a tanh rnn with ||Wh|| = 0.5, and an lstm with forget bias 1 keeps 1000 times more (seed %i)', (seed) => {
    const rnnSpec: RecurrentSpec = { ...base, cell: 'rnn', recurrentInit: { kind: 'orthogonal', gain: 0.5 }, seed };
    const net = createRecurrent(rnnSpec);
    expect(spectralNorm(net.params[1].data, 16, 16)).toBeCloseTo(0.5, 10);
    const g = sequenceGradients(net, task.xs, task.ys, 32, T, 'mse').hiddenGradNorms;
    // Each step back multiplies by at most ||Wh|| max tanh' = 0.5.
    for (let t = 1; t < T; t++) expect(g[t] / g[t + 1]).toBeLessThanOrEqual(0.5 * (1 + 1e-12));
    const rnn = g[1] / g[T];
    expect(rnn).toBeLessThan(0.5 ** 49);
    const lstm = ratio({ ...base, cell: 'lstm', forgetBias: 1, seed });
    expect(lstm).toBeGreaterThan(1000 * rnn);
    expect(lstm).toBeGreaterThan(1e-5);
  });

  it.each([1, 2, 3])('identity recurrent init keeps the relu rnn\'s ratio within two orders of magnitude of 1; orthogonal at gain 1 does not (seed %i)', (seed) => {
    const identity = ratio({ ...base, cell: 'rnn', activation: 'relu', recurrentInit: 'identity', seed });
    expect(Math.abs(Math.log10(identity))).toBeLessThan(2);
    // ReLU zeroes about half the units each step, so an orthogonal Wh loses a factor near sqrt 2 per step.
    const orthogonal = ratio({ ...base, cell: 'rnn', activation: 'relu', recurrentInit: 'orthogonal', seed });
    expect(orthogonal).toBeLessThan(1e-3);
  });
});

describe('trainSequenceStep', () => {
  it('applies w -= lr g with the gradients of sequenceGradients, and reuses its result', () => {
    const net = createRecurrent({ cell: 'lstm', inputs: 2, hidden: 4, outputs: 1, output: 'linear', init: 'xavierNormal', seed: 3 });
    const task = makeSequenceTask('adding', { steps: 6, count: 8, seed: 2 });
    const before = net.params.map((p) => p.data.slice());
    const g = sequenceGradients(net, task.xs, task.ys, 8, 6, 'mse');
    const r = trainSequenceStep(net, task.xs, task.ys, 8, 6, { loss: 'mse', lr: 0.1 });
    expect(r.loss).toBe(g.loss);
    expect(Array.from(r.hiddenGradNorms)).toEqual(Array.from(g.hiddenGradNorms));
    expect(r.gradNorm).toBeCloseTo(Math.sqrt(g.grads.reduce((s, a) => s + a.reduce((t, v) => t + v * v, 0), 0)), 14);
    net.params.forEach((p, i) => p.data.forEach((v, k) => expect(v).toBeCloseTo(before[i][k] - 0.1 * g.grads[i][k], 15)));
    expect(trainSequenceStep(net, task.xs, task.ys, 8, 6, { loss: 'mse', lr: 0.1 })).toBe(r);
  });

  it('an lstm learns firstBit at 10 steps with Adam (seeds 1-3)', () => {
    const task = makeSequenceTask('firstBit', { steps: 10, count: 64, seed: 5 });
    for (const seed of [1, 2, 3]) {
      const net = createRecurrent({ cell: 'lstm', inputs: 1, hidden: 8, outputs: 1, output: 'sigmoid', init: 'xavierNormal', seed });
      const state = createOptimizerState(net);
      expect(state.m.length).toBe(5);
      let first = 0, last = 0;
      for (let i = 0; i < 150; i++) {
        last = trainSequenceStep(net, task.xs, task.ys, 64, 10, { loss: 'bce', lr: 0.03, optimizer: 'adam', state, clipNorm: 1 }).loss;
        if (i === 0) first = last;
      }
      expect(first).toBeGreaterThan(0.6);
      expect(last).toBeLessThan(0.1);
    }
  });

  it('a step that overflows during the update leaves params and Adam state exactly as they were', () => {
    const net = createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'sigmoid', init: 'xavierNormal', seed: 1 });
    // Wy entries of +-1.7e308 on two identical hidden units cancel, as in the feed-forward test.
    net.params[0].data.set([0.5, 0.5]);
    net.params[1].data.set([0, 0, 0, 0]);
    net.params[2].data.set([30, 30]);
    net.params[3].data.set([1.7e308, -1.7e308]);
    const xs = new Float64Array([0.1, 0.2, -0.3, 0.4]);
    const ys = new Float64Array([1, 1]);
    const state = createOptimizerState(net);
    const before = structuredClone(net);
    const r = trainSequenceStep(net, xs, ys, 2, 2, { loss: 'bce', lr: 1e308, optimizer: 'adam', state });
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(r.diverged).toBe(true);
    expect(net).toEqual(before);
    expect(state).toEqual(createOptimizerState(net));
  });

  it('needs the state from createOptimizerState(net) for adam, naming state', () => {
    const net = createRecurrent({ cell: 'rnn', inputs: 1, hidden: 2, outputs: 1, output: 'linear', init: 'xavierNormal', seed: 1 });
    expect(() => trainSequenceStep(net, new Float64Array(2), new Float64Array(1), 1, 2, { loss: 'mse', lr: 0.1, optimizer: 'adam' })).toThrow(/^state: /);
  });
});

describe('makeSequenceTask', () => {
  it('adding: one marker in each half, the target is the sum of the marked values, and predicting 1 gives mse near 1/6', () => {
    const t = makeSequenceTask('adding', { steps: 11, count: 2000, seed: 3 });
    expect([t.inputs, t.outputs, t.steps, t.count, t.xs.length]).toEqual([2, 1, 11, 2000, 2000 * 11 * 2]);
    let mse = 0;
    for (let e = 0; e < t.count; e++) {
      const marked: number[] = [];
      for (let s = 0; s < 11; s++) {
        const v = t.xs[(e * 11 + s) * 2], m = t.xs[(e * 11 + s) * 2 + 1];
        expect(v >= 0 && v < 1).toBe(true);
        if (m === 1) marked.push(s);
        else expect(m).toBe(0);
      }
      expect(marked.length).toBe(2);
      expect(marked[0]).toBeLessThan(5);
      expect(marked[1]).toBeGreaterThanOrEqual(5);
      expect(t.ys[e]).toBe(t.xs[(e * 11 + marked[0]) * 2] + t.xs[(e * 11 + marked[1]) * 2]);
      mse += (t.ys[e] - 1) ** 2 / t.count;
    }
    expect(Math.abs(mse - 1 / 6)).toBeLessThan(0.015);
  });

  it('firstBit: +-1 inputs, the target is 1 exactly when the first is +1; seeded', () => {
    const t = makeSequenceTask('firstBit', { steps: 7, count: 500, seed: 4 });
    expect([t.inputs, t.outputs]).toEqual([1, 1]);
    expect(t.xs.every((v) => v === 1 || v === -1)).toBe(true);
    for (let e = 0; e < 500; e++) expect(t.ys[e]).toBe(t.xs[e * 7] === 1 ? 1 : 0);
    const ones = t.ys.reduce((s, v) => s + v, 0);
    expect(ones).toBeGreaterThan(200);
    expect(ones).toBeLessThan(300);
    expect(makeSequenceTask('firstBit', { steps: 7, count: 500, seed: 4 })).toEqual(t);
    expect(makeSequenceTask('firstBit', { steps: 7, count: 500, seed: 5 }).xs).not.toEqual(t.xs);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['an unknown task', () => makeSequenceTask('copy' as 'adding', { steps: 5, count: 1, seed: 1 }), /^name: unknown sequence task 'copy'/],
    ['adding with one step', () => makeSequenceTask('adding', { steps: 1, count: 1, seed: 1 }), /^steps: must be an integer >= 2/],
    ['zero examples', () => makeSequenceTask('firstBit', { steps: 3, count: 0, seed: 1 }), /^count: /],
    ['no seed', () => makeSequenceTask('firstBit', { steps: 3, count: 1, seed: NaN }), /^seed: /],
  ])('%s throws naming the field', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

