// What the comparison figures share about their runs: the [2, width x depth, 1] classifier
// on a 2-D toy set, and the view of one run of a lockstep pair, taken alike from a
// build-time session or from the trainer, so the build and the island draw the same thing.
import type { ActivationName, InitSpec, LayerStats } from '../../lib/index.ts';
import { createSession, type Divergence, type LayerRecord, type Session, type SessionConfig, type SessionState } from './session.ts';
import type { SessionView } from './useTrainer.ts';

/** Layer sizes of a classifier on 2-D points: 2 inputs, `depth` hidden layers of `width`, 1 output. */
function classifierSizes(depth: number, width: number): number[] {
  return [2, ...Array.from({ length: depth }, () => width), 1];
}

export interface ClassifierSettings {
  depth: number;
  width: number;
  activation: ActivationName;
  init: InitSpec;
  seed: number;
  data: { name: SessionConfig['data']['name']; n: number; noise: number };
  lr: number;
  recordEvery: number;
  maxSteps: number;
}

/**
 * A binary classifier's session (sigmoid output, cross-entropy, plain SGD), with the network
 * and the data drawn from the same seed. `spec` and `extra` add what the figure changes.
 */
export function classifierConfig(c: ClassifierSettings, spec: Partial<SessionConfig['spec']> = {}, extra: Partial<SessionConfig> = {}): SessionConfig {
  return {
    spec: { sizes: classifierSizes(c.depth, c.width), activation: c.activation, output: 'sigmoid', init: c.init, seed: c.seed, ...spec },
    data: { ...c.data, seed: c.seed },
    lr: c.lr,
    loss: 'bce',
    recordEvery: c.recordEvery,
    maxSteps: c.maxSteps,
    ...extra,
  };
}

/** What a figure shows of one named run of a lockstep comparison. */
export interface NamedRun<Name extends string> {
  run: Name;
  step: number;
  loss: number;
  initialLoss: number;
  testAccuracy: number;
  losses: number[];
  records: LayerRecord[];
  diverged: Divergence | null;
}

function namedRun<Name extends string>(run: Name, st: SessionState, losses: number[], records: LayerRecord[]): NamedRun<Name> {
  return { run, step: st.step, loss: st.loss, initialLoss: st.initialLoss, testAccuracy: st.testAccuracy, losses, records, diverged: st.diverged };
}

/** The run as the trainer has it in the browser. */
export const runOfView = <Name extends string>(run: Name, v: SessionView): NamedRun<Name> => namedRun(run, v.state, v.losses, v.records);

/** The run as a session trained outside the worker has it (copies, so it can be kept). */
const runOfSession = <Name extends string>(run: Name, s: Session): NamedRun<Name> => namedRun(run, s.state(), s.lossHistory.slice(), s.layerHistory.slice());

/**
 * The named runs trained in lockstep for `steps` steps, outside the worker (for the build-time
 * drawing and the tests); a diverged run stops where it diverged, the others go on.
 * `evaluate` refreshes the test metrics at the end.
 */
export function trainRuns<Name extends string>(runs: readonly Name[], configOf: (run: Name) => SessionConfig, steps: number, evaluate = false): NamedRun<Name>[] {
  const sessions = runs.map((r) => createSession(configOf(r)));
  for (const s of sessions) {
    s.run(steps);
    if (evaluate) s.evaluate();
  }
  return runs.map((r, i) => runOfSession(r, sessions[i]));
}

/** The step-0 record (always recorded first). */
export function initialRecord(records: LayerRecord[]): LayerRecord | undefined {
  return records.find((r) => r.step === 0) ?? records[0];
}

/** The per-layer stats of the step-0 record (always recorded first); [] before any record. */
export function initialLayers(records: LayerRecord[]): LayerStats[] {
  return initialRecord(records)?.layers ?? [];
}

/**
 * What a per-layer figure shows of one network of a comparison between activations (the
 * introduction's race, sigmoid against ReLU): the stats now and at step 0, the curves, the
 * decision-boundary grid when the config asks for one.
 */
export interface ActivationRun<A extends ActivationName = ActivationName> {
  activation: A;
  step: number;
  loss: number;
  initialLoss: number;
  testAccuracy: number;
  /** Per-layer stats now, and at step 0 (before any update). */
  layers: LayerStats[];
  initialLayers: LayerStats[];
  losses: number[];
  /** The per-layer records (drift from the initial weights lives there). */
  records: LayerRecord[];
  grid: ArrayLike<number> | null;
  diverged: Divergence | null;
}

function activationRun<A extends ActivationName>(activation: A, st: SessionState, losses: number[], records: LayerRecord[], grid: ArrayLike<number> | null): ActivationRun<A> {
  const start = initialLayers(records);
  return { activation, step: st.step, loss: st.loss, initialLoss: st.initialLoss, testAccuracy: st.testAccuracy, layers: st.layers, initialLayers: start.length ? start : st.layers, losses, records, grid, diverged: st.diverged };
}

/** The network as the trainer has it (copies of the growing arrays: a snapshot for one drawing). */
export const activationRunOfView = <A extends ActivationName>(activation: A, v: SessionView): ActivationRun<A> => activationRun(activation, v.state, v.losses.slice(), v.records.slice(), v.grid);

/** Each config's network trained for `steps` steps outside the worker, then evaluated (build time, tests). */
export function trainActivationRuns<A extends ActivationName>(activations: readonly A[], configs: SessionConfig[], steps: number): ActivationRun<A>[] {
  return configs.map((c, i) => {
    const s = createSession(c);
    s.run(steps);
    s.evaluate();
    return activationRun(activations[i], s.state(), s.lossHistory.slice(), s.layerHistory.slice(), s.grid());
  });
}
