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
import { classifierConfig } from '../runner/runs.ts';
import { atChance, CHANCE_MIN_STEPS, LN2 } from '../series/chance.ts';

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
  return classifierConfig({ depth: DEPTH, width: WIDTH, activation: 'relu', init: RUN_INIT[run], seed, data: DATA, lr: LR, recordEvery: RECORD_EVERY, maxSteps: MAX_STEPS });
}

export function heConfigs(v: HeValues): SessionConfig[] {
  return RUNS.map((r) => heConfig(r, v.seed));
}

/** One run as the figure sees it, from the worker or from a build-time session. */
export interface HeRunView {
  step: number;
  initialLoss: number;
  loss: number;
  losses: number[];
  layers: LayerStats[];
  records: LayerRecord[];
}

export { LN2 };

/** "Stalls": still at chance (a constant 50/50 guess), by the site's one rule (series/chance.ts). */
export function stalled(r: HeRunView): boolean {
  return atChance(r.loss, r.step);
}

/** "Learns": at least `margin` below ln 2. */
export function learns(r: HeRunView, margin = 0.1): boolean {
  return r.loss < LN2 - margin;
}

/**
 * The comparison as soon as the data support it: from CHANCE_MIN_STEPS on, the moment He has
 * left ln 2 while Xavier has not (step 50 on seeds 1-3). Until a quarter of the budget, a run
 * that has not yet learned is "too early", not a failure.
 */
export type HeVerdict = 'early' | 'heLearnsXavierStalls' | 'bothLearn' | 'neither' | 'mixed';
export function heVerdict(x: HeRunView, h: HeRunView): HeVerdict {
  if (x.step < CHANCE_MIN_STEPS) return 'early';
  if (learns(h) && stalled(x)) return 'heLearnsXavierStalls';
  if (learns(h) && learns(x)) return 'bothLearn';
  if (x.step < MAX_STEPS / 4) return 'early';
  if (!learns(h) && !learns(x)) return 'neither';
  return 'mixed';
}
