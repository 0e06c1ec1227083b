/**
 * A training session: one network, one data set, stepped on demand. Pure TypeScript
 * over src/lib, so the Web Worker, the build and the tests all run the same code and
 * the same seed gives the same curves everywhere.
 */
import {
  cloneNetwork,
  createNetwork,
  driftFromInit,
  gradientBound,
  createOptimizerState,
  activationsPerLayer,
  forward,
  gradients,
  outputLoss,
  predictGrid,
  trainStep,
  type DatasetName,
  type LayerStats,
  type LossName,
  type Network,
  type NetworkSpec,
  type OptimizerName,
  type OptimizerState,
  type TrainOptions,
  type Kernel,
} from '../../lib/index.ts';
import { GRID_EXTENT, sessionData } from './data.ts';
import { defaultKernel } from './kernel.ts';
import { histogramsOf, probeHistograms, probeUnits, type ActivationHistogram, type HistogramProbe, type HistogramSpec, type UnitProbe } from './probe.ts';

// The data helpers moved to data.ts (the page draws them without the training code); importers of session.ts keep them.
export { GRID_EXTENT, datasetPoints, sessionData } from './data.ts';

export interface SessionConfig {
  spec: NetworkSpec;
  /**
   * A named seeded data set; with `points` ([x, y, label] rows, the lab's own data) those are
   * used instead of `name`, `n` and `noise`, shuffled and split by `seed` and `testFraction`.
   */
  data: { name: DatasetName; n: number; noise: number; seed: number; testFraction?: number; points?: [number, number, number][] };
  lr: number;
  loss: LossName;
  optimizer?: OptimizerName;
  /** Optimiser coefficients (src/lib's defaults when absent: 0.9, 0.9, 0.999, 1e-8). */
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  clipNorm?: number;
  /**
   * Examples per step; absent (or at least the training set's size) is full batch. Batches
   * walk through the (already shuffled) training set in order, wrapping around, so step k
   * uses rows (k - 1)·b … k·b - 1 mod n: reproducible anywhere without an RNG.
   */
  batchSize?: number;
  /** Record per-layer stats every this many steps (the loss is kept for every step). */
  recordEvery?: number;
  /**
   * Also evaluate test loss and accuracies at records (a forward pass over each split), for
   * their history: at every record, or on big networks every EVAL_EVERY_BIG steps.
   */
  evaluateRecords?: boolean;
  /** false: records carry no gradientBound (for figures that draw no bound; it costs about a step). */
  bound?: boolean;
  /** Stop by itself after this many steps. */
  maxSteps?: number;
  /** Decision-boundary grid resolution; 0 or absent for none. */
  gridRes?: number;
  /** Lockstep partners keep training after this one diverges (a run compared with its own failure). */
  independent?: boolean;
  /** 'units': also report the per-unit probe (see probe.ts) with every snapshot. */
  probe?: 'units';
  /** Activation histograms of some hidden layers (see probe.ts), refreshed with the other extras. */
  histograms?: HistogramSpec;
}

export interface LayerRecord {
  step: number;
  layers: LayerStats[];
  /** ‖W − W₀‖ / ‖W₀‖ per layer after this step: how far each layer has moved from its start. */
  drift?: number[];
  /** ‖ΔW‖ / ‖W‖ per layer of this step's update (0 at step 0). */
  update?: number[];
  /**
   * gradientBound() of the weights this record's gradients were computed with, per layer.
   * Big networks compute it only every BOUND_EVERY_BIG steps (a power iteration per layer
   * costs about one training step at 30 x 64), so some records have none.
   */
  bound?: number[];
  /** With config.evaluateRecords: the test loss and the accuracies after this step. */
  testLoss?: number;
  trainAccuracy?: number;
  testAccuracy?: number;
}

/** Networks with more weights than this compute the bound every BOUND_EVERY_BIG steps. */
const BIG_NET = 20_000;
const BOUND_EVERY_BIG = 25;
/**
 * ...and evaluate records (config.evaluateRecords) every this many steps. The evaluation's
 * forward passes run in JS (the wasm arena holds only the training batch), so at 30 x 64
 * with batch 128 one costs about three wasm training steps: at every record (10 steps) it
 * took a quarter of the worker's time. A step count, not a time budget, so the same config
 * records the same history on every machine, at build time and in the worker.
 */
export const EVAL_EVERY_BIG = 50;

export interface Divergence {
  step: number;
  /**
   * 'infinite' when the loss overflowed, 'nan' when it stopped being a number,
   * 'exploded' when it stayed finite but grew past any sensible value (see EXPLODED).
   */
  reason: 'infinite' | 'nan' | 'exploded';
  loss: number;
}

/**
 * The stable cross-entropy never overflows: a wildly diverging network just reports a
 * loss of 10⁵ and climbing. Past this multiple of the starting loss (and at least 50,
 * which means predictions wrong with odds of e⁵⁰), training is called diverged.
 */
