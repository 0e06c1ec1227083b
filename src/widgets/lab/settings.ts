/**
 * The lab's settings: one table (kit/params.ts) for every knob, and the two mappings between
 * those settings and a runner SessionConfig. `labConfig` is what the lab trains; the inverse,
 * from a session to these settings ("Open in the lab"), is the kit's (kit/openInLab.ts
 * labLinkValues, held equal to this table by a test), and `labHref` writes settings as a link.
 *
 * Stable interface: other code (pinned runs, A/B compare, chapter links) builds on it, so
 * fields are only ever added.
 */
import { ACTIVATION_NAMES, INIT_NAMES, type ActivationName, type InitName, type InitSpec } from '../../lib/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { defaults, writeState, type Schema, type Values } from '../kit/params.ts';
import type { SessionConfig } from '../runner/session.ts';
import { ACTS_KEY, encodeActs } from './acts.ts';
import { chapterPath } from '../kit/chapterPath.ts';

/** The lab's figure id: its URL keys are `lab.<name>`, its anchor `#lab`. */
export const LAB_ID = 'lab';

/** The five built-in data sets, and the reader's own points. */
export const LAB_DATASETS = ['circle', 'xor', 'gaussians', 'spiral', 'moons', 'custom'] as const;
export type LabDataset = (typeof LAB_DATASETS)[number];

/** Every named scheme of src/lib, plus a normal, a uniform and an orthogonal one of the reader's own scale. */
export const LAB_INITS = [...(INIT_NAMES as readonly InitName[]), 'customNormal', 'customUniform', 'customOrthogonal'] as const;
export type LabInit = (typeof LAB_INITS)[number];

export const LAB_SCHEMA = {
  // Architecture
  depth: { kind: 'number', min: 1, max: 50, step: 1, default: 6 },
  width: { kind: 'number', min: 1, max: 128, step: 1, default: 16 },
  activation: { kind: 'enum', options: ACTIVATION_NAMES as readonly ActivationName[], default: 'tanh' },
  /** One activation for every hidden layer, or one per layer (the list lives under lab.acts, see acts.ts). */
  actMode: { kind: 'enum', options: ['same', 'perLayer'], default: 'same' },
  /** Leaky ReLU's slope for z < 0. */
  leakyAlpha: { kind: 'number', min: 0, max: 1, step: 0.01, default: 0.01 },
  /** ELU's scale α in α(eᶻ − 1). */
  eluAlpha: { kind: 'number', min: 0.05, max: 3, step: 0.05, default: 1 },
  residual: { kind: 'bool', default: false },
  residualScale: { kind: 'number', min: 0, max: 2, step: 0.05, default: 1 },
  norm: { kind: 'enum', options: ['none', 'batch', 'layer'], default: 'none' },
  // Initialisation
  init: { kind: 'enum', options: LAB_INITS, default: 'xavierNormal' },
  /** The std (customNormal), the limit (customUniform) or the gain (customOrthogonal). */
  initScale: { kind: 'number', min: 0, max: 5, step: 0.0001, default: 0.1 },
  biasInit: { kind: 'number', min: -1, max: 1, step: 0.01, default: 0 },
  // Training
  loss: { kind: 'enum', options: ['bce', 'mse'], default: 'bce' },
  optimizer: { kind: 'enum', options: ['sgd', 'momentum', 'adam'], default: 'sgd' },
  momentum: { kind: 'number', min: 0, max: 0.999, step: 0.001, default: 0.9 },
  beta1: { kind: 'number', min: 0, max: 0.999, step: 0.001, default: 0.9 },
  beta2: { kind: 'number', min: 0.9, max: 0.9999, step: 0.0001, default: 0.999 },
  /** Adam's ε in the denominator √v̂ + ε (the slider moves it on a log scale). */
  eps: { kind: 'number', min: 1e-10, max: 1, step: 1e-10, default: 1e-8 },
  /** The learning rate itself (the slider moves it on a log scale). */
  lr: { kind: 'number', min: 0.00001, max: 10, step: 0.00001, default: 0.03 },
  /** Examples per step; 0 is the whole training set (full batch). */
  batch: { kind: 'number', min: 0, max: 1000, step: 1, default: 0 },
  /** Clip the gradient to this global L2 norm; 0 is no clipping. */
  clip: { kind: 'number', min: 0, max: 100, step: 0.01, default: 0 },
  // Data
  dataset: { kind: 'enum', options: LAB_DATASETS, default: 'circle' },
  points: { kind: 'number', min: 20, max: 1000, step: 10, default: 240 },
  noise: { kind: 'number', min: 0, max: 0.5, step: 0.01, default: 0.08 },
  testFraction: { kind: 'number', min: 0, max: 0.5, step: 0.05, default: 0.25 },
  // Run
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
  speed: { kind: 'enum', options: ['fast', 'frame'], default: 'fast' },
  skip: { kind: 'number', min: 1, max: 10_000, step: 1, default: 1000 },
} as const satisfies Schema;

export type LabValues = Values<typeof LAB_SCHEMA>;
export type LabState = LabValues;

export const LAB_DEFAULTS: LabValues = defaults(LAB_SCHEMA);

/** One point of the reader's own data set. */
export interface LabPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** Per-layer records every this many steps; the loss is kept for every step. */
export const LAB_RECORD_EVERY = 10;
/** A run stops by itself here (the history stays a few megabytes even at 50 layers). */
export const LAB_MAX_STEPS = 20_000;
/** Decision-boundary grid resolution. */
export const LAB_GRID_RES = 32;
export const LAB_HIST_BINS = 20;

