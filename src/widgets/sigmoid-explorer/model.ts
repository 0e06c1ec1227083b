/**
 * The sigmoid explorer: one point x on the sigmoid, its value, its derivative and the
 * tangent there; optionally tanh and tanh' for comparison. Pure maths over src/lib.
 */
import { ACTIVATIONS } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';

export const SIGMOID_SCHEMA = {
  x: { kind: 'number', min: -8, max: 8, step: 0.1, default: 0 },
  tanh: { kind: 'bool', default: false },
} as const satisfies Schema;
export type SigmoidValues = Values<typeof SIGMOID_SCHEMA>;

export const X_DOMAIN: [number, number] = [SIGMOID_SCHEMA.x.min, SIGMOID_SCHEMA.x.max];
/** Points per curve: 0.05 apart, smooth at any chart width. */
export const SAMPLES = 321;

const SIG = ACTIVATIONS.sigmoid;
const TANH = ACTIVATIONS.tanh;

export interface PointReadout {
  x: number;
  /** sigma(x), sigma'(x) */
  s: number;
  ds: number;
  /** sigma'(x) as a fraction of its maximum sigma'(0) = 0.25 */
  fraction: number;
  /** the maximum of sigma', from the library (0.25) */
  maxDs: number;
  /** tanh(x), tanh'(x) and tanh'(x) over its maximum 1 */
  t: number;
  dt: number;
  tFraction: number;
  maxDt: number;
}

export function readout(x: number): PointReadout {
  const ds = SIG.df(x);
  const dt = TANH.df(x);
  return { x, s: SIG.f(x), ds, fraction: ds / SIG.maxDerivative, maxDs: SIG.maxDerivative, t: TANH.f(x), dt, tFraction: dt / TANH.maxDerivative, maxDt: TANH.maxDerivative };
}

export function sampleXs(n = SAMPLES, [a, b] = X_DOMAIN): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

export interface Curves {
  sigma: { x: number; y: number }[];
  dSigma: { x: number; y: number }[];
  tanh: { x: number; y: number }[];
  dTanh: { x: number; y: number }[];
}

export function curves(xs = sampleXs()): Curves {
  return {
    sigma: xs.map((x) => ({ x, y: SIG.f(x) })),
    dSigma: xs.map((x) => ({ x, y: SIG.df(x) })),
    tanh: xs.map((x) => ({ x, y: TANH.f(x) })),
    dTanh: xs.map((x) => ({ x, y: TANH.df(x) })),
  };
}