export const EXPLODED = { factor: 100, floor: 50 };

export interface SessionState {
  step: number;
  loss: number;
  /** Loss before any update (step 0). */
  initialLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  layers: LayerStats[];
  diverged: Divergence | null;
  finished: boolean;
}

const copyStats = (s: LayerStats): LayerStats => ({ ...s });

export interface Session {
  readonly config: SessionConfig;
  readonly net: Network;
  /** Runs up to n steps; stops early on divergence or at maxSteps. Returns the steps done. */
  run(n: number): number;
  /** The current state. Accuracies and test loss are as of the last evaluate(). Cheap. */
  state(): SessionState;
  /** Recomputes accuracies and test loss: a few forward passes, so not every step. */
  evaluate(): void;
  /** True once the session cannot step any more (diverged or reached maxSteps). Cheap. */
  done(): boolean;
  /** Loss per step, index = step - 1. Grows as training runs. */
  readonly lossHistory: number[];
  readonly layerHistory: LayerRecord[];
  grid(): Float64Array | null;
  /** The per-unit probe for the current weights, or null when the config does not ask for it. */
  probe(): UnitProbe | null;
  /** The histogram probe for the current weights, or null when the config does not ask for it. One forward pass. */
  histograms(): HistogramProbe | null;
}

/** The share of the rows whose output (sigmoid probability) is on the label's side of 0.5. */
function accuracyOf(out: Float64Array, y: Float64Array, n: number): number {
  if (n === 0) return NaN;
  let ok = 0;
  for (let i = 0; i < n; i++) if ((out[i] > 0.5 ? 1 : 0) === y[i]) ok++;
  return ok / n;
}

/**
 * One forward pass over a split in training mode (batch norm on the split's own statistics,
 * as gradients() computes the loss), and what it gives: its layers and the loss by the
 * library's own formula (the stable logit form training uses). The loss is bit for bit
 * gradients(net, x, y, n, loss).loss without the backward pass. The accuracy needs inference
 * mode; without batch norm the two modes are the same pass, so it is read from this one.
 */
function evaluateSplit(net: Network, x: Float64Array, y: Float64Array, n: number, loss: LossName): { layers: ReturnType<typeof activationsPerLayer>; loss: number; accuracy: number } {
  if (n === 0) return { layers: [], loss: NaN, accuracy: NaN };
  const layers = activationsPerLayer(net, x, n, true);
  const top = layers[layers.length - 1];
  const value = outputLoss(loss, top.z, top.a, y, new Float64Array(top.z.length), top.z.length);
  const inference = (net.spec.norm ?? 'none') === 'batch' ? forward(net, x, n) : top.a;
  return { layers, loss: value, accuracy: accuracyOf(inference, y, n) };
}

/** The rows step `step` (1-based) trains on: a window of `b` rows, wrapping around the set. */
export function batchRows(step: number, b: number, n: number): number[] {
  const start = ((step - 1) * b) % n;
  return Array.from({ length: b }, (_, i) => (start + i) % n);
}

