/**
 * A training session for a recurrent network on a sequence task, with the same surface the
 * worker drives for feed-forward sessions (run, done, evaluate, state, histories), so rnn
 * and lstm runs step in lockstep through the same loop. Pure TypeScript over src/lib.
 */
import {
  createOptimizerState,
  createRecurrent,
  forwardSequence,
  makeSequenceTask,
  sequenceGradients,
  trainSequenceStep,
  type LossName,
  type OptimizerName,
  type RecurrentNetwork,
  type RecurrentSpec,
  type TrainOptions,
  type Kernel,
} from '../../lib/index.ts';
import { isSequenceConfig, throughTime } from './sequenceRecords.ts';
import { EXPLODED, createSession, type Divergence, type LayerRecord, type Session, type SessionConfig, type SessionState } from './session.ts';

export interface SequenceSessionConfig {
  kind: 'sequence';
  spec: RecurrentSpec;
  /**
   * Every step trains on a fresh batch drawn from `seed` and the step number, so no
   * sequence is seen twice and a run is still reproducible; the test set is fixed.
   */
  task: { name: 'adding' | 'firstBit'; steps: number; seed: number; testCount: number };
  batch: number;
  lr: number;
  loss: LossName;
  optimizer?: OptimizerName;
  clipNorm?: number;
  /** Record the test loss and the gradient through time every this many steps. */
  recordEvery?: number;
  maxSteps?: number;
}

/** A LayerRecord (no per-layer stats) carrying what a sequence figure plots. */
export interface SequenceRecord extends LayerRecord {
  testLoss: number;
  /** Test loss of a network that has learned only the average (see SequenceSession.baseline). */
  baseline: number;
  /** RMS of dLoss/dh_t over the batch and the units, for t = 1..steps. */
  hidden: number[];
  /** firstBit only: the share of test sequences whose first input the output names (above or below 1/2). */
  testAccuracy?: number;
}

// These moved to sequenceRecords.ts (a page uses them without the session and recurrent training code).
export { isSequenceConfig, isSequenceRecord, throughTime } from './sequenceRecords.ts';

/** What the worker's loop uses of a session: feed-forward and sequence sessions both provide it. */
export type Steppable = Pick<Session, 'run' | 'done' | 'evaluate' | 'state' | 'lossHistory' | 'layerHistory' | 'grid' | 'probe' | 'histograms'>;

/** Every kind of session the runner can step. */
export type AnyConfig = SessionConfig | SequenceSessionConfig;

/** Feed-forward or sequence session, by the config's kind. */
/** `kernel` as in createSession (sequence sessions always use the JS kernel). */
export function createAnySession(c: AnyConfig, kernel?: Kernel | null): Steppable {
  return isSequenceConfig(c) ? createSequenceSession(c) : createSession(c, kernel);
}

export interface SequenceSession extends Steppable {
  readonly config: SequenceSessionConfig;
  readonly net: RecurrentNetwork;
  readonly layerHistory: SequenceRecord[];
  /** Test loss of a network that has learned only the average: always answering 1 for adding (about 1/6), ln 2 for firstBit. */
  readonly baseline: number;
}

/** Per-step batch seed: distinct for every step and every task seed, and never the test seed. */
const batchSeed = (seed: number, step: number) => (seed * 1_000_003 + step * 7_919 + 1) >>> 0;
const testSeed = (seed: number) => (seed * 1_000_003 + 424_242) >>> 0;

function mse(out: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (out[i] - y[i]) ** 2;
  return s / y.length;
}

function bce(out: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, out[i]));
    s -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
  }
  return s / y.length;
}

export function createSequenceSession(config: SequenceSessionConfig): SequenceSession {
  const net = createRecurrent(config.spec);
  const { steps, seed, testCount, name } = config.task;
  const test = makeSequenceTask(name, { steps, count: testCount, seed: testSeed(seed) });
  const optimizer = config.optimizer ?? 'sgd';
  const options: TrainOptions = { loss: config.loss, lr: config.lr, optimizer, state: optimizer === 'sgd' ? undefined : createOptimizerState(net), clipNorm: config.clipNorm };
  const recordEvery = Math.max(1, config.recordEvery ?? 1);
  const maxSteps = config.maxSteps ?? Infinity;
  const lossHistory: number[] = [];
  const layerHistory: SequenceRecord[] = [];
  let lastAccuracy: number | undefined;
  const testLoss = () => {
    const out = forwardSequence(net, test.xs, testCount, steps);
    if (name === 'firstBit') lastAccuracy = out.reduce((n, p, i) => n + ((p > 0.5 ? 1 : 0) === test.ys[i] ? 1 : 0), 0) / testCount;
    return config.loss === 'bce' ? bce(out, test.ys) : mse(out, test.ys);
  };
  const accuracy = () => (lastAccuracy === undefined ? {} : { testAccuracy: lastAccuracy });
  // The adding task's target is a sum of two U[0, 1] values: always answering its mean, 1,
  // costs its variance, 1/6 in expectation; measured here on the test set itself.
  const baseline = name === 'adding' ? mse(new Float64Array(testCount).fill(1), test.ys) : Math.LN2;
  let step = 0;
  let diverged: Divergence | null = null;
  let lastTest = testLoss();
  const initialLoss = lastTest;
  let lastLoss = initialLoss;

  const batchAt = (k: number) => makeSequenceTask(name, { steps, count: config.batch, seed: batchSeed(seed, k) });
  const take = (k: number) => {
    const b = batchAt(k);
    return trainSequenceStep(net, b.xs, b.ys, config.batch, steps, options);
  };

  // Step 0: the gradient through time at initialisation, before any update, on the first batch.
  {
    const b = batchAt(0);
    const g = sequenceGradients(net, b.xs, b.ys, config.batch, steps, config.loss);
    layerHistory.push({ step: 0, layers: [], testLoss: lastTest, baseline, hidden: throughTime(g.hiddenGradNorms, steps), ...accuracy() });
  }

  return {
    config,
    net,
    baseline,
    lossHistory,
    layerHistory,
    run(n: number): number {
      let done = 0;
      while (done < n && !diverged && step < maxSteps) {
        const r = take(step);
        if (r.diverged) {
          diverged = { step: step + 1, reason: Number.isNaN(r.loss) ? 'nan' : 'infinite', loss: r.loss };
          break;
        }
        step++;
        done++;
        lastLoss = r.loss;
        lossHistory.push(r.loss);
        if (r.loss > Math.max(EXPLODED.floor, EXPLODED.factor * initialLoss)) {
          diverged = { step, reason: 'exploded', loss: r.loss };
          break;
        }
        if (step % recordEvery === 0) {
          lastTest = testLoss();
          layerHistory.push({ step, layers: [], testLoss: lastTest, baseline, hidden: throughTime(r.hiddenGradNorms, steps), ...accuracy() });
        }
      }
      return done;
    },
    done: () => diverged !== null || step >= maxSteps,
    // The test loss is recorded with the other per-step records, at fixed steps, so runs
    // are reproducible whatever the worker's timing.
    evaluate(): void {},
    state(): SessionState {
      return { step, loss: lastLoss, initialLoss, testLoss: lastTest, trainAccuracy: NaN, testAccuracy: lastAccuracy ?? NaN, layers: [], diverged, finished: step >= maxSteps };
    },
    grid: () => null,
    probe: () => null,
    histograms: () => null,
  };
}
