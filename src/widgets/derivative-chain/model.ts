/**
 * The chain of derivatives: the best case of the product of activation derivatives
 * through n layers. Sigmoid: 0.25^n (sigmoidBound); tanh: its maximum slope 1, to the n;
 * ReLU on an active path: 1^n. Pure maths over src/lib.
 */
import { ACTIVATIONS, sigmoidBound } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';

export const CHAIN_SCHEMA = {
  depth: { kind: 'number', min: 1, max: 30, step: 1, default: 10 },
} as const satisfies Schema;
export type ChainValues = Values<typeof CHAIN_SCHEMA>;

export interface ChainRow {
  n: number;
  sigmoid: number;
  tanh: number;
  relu: number;
}

/** Best case through n layers for each activation. */
export function chainAt(n: number): ChainRow {
  return {
    n,
    sigmoid: sigmoidBound(n),
    tanh: ACTIVATIONS.tanh.maxDerivative ** n,
    // An active ReLU unit (z > 0) passes the gradient with slope exactly f'(z) = 1.
    relu: ACTIVATIONS.relu.df(1) ** n,
  };
}

export const DEPTHS = Array.from({ length: CHAIN_SCHEMA.depth.max - CHAIN_SCHEMA.depth.min + 1 }, (_, i) => CHAIN_SCHEMA.depth.min + i);
export function chainRows(): ChainRow[] {
  return DEPTHS.map(chainAt);
}

/** The sigmoid's per-layer factor, sigma'(0) = 0.25, from the library. */
export const SIGMOID_FACTOR = ACTIVATIONS.sigmoid.maxDerivative;