/** `kernel`: the matrix kernel to train with (see kernel.ts); by default wasm in Node, JS in a page. */
export function createSession(config: SessionConfig, kernel: Kernel | null = defaultKernel()): Session {
  const { train, test } = sessionData(config.data);
  const batch = config.batchSize !== undefined && config.batchSize >= 1 && config.batchSize < train.n ? Math.floor(config.batchSize) : 0;
  // The network comes after the data: its wasm arena is sized for the training batch.
  const net = createNetwork(config.spec, { kernel, batch: batch || train.n });
  const optimizer = config.optimizer ?? 'sgd';
  const optState: OptimizerState | undefined = optimizer === 'sgd' ? undefined : createOptimizerState(net);
  const options: TrainOptions = {
    loss: config.loss,
    lr: config.lr,
    optimizer,
    state: optState,
    clipNorm: config.clipNorm,
    ...(config.momentum !== undefined ? { momentum: config.momentum } : {}),
    ...(config.beta1 !== undefined ? { beta1: config.beta1 } : {}),
    ...(config.beta2 !== undefined ? { beta2: config.beta2 } : {}),
    ...(config.eps !== undefined ? { eps: config.eps } : {}),
  };
  const bx = new Float64Array(2 * batch);
  const by = new Float64Array(batch);
  /** The rows of this step's batch, copied into bx/by; the whole set when full batch. */
  const batchFor = (s: number): [Float64Array, Float64Array, number] => {
    if (!batch) return [train.x, train.y, train.n];
    batchRows(s, batch, train.n).forEach((r, i) => {
      bx[2 * i] = train.x[2 * r];
      bx[2 * i + 1] = train.x[2 * r + 1];
      by[i] = train.y[r];
    });
    return [bx, by, batch];
  };
  const recordEvery = Math.max(1, config.recordEvery ?? 1);
  const maxSteps = config.maxSteps ?? Infinity;
  const lossHistory: number[] = [];
  const layerHistory: LayerRecord[] = [];
  let step = 0;
  let lastLoss = NaN;
  let lastLayers: LayerStats[] = [];
  let diverged: Divergence | null = null;

  // Step 0: the gradients at initialisation, before any update, so charts start at the start.
  const first = gradients(net, train.x, train.y, train.n, config.loss);
  lastLayers = first.layers.map(copyStats);
  lastLoss = first.loss;
  const net0 = cloneNetwork(net);
  // The library has no bound through normalisation layers.
  const canBound = (config.spec.norm ?? 'none') === 'none' && config.bound !== false;
  const big = net.layers.reduce((a, l) => a + l.weights.length, 0) > BIG_NET;
  const boundEvery = big ? Math.max(recordEvery, BOUND_EVERY_BIG) : recordEvery;
  const boundFor = (s: number) => (canBound && s % boundEvery === 0 ? Array.from(gradientBound(net)) : undefined);
  // A multiple of recordEvery, so evaluated steps are records.
  const evalEvery = big ? recordEvery * Math.ceil(EVAL_EVERY_BIG / recordEvery) : recordEvery;
  /** The histograms of the last evaluation (its training-set pass gives them for free), by step. */
  let histAt: { step: number; now: ActivationHistogram[] } | null = null;
  const evaluateNow = () => {
    const tr = evaluateSplit(net, train.x, train.y, train.n, config.loss);
    const te = evaluateSplit(net, test.x, test.y, test.n, config.loss);
    if (config.histograms) histAt = { step, now: histogramsOf(tr.layers, config.histograms) };
    return { testLoss: te.loss, trainAccuracy: tr.accuracy, testAccuracy: te.accuracy };
  };
  let evaluated = evaluateNow();
  let evaluatedStep = 0;
  const hist0 = histAt === null ? null : (histAt as { now: ActivationHistogram[] }).now;
  layerHistory.push({ step: 0, layers: lastLayers, drift: net.layers.map(() => 0), update: net.layers.map(() => 0), bound: boundFor(0), ...(config.evaluateRecords ? evaluated : {}) });

  return {
    config,
    net,
    lossHistory,
    layerHistory,
    run(n: number): number {
      let done = 0;
      while (done < n && !diverged && step < maxSteps) {
        const recording = (step + 1) % recordEvery === 0;
        const bound = recording ? boundFor(step + 1) : undefined;
        const [x, y, n] = batchFor(step + 1);
        // Only recorded steps keep their per-layer stats, so the others skip them.
        options.stats = recording ? 'all' : 'gradients';
        const r = trainStep(net, x, y, n, options);
        if (r.diverged) {
          diverged = { step: step + 1, reason: Number.isNaN(r.loss) ? 'nan' : 'infinite', loss: r.loss };
          break;
        }
        if (r.loss > Math.max(EXPLODED.floor, EXPLODED.factor * first.loss)) {
          // The step was taken; keep it, so the reader sees the exploded state it caused.
          step++;
          done++;
          lastLoss = r.loss;
          lossHistory.push(r.loss);
          diverged = { step, reason: 'exploded', loss: r.loss };
          break;
        }
        step++;
        done++;
        lastLoss = r.loss;
        lossHistory.push(r.loss);
        if (recording) {
          lastLayers = r.layers.map(copyStats);
          const evaluating = config.evaluateRecords === true && step % evalEvery === 0;
          if (evaluating) {
            evaluated = evaluateNow();
            evaluatedStep = step;
          }
          layerHistory.push({ step, layers: lastLayers, drift: Array.from(driftFromInit(net, net0)), update: lastLayers.map((l) => l.updateRatio), bound, ...(evaluating ? evaluated : {}) });
        }
      }
      return done;
    },
    done(): boolean {
      return diverged !== null || step >= maxSteps;
    },
    evaluate(): void {
      // A record may just have evaluated this very step.
      if (evaluatedStep === step) return;
      evaluated = evaluateNow();
      evaluatedStep = step;
    },
    state(): SessionState {
      return {
        step,
        loss: lastLoss,
        initialLoss: first.loss,
        ...evaluated,
        layers: lastLayers,
        diverged,
        finished: step >= maxSteps,
      };
    },
    grid(): Float64Array | null {
      const res = config.gridRes ?? 0;
      if (res <= 0) return null;
      const [x0, x1, y0, y1] = GRID_EXTENT;
      return predictGrid(net, x0, x1, y0, y1, res);
    },
    probe(): UnitProbe | null {
      return config.probe === 'units' ? probeUnits(net, train.x, train.n) : null;
    },
    histograms(): HistogramProbe | null {
      if (!config.histograms || !hist0) return null;
      const now = step === 0 ? hist0 : histAt?.step === step ? histAt.now : probeHistograms(net, train.x, train.n, config.histograms);
      return { step, initial: hist0, now };
    },
  };
}
