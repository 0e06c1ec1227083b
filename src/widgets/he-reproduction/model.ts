/**
 * He et al. (2015), reproduced small: two 30-layer ReLU networks, identical but for the
 * initialisation (Xavier vs He), trained side by side in lockstep on the same data from
 * the same seed. Settings calibrated in Node over seeds 1-5 (see
 * tests/unit/widgets/he-reproduction.test.ts): with these, Xavier's loss stays at ln 2
 * for the whole budget while He's falls far below it.
 */
import type { InitSpec, LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { LayerRecord, SessionConfig } from '../runner/session.ts';

export const DEPTH = 30;
export const WIDTH = 32;
export const LR = 0.01;
export const MAX_STEPS = 400;
export const RECORD_EVERY = 10;
export const DATA = { name: 'circle', n: 160, noise: 0.08 } as const;

export const HE_SCHEMA = {
  seed: { kind: 'number', min: 1, max: 999, step: 1, default: 1 },
} as const satisfies Schema;
export type HeValues = Values<typeof HE_SCHEMA>;

export const RUNS = ['xavier', 'he'] as const;
export type RunName = (typeof RUNS)[number];
export const RUN_INIT: Record<RunName, InitSpec> = { xavier: 'xavierUniform', he: 'heNormal' };

export function heConfig(run: RunName, seed: number): SessionConfig {
  return {
    spec: {
      sizes: [2, ...Array.from({ length: DEPTH }, () => WIDTH), 1],
      activation: 'relu',
      output: 'sigmoid',
      init: RUN_INIT[run],
      seed,
    },
    data: { ...DATA, seed },
    lr: LR,
    loss: 'bce',
    recordEvery: RECORD_EVERY,
    maxSteps: MAX_STEPS,
  };
}

export function heConfigs(v: HeValues): SessionConfig[] {
  return RUNS.map((r) => heConfig(r, v.seed));
}

/** One run as the figure sees it, from the worker or from a build-time session. */
export interface RunView {
  step: number;
  initialLoss: number;
  loss: number;
  losses: number[];
  layers: LayerStats[];
  records: LayerRecord[];
}

export const LN2 = Math.log(2);

/** "Stalls": still within `tol` of ln 2 (a constant 50/50 guess) after `minSteps` steps. */
export function stalled(r: RunView, minSteps = 100, tol = 0.02): boolean {
  return r.step >= minSteps && Math.abs(r.loss - LN2) < tol;
}

/** "Learns": at least `margin` below ln 2. */
export function learns(r: RunView, margin = 0.1): boolean {
  return r.loss < LN2 - margin;
}

export type Verdict = 'early' | 'heLearnsXavierStalls' | 'bothLearn' | 'neither' | 'mixed';
export function verdict(x: RunView, h: RunView): Verdict {
  if (x.step < 100) return 'early';
  if (learns(h) && stalled(x)) return 'heLearnsXavierStalls';
  if (learns(h) && learns(x)) return 'bothLearn';
  if (!learns(h) && !learns(x)) return 'neither';
  return 'mixed';
}
