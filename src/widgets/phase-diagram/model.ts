/**
 * The mean-field phase diagram (Poole et al. 2016; Schoenholz et al. 2017): χ1 over
 * (σw², σb²) from the library's meanField(), and a live random network at the chosen
 * point whose measured per-layer ratio of backpropagated-error variance is set against χ1.
 * Pure, so the build, the island and the tests compute the same thing.
 */
import { createNetwork, createRng, gradients, meanField, type LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';

export const PHASE_ACTIVATIONS = ['tanh', 'relu'] as const;
export type PhaseActivation = (typeof PHASE_ACTIVATIONS)[number];

export const SW2_RANGE: [number, number] = [0.1, 4];
export const SB2_RANGE: [number, number] = [0, 0.5];

export const PHASE_SCHEMA = {
  activation: { kind: 'enum', options: PHASE_ACTIVATIONS, default: 'tanh' },
  sw2: { kind: 'number', min: SW2_RANGE[0], max: SW2_RANGE[1], step: 0.05, default: 1 },
  sb2: { kind: 'number', min: SB2_RANGE[0], max: SB2_RANGE[1], step: 0.01, default: 0 },
  depth: { kind: 'number', min: 10, max: 50, step: 1, default: 30 },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type PhaseValues = Values<typeof PHASE_SCHEMA>;

/** Width of the live network: wide enough for the mean-field picture, cheap enough to run on a click. */
export const WIDTH = 256;
/** Examples sent through the live network; every layer then averages over 256 · 16 unit-examples. */
export const BATCH = 16;
/** Columns and rows of the map. */
export const GRID_COLS = 40;
export const GRID_ROWS = 26;

/**
 * Xavier with n_in = n_out gives Var[w] = 1/N, so σw² = N·Var[w] = 1; He gives 2/N, so σw² = 2.
 * Both leave the biases at zero.
 */
export const MARKERS = [
  { key: 'xavier', sw2: 1, sb2: 0 },
  { key: 'he', sw2: 2, sb2: 0 },
] as const;

export interface MapCell {
  sw2: number;
  sb2: number;
  chi1: number;
}

export interface PhaseMap {
  activation: PhaseActivation;
  cells: MapCell[];
  /** The χ1 = 1 line: for each σb² on the grid, the σw² where χ1 crosses 1 (absent when it does not in range). */
  critical: { sw2: number; sb2: number }[];
}

export const colCentre = (c: number) => SW2_RANGE[0] + ((c + 0.5) * (SW2_RANGE[1] - SW2_RANGE[0])) / GRID_COLS;
export const rowCentre = (r: number) => SB2_RANGE[0] + ((r + 0.5) * (SB2_RANGE[1] - SB2_RANGE[0])) / GRID_ROWS;

/**
 * σw² where χ1 = 1 at a given σb², by bisection on ln χ1 (which rises with σw² for both
 * activations) inside [lo, hi], or null when χ1 does not cross 1 there.
 */
export function criticalSw2(activation: PhaseActivation, sb2: number, lo = SW2_RANGE[0], hi = SW2_RANGE[1], iterations = 40): number | null {
  const f = (sw2: number) => Math.log(meanField(activation, sw2, sb2).chi1);
  if (f(lo) > 0 || f(hi) < 0) return null;
  for (let k = 0; k < iterations; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Bisection steps inside one map cell for the line: 0.1 / 2¹⁴, far below a pixel. */
const LINE_ITERATIONS = 14;

/**
 * The map costs one meanField() per cell; the χ1 = 1 line reuses the cells, bisecting only
 * inside the cell of each row where ln χ1 changes sign (and once more at σb² = 0, where
 * Xavier and He sit).
 */
export function phaseMap(activation: PhaseActivation): PhaseMap {
  const cells: MapCell[] = [];
  for (let r = 0; r < GRID_ROWS; r++)
    for (let c = 0; c < GRID_COLS; c++) {
      const sw2 = colCentre(c);
      const sb2 = rowCentre(r);
      cells.push({ sw2, sb2, chi1: meanField(activation, sw2, sb2).chi1 });
    }
  const critical: { sw2: number; sb2: number }[] = [];
  const crossing = (sb2: number, chi: (c: number) => number) => {
    for (let c = 0; c + 1 < GRID_COLS; c++) {
      if (chi(c) < 1 && chi(c + 1) >= 1) {
        const sw2 = criticalSw2(activation, sb2, colCentre(c), colCentre(c + 1), LINE_ITERATIONS);
        if (sw2 !== null) critical.push({ sw2, sb2 });
        return;
      }
    }
  };
  for (let r = 0; r < GRID_ROWS; r++) crossing(rowCentre(r), (c) => cells[r * GRID_COLS + c].chi1);
  // At σb² = 0 the line lies at or left of the first row's crossing (it bends right as σb²
  // grows), so one bisection below that cell finds it without another row of cells.
  if (critical.length) {
    const sw2 = criticalSw2(activation, SB2_RANGE[0], SW2_RANGE[0], Math.min(SW2_RANGE[1], critical[0].sw2 + (SW2_RANGE[1] - SW2_RANGE[0]) / GRID_COLS), LINE_ITERATIONS + 4);
    if (sw2 !== null) critical.unshift({ sw2, sb2: SB2_RANGE[0] });
  }
  return { activation, cells, critical };
}

export type Phase = 'ordered' | 'critical' | 'chaotic';

/** Within 2 % of 1 counts as the edge: the live network's own scatter is larger than that. */
export function phaseOf(chi1: number): Phase {
  return Math.abs(Math.log(chi1)) < 0.02 ? 'critical' : chi1 < 1 ? 'ordered' : 'chaotic';
}

export interface Probe {
  sw2: number;
  sb2: number;
  activation: PhaseActivation;
  depth: number;
  qStar: number;
  chi1: number;
  depthScale: number;
  /** ratios[l - 1] = Var[δ_l] / Var[δ_(l+1)] for hidden layers l = 1..depth - 1, measured. */
  ratios: number[];
  /** Var[δ_l] / Var[δ_depth] for l = 1..depth: how much of the top hidden layer's error reaches layer l. */
  relative: number[];
  /** Share of saturated unit-examples per hidden layer (derivative below 10 % of its maximum). */
  saturated: number[];
}

/**
 * A random network at (σw², σb²): weights N(0, σw²/N), biases N(0, σb²), as in the
 * mean-field papers. The library's biasInit is a constant, so the biases are drawn here
 * from the same seed (a separate stream, so the weights do not depend on them).
 */
export function probe(v: PhaseValues): Probe {
  const net = createNetwork({
    sizes: [WIDTH, ...Array.from({ length: v.depth }, () => WIDTH), 1],
    activation: v.activation,
    output: 'linear',
    init: { kind: 'normal', std: Math.sqrt(v.sw2 / WIDTH) },
    seed: v.seed,
  });
  const rng = createRng(v.seed * 7919 + 17);
  const sb = Math.sqrt(v.sb2);
  for (const layer of net.layers) for (let j = 0; j < layer.biases.length; j++) layer.biases[j] = sb * rng.normal();
  const x = new Float64Array(BATCH * WIDTH);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(BATCH);
  const g = gradients(net, x, y, BATCH, 'mse');
  const hidden: LayerStats[] = g.layers.slice(0, v.depth);
  const variance = hidden.map((l) => l.deltaRms * l.deltaRms);
  const ratios = variance.slice(0, -1).map((q, i) => q / variance[i + 1]);
  const top = variance[variance.length - 1];
  const mf = meanField(v.activation, v.sw2, v.sb2);
  return {
    sw2: v.sw2,
    sb2: v.sb2,
    activation: v.activation,
    depth: v.depth,
    qStar: mf.qStar,
    chi1: mf.chi1,
    depthScale: mf.depthScale,
    ratios,
    relative: variance.map((q) => q / top),
    saturated: hidden.map((l) => l.saturatedFraction),
  };
}

/**
 * The measured ratio averaged (geometrically) over the layers away from both ends, where
 * the network has settled at q* and the output layer's own scale no longer matters.
 */
export function meanRatio(p: Pick<Probe, 'ratios'>): number {
  const n = p.ratios.length;
  const from = Math.min(4, Math.floor(n / 4));
  const to = Math.max(from + 1, n - 4);
  const window = p.ratios.slice(from, to).filter((r) => r > 0 && Number.isFinite(r));
  if (!window.length) return NaN;
  return Math.exp(window.reduce((a, r) => a + Math.log(r), 0) / window.length);
}

export function meanSaturated(p: Pick<Probe, 'saturated'>): number {
  return p.saturated.length ? p.saturated.reduce((a, s) => a + s, 0) / p.saturated.length : 0;
}

/** Moves the chosen point by whole slider steps (arrow keys on the map), kept in range. */
export function nudge(v: PhaseValues, dCol: number, dRow: number): Pick<PhaseValues, 'sw2' | 'sb2'> {
  const s = PHASE_SCHEMA;
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  return {
    sw2: Number(clamp(v.sw2 + dCol * s.sw2.step, s.sw2.min, s.sw2.max).toFixed(2)),
    sb2: Number(clamp(v.sb2 + dRow * s.sb2.step, s.sb2.min, s.sb2.max).toFixed(2)),
  };
}
