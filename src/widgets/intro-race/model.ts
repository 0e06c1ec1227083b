/**
 * The introduction's race: a deep sigmoid network (classic init) and a ReLU network
 * (He init) of the same shape, on the same data and seed, trained in lockstep with the
 * same optimiser and learning rate. Pure, so the build, the island and the tests agree.
 */
import type { ActivationName, InitSpec } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SessionConfig } from '../runner/session.ts';
import { classifierConfig, type ActivationRun } from '../runner/runs.ts';

export const RACE_SCHEMA = {
  depth: { kind: 'number', min: 2, max: 20, step: 1, default: 10 },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;
export type RaceValues = Values<typeof RACE_SCHEMA>;

export const WIDTH = 16;
/** One learning rate for both: plain SGD at 0.1 trains the ReLU net in a few hundred steps. */
export const LR = 0.1;
/**
 * Deep ReLU nets on full-batch SGD at this rate have occasional loss spikes; clipping the
 * global gradient norm at 1 removes them. The sigmoid net's gradient norm stays far below
 * 1, so the clip never touches it: both nets still use the very same optimiser.
 */
export const CLIP = 1;
export const RECORD_EVERY = 5;
export const MAX_STEPS = 1000;
/** The build-time drawing (readers without JavaScript) shows the race after this many steps. */
export const STATIC_STEPS = 300;

export const NETS: readonly { activation: ActivationName; init: InitSpec }[] = [
  { activation: 'sigmoid', init: 'classic' },
  { activation: 'relu', init: 'heNormal' },
];

export function raceConfigs(v: RaceValues): SessionConfig[] {
  return NETS.map(({ activation, init }) =>
    classifierConfig({ depth: v.depth, width: WIDTH, activation, init, seed: v.seed, data: { name: 'circle', n: 240, noise: 0.08 }, lr: LR, recordEvery: RECORD_EVERY, maxSteps: MAX_STEPS }, {}, { clipNorm: CLIP }),
  );
}

/** What the figure shows for one network, from a build-time session or the worker. */
export type RaceNet = ActivationRun;