/** Activations whose output is bounded, and the range their histograms use. */
export function histRange(a: ActivationName): [number, number] {
  if (a === 'sigmoid') return [0, 1];
  if (a === 'tanh') return [-1, 1];
  return [-2, 4];
}

/** The histogrammed hidden layers: the first, a quarter, the middle, three quarters and the last. */
export function labHistLayers(depth: number): number[] {
  return [...new Set([1, Math.ceil(depth / 4), Math.ceil(depth / 2), Math.ceil((3 * depth) / 4), depth])].sort((a, b) => a - b);
}

export function labInitSpec(v: Pick<LabValues, 'init' | 'initScale'>): InitSpec {
  if (v.init === 'customNormal') return { kind: 'normal', std: v.initScale };
  if (v.init === 'customUniform') return { kind: 'uniform', limit: v.initScale };
  if (v.init === 'customOrthogonal') return { kind: 'orthogonal', gain: v.initScale };
  return v.init;
}

/**
 * The α in use, or undefined when no layer has one. src/lib shares one α between every layer
 * that uses it, so with both leaky ReLU and ELU layers the ELU layers take the leaky slope
 * (the controls say so).
 */
export function labAlpha(v: Pick<LabValues, 'activation' | 'leakyAlpha' | 'eluAlpha'>, acts: readonly ActivationName[] = [v.activation]): number | undefined {
  return acts.includes('leakyRelu') ? v.leakyAlpha : acts.includes('elu') ? v.eluAlpha : undefined;
}

/** The hidden layers' activations these settings train: the per-layer list when it is in use and fits, else the one name. */
export function labActs(v: Pick<LabValues, 'activation' | 'actMode' | 'depth'>, acts?: readonly ActivationName[]): ActivationName | ActivationName[] {
  return v.actMode === 'perLayer' && acts && acts.length === v.depth ? acts.slice() : v.activation;
}

/**
 * The session the lab trains for these settings. `custom` holds the reader's points; it is used
 * only when the data set is 'custom' (with fewer than two points there is nothing to fit, so the
 * lab falls back to the circle until the reader adds some).
 */
export function labConfig(v: LabValues, custom: readonly LabPoint[] = [], perLayer?: readonly ActivationName[]): SessionConfig {
  const activation = labActs(v, perLayer);
  const list = typeof activation === 'string' ? [activation] : activation;
  const alpha = labAlpha(v, list);
  const useCustom = v.dataset === 'custom' && custom.length >= 2;
  const name = v.dataset === 'custom' ? 'circle' : v.dataset;
  return {
    spec: {
      sizes: [2, ...Array.from({ length: v.depth }, () => v.width), 1],
      activation,
      ...(alpha !== undefined ? { alpha } : {}),
      output: 'sigmoid',
      init: labInitSpec(v),
      ...(v.biasInit !== 0 ? { biasInit: v.biasInit } : {}),
      seed: v.seed,
      ...(v.residual ? { residual: true, residualScale: v.residualScale } : {}),
      ...(v.norm !== 'none' ? { norm: v.norm } : {}),
    },
    data: {
      name,
      n: v.points,
      noise: v.noise,
      seed: v.seed,
      testFraction: v.testFraction,
      ...(useCustom ? { points: custom.map((p) => [p.x, p.y, p.label] as [number, number, number]) } : {}),
    },
    lr: v.lr,
    loss: v.loss,
    optimizer: v.optimizer,
    ...(v.optimizer === 'momentum' ? { momentum: v.momentum } : {}),
    ...(v.optimizer === 'adam' ? { beta1: v.beta1, beta2: v.beta2, ...(v.eps !== LAB_DEFAULTS.eps ? { eps: v.eps } : {}) } : {}),
    ...(v.batch > 0 ? { batchSize: v.batch } : {}),
    ...(v.clip > 0 ? { clipNorm: v.clip } : {}),
    // The lab draws no bound envelope, and at 30 x 64 a bound costs about a training step.
    bound: false,
    recordEvery: LAB_RECORD_EVERY,
    evaluateRecords: true,
    maxSteps: LAB_MAX_STEPS,
    gridRes: LAB_GRID_RES,
    histograms: { layers: labHistLayers(v.depth), bins: LAB_HIST_BINS, range: list.every((a) => a === list[0]) ? histRange(list[0]) : histRange('linear') },
  };
}

/**
 * The lab page's path: what utils/urls.ts's chapterUrl(lang, 'lab') gives (a unit test holds
 * them equal), written without astro:i18n so that any island, or a worker, can import it.
 */
export function labPath(lang: Lang): string {
  return chapterPath(lang, 'lab');
}

/** The lab's address with these settings (defaults left out), e.g. for "Open in the lab"; `acts` is a per-layer list. */
export function labHref(lang: Lang, state: Partial<LabValues> & { acts?: readonly ActivationName[] }): string {
  const { acts, ...values } = state;
  const search = writeState(LAB_SCHEMA, LAB_ID, { ...LAB_DEFAULTS, ...values }, '');
  const extra = acts && values.actMode === 'perLayer' ? `${search ? '&' : '?'}${ACTS_KEY}=${encodeURIComponent(encodeActs(acts))}` : '';
  return `${labPath(lang)}${search}${extra}#${LAB_ID}`;
}
