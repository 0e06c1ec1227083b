// Seeded toy data sets. Coordinates lie roughly in [-1, 1]^2, labels are 0 or 1
// and the two classes are balanced. Only portable arithmetic is used, so a seed
// gives the same points on every platform.
import { cos, sin } from './mathx.ts';
import { createRng, type Rng } from './rng.ts';

export type DatasetName = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'moons';
export const DATASET_NAMES: readonly DatasetName[] = Object.freeze(['circle', 'xor', 'gaussians', 'spiral', 'moons']);

export interface Dataset {
  /** n x inputs, row-major. */
  x: Float64Array;
  /** n targets: class labels 0/1, or regression values. */
  y: Float64Array;
  n: number;
  inputs: number;
}

export interface DatasetOptions {
  /** Total number of examples, before the split. */
  n: number;
  /** Standard deviation of Gaussian noise added to the coordinates (regression: to y). Default 0. */
  noise?: number;
  seed: number;
  /** Share of the examples held out for the test set. Default 0.2. */
  testFraction?: number;
}

const TAU = 6.283185307179586;

/** One point of class `label` (0 or 1), before noise. */
function point(name: DatasetName, label: number, rng: Rng): [number, number] {
  switch (name) {
    case 'circle': {
      // Class 1 inside radius 0.5, class 0 on the ring 0.7..1.
      const r = label === 1 ? 0.5 * Math.sqrt(rng.next()) : 0.7 + 0.3 * rng.next();
      const t = TAU * rng.next();
      return [r * cos(t), r * sin(t)];
    }
    case 'xor': {
      // Quadrants with x y > 0 are class 1; a small margin keeps the axes clear.
      const u = 0.05 + 0.95 * rng.next();
      const v = 0.05 + 0.95 * rng.next();
      const sx = rng.next() < 0.5 ? -1 : 1;
      return [sx * u, (label === 1 ? sx : -sx) * v];
    }
    case 'gaussians': {
      const c = label === 1 ? 0.5 : -0.5;
      return [c + 0.25 * rng.normal(), c + 0.25 * rng.normal()];
    }
    case 'spiral': {
      // Two interleaved arms of 1.75 turns, the second rotated by half a turn.
      const s = rng.next();
      const t = 1.75 * TAU * s + (label === 1 ? TAU / 2 : 0);
      return [s * sin(t), s * cos(t)];
    }
    case 'moons': {
      // Two interleaved half circles, shifted and scaled into [-1, 1]^2.
      const t = (TAU / 2) * rng.next();
      const [px, py] = label === 1 ? [1 - cos(t), 0.5 - sin(t)] : [cos(t), sin(t)];
      return [(px - 0.5) / 1.5, (py - 0.25) / 1.5];
    }
  }
}

function checkOptions(o: DatasetOptions): { n: number; noise: number; testFraction: number } {
  const noise = o.noise ?? 0;
  const testFraction = o.testFraction ?? 0.2;
  if (!Number.isInteger(o.n) || o.n < 2) throw new Error(`n: must be an integer >= 2, got ${String(o.n)}`);
  if (!(Number.isFinite(noise) && noise >= 0)) throw new Error(`noise: must be a finite number >= 0, got ${String(noise)}`);
  if (!(testFraction >= 0 && testFraction < 1)) throw new Error(`testFraction: must be in [0, 1), got ${String(testFraction)}`);
  if (!Number.isFinite(o.seed)) throw new Error(`seed: must be a finite number, got ${String(o.seed)}`);
  return { n: o.n, noise, testFraction };
}

/** Shuffles the n examples (Fisher-Yates) and splits off the last round(n * testFraction) as the test set. */
function split(x: Float64Array, y: Float64Array, inputs: number, testFraction: number, rng: Rng): { train: Dataset; test: Dataset } {
  const n = y.length;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = y[i]; y[i] = y[j]; y[j] = t;
    for (let k = 0; k < inputs; k++) {
      const s = x[i * inputs + k]; x[i * inputs + k] = x[j * inputs + k]; x[j * inputs + k] = s;
    }
  }
  const nTest = Math.round(n * testFraction);
  const nTrain = n - nTest;
  return {
    train: { x: x.slice(0, nTrain * inputs), y: y.slice(0, nTrain), n: nTrain, inputs },
    test: { x: x.slice(nTrain * inputs), y: y.slice(nTrain), n: nTest, inputs },
  };
}

/** A seeded 2-D classification set, shuffled and split into train and test. */
export function makeDataset(name: DatasetName, options: DatasetOptions): { train: Dataset; test: Dataset } {
  if (!DATASET_NAMES.includes(name)) throw new Error(`name: unknown data set '${String(name)}' (expected ${DATASET_NAMES.join(', ')})`);
  const { n, noise, testFraction } = checkOptions(options);
  const rng = createRng(options.seed);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const [px, py] = point(name, label, rng);
    x[2 * i] = px + (noise > 0 ? noise * rng.normal() : 0);
    x[2 * i + 1] = py + (noise > 0 ? noise * rng.normal() : 0);
    y[i] = label;
  }
  return split(x, y, 2, testFraction, rng);
}

/** A seeded 1-D regression set: x uniform on [-1, 1], y = sin(pi x) plus Gaussian noise. */
export function makeRegression(options: DatasetOptions): { train: Dataset; test: Dataset } {
  const { n, noise, testFraction } = checkOptions(options);
  const rng = createRng(options.seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 2 * rng.next() - 1;
    y[i] = sin((TAU / 2) * x[i]) + (noise > 0 ? noise * rng.normal() : 0);
  }
  return split(x, y, 1, testFraction, rng);
}
