/**
 * The vanishing-gradient lab: its settings, presets, training config and everything
 * it derives for display. Pure, so the build (static SVG), the island and the tests
 * all compute the same thing.
 */
import type { InitSpec, LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SessionConfig, LayerRecord, Divergence } from '../runner/session.ts';
import { classifierConfig } from '../runner/runs.ts';

export const LR_OPTIONS = ['0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10'] as const;

export const VANISHING_SCHEMA = {
  depth: { kind: 'number', min: 1, max: 30, step: 1, default: 10 },
  width: { kind: 'number', min: 2, max: 64, step: 1, default: 16 },
  activation: { kind: 'enum', options: ['sigmoid', 'tanh', 'relu', 'leakyRelu'], default: 'sigmoid' },
  init: { kind: 'enum', options: ['classic', 'xavier', 'he'], default: 'classic' },
  lr: { kind: 'enum', options: LR_OPTIONS, default: '1' },
  dataset: { kind: 'enum', options: ['circle', 'xor', 'gaussians', 'spiral', 'moons'], default: 'circle' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type VanishingValues = Values<typeof VANISHING_SCHEMA>;

/**
 * The deep-sigmoid preset trains at 1, not 3: at 3 the loss spikes to 1.4–1.6 by step 5
 * (seeds 1–3), which saturates the top layers and mixes a learning-rate problem into the
 * vanishing-gradient story. At 1 the loss never exceeds 0.70.
 */
export const PRESETS = {
  shallowSigmoid: { depth: 2, width: 16, activation: 'sigmoid', init: 'classic', lr: '3' },
  deepSigmoid: { depth: 10, width: 16, activation: 'sigmoid', init: 'classic', lr: '1' },
  deepRelu: { depth: 10, width: 16, activation: 'relu', init: 'he', lr: '0.03' },
} as const satisfies Record<string, Partial<VanishingValues>>;
export type PresetName = keyof typeof PRESETS;

export const INIT_SPECS: Record<VanishingValues['init'], InitSpec> = {
  classic: 'classic',
  xavier: 'xavierUniform',
  he: 'heNormal',
};

export const GRID_RES = 24;
export const RECORD_EVERY = 5;
/** Steps trained at build time for the figure readers see without JavaScript. */
export const STATIC_STEPS = 300;

export function vanishingConfig(v: VanishingValues): SessionConfig {
  return classifierConfig(
    { depth: v.depth, width: v.width, activation: v.activation, init: INIT_SPECS[v.init], seed: v.seed, data: { name: v.dataset, n: 240, noise: 0.08 }, lr: Number(v.lr), recordEvery: RECORD_EVERY, maxSteps: 3000 },
    {},
    { gridRes: GRID_RES },
  );
}

/** What the lab shows, whether it comes from a build-time session or the worker. */
export interface VanishingView {
  step: number;
  loss: number;
  initialLoss: number;
  testAccuracy: number;
  /** Per-layer stats now (the latest record) and at step 0. */
  layers: LayerStats[];
  start: LayerStats[];
  losses: number[];
  records: LayerRecord[];
  grid: ArrayLike<number> | null;
  diverged: Divergence | null;
}

/** The preset whose every setting matches the current values, if any. */
export function activePreset(v: VanishingValues): PresetName | null {
  for (const [name, p] of Object.entries(PRESETS) as [PresetName, Partial<VanishingValues>][])
    if (Object.entries(p).every(([k, x]) => v[k as keyof VanishingValues] === x)) return name;
  return null;
}
