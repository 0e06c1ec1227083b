/**
 * Residual connections: the same deep tanh network twice, identical in data, seed, width,
 * initialisation and learning rate, once plain and once with identity skips
 * (h_l = h_{l-1} + s·tanh(z_l) for every hidden layer after the first), trained in
 * lockstep. Defaults calibrated over seeds 1-3 (see
 * tests/unit/widgets/residual-connections.test.ts): at 50 layers the plain network's
 * first layers receive an error some thirteen decades below the output's and it stays at
 * ln 2, while the residual one (branch scale 0.5) trains.
 */
import type { LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import { LN2, atChance } from '../series/chance.ts';
import type { LayerRecord, SessionConfig } from '../runner/session.ts';
import { classifierConfig, initialRecord, type NamedRun } from '../runner/runs.ts';

export { initialRecord };

export const WIDTH = 16;
export const INIT_OPTIONS = ['classic', 'xavierUniform'] as const;
export const SCALE_OPTIONS = ['0.25', '0.5', '1'] as const;
export const LR_OPTIONS = ['0.03', '0.1', '0.3'] as const;

export const RESIDUAL_SCHEMA = {
  depth: { kind: 'number', min: 2, max: 50, step: 1, default: 50 },
  init: { kind: 'enum', options: INIT_OPTIONS, default: 'classic' },
  branch: { kind: 'enum', options: SCALE_OPTIONS, default: '0.5' },
  lr: { kind: 'enum', options: LR_OPTIONS, default: '0.03' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type ResidualValues = Values<typeof RESIDUAL_SCHEMA>;

export const RUNS = ['plain', 'residual'] as const;
export type ResidualRunName = (typeof RUNS)[number];

export const RECORD_EVERY = 10;
export const MAX_STEPS = 600;
/** Steps trained at build time for the figure readers see without JavaScript. */
export const STATIC_STEPS = 150;
export const DATA = { name: 'moons', n: 160, noise: 0.08 } as const;

export function residualConfig(v: ResidualValues, run: ResidualRunName): SessionConfig {
  return classifierConfig(
    { depth: v.depth, width: WIDTH, activation: 'tanh', init: v.init, seed: v.seed, data: DATA, lr: Number(v.lr), recordEvery: RECORD_EVERY, maxSteps: MAX_STEPS },
    run === 'residual' ? { residual: true, residualScale: Number(v.branch) } : {},
  );
}

export function residualConfigs(v: ResidualValues): SessionConfig[] {
  return RUNS.map((r) => residualConfig(v, r));
}

/** What the figure shows of one run, from a build-time session or the worker. */
export type ResidualRun = NamedRun<ResidualRunName>;

/** First hidden layer's error over the output layer's: how much of the signal reaches the bottom. */
export function firstToOutput(layers: LayerStats[]): number {
  return layers.length ? layers[0].deltaRms / layers[layers.length - 1].deltaRms : NaN;
}

export function latestRecord(records: LayerRecord[]): LayerRecord | undefined {
  return records.at(-1);
}

/** ‖W − W₀‖ / ‖W₀‖ per layer at the latest record (zeros before any step). */
export function latestDrift(r: ResidualRun): number[] {
  const rec = latestRecord(r.records);
  return rec?.drift ?? rec?.layers.map(() => 0) ?? [];
}

/** The site's one rule for "stuck at chance": within 0.02 of ln 2 after 50 steps or more. */
export function stalled(r: Pick<ResidualRun, 'loss' | 'step'>): boolean {
  return atChance(r.loss, r.step);
}

/** Trains: its loss is well below ln 2. */
export function trains(r: Pick<ResidualRun, 'loss'>): boolean {
  return r.loss < LN2 - 0.2;
}
