import type { ActivationName } from './types.ts';

/** One activation: the function, its derivative next to it, and the facts the stats need. */
export interface Activation {
  readonly name: ActivationName;
  readonly f: (z: number) => number;
  readonly df: (z: number) => number;
  /** Supremum of |f'|; "saturated" means f'(z) < 0.1 * maxDerivative. */
  readonly maxDerivative: number;
  /** True when f' is exactly 0 for z <= 0, so a unit can die (ReLU). */
  readonly canDie: boolean;
  /** The leaky slope or ELU scale in use (0 for the others). */
  readonly alpha: number;
}

export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze([
  'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu', 'swish', 'linear', 'selu',
]);

export const DEFAULT_LEAKY_ALPHA = 0.01;
export const DEFAULT_ELU_ALPHA = 1;

/** Logistic function. For z below -709, exp(-z) overflows to Infinity and the result is exactly 0, never NaN. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

// GELU uses the tanh approximation (Hendrycks and Gimpel 2016), whose exact
// derivative we can write down; the erf form would need an approximate erf.
const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_K = 0.044715;
// SELU's fixed constants (Klambauer et al. 2017, eq. 14), which make mean 0 and
// variance 1 the attracting fixed point under lecunNormal weights.
export const SELU_LAMBDA = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;

function record(name: ActivationName, f: (z: number) => number, df: (z: number) => number, maxDerivative: number, canDie = false, alpha = 0): Activation {
  return Object.freeze({ name, f, df, maxDerivative, canDie, alpha });
}

/** The activation record for a name; alpha is the leaky slope or the ELU scale (defaults 0.01 and 1). */
export function activation(name: ActivationName, alpha?: number): Activation {
  switch (name) {
    case 'sigmoid':
      // sigma' = sigma (1 - sigma) <= 1/4, with equality only at 0.
      return record(name, sigmoid, (z) => { const s = sigmoid(z); return s * (1 - s); }, 0.25);
    case 'tanh':
      return record(name, Math.tanh, (z) => { const t = Math.tanh(z); return 1 - t * t; }, 1);
    case 'relu':
      return record(name, (z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0), 1, true);
    case 'leakyRelu': {
      const a = alpha ?? DEFAULT_LEAKY_ALPHA;
      return record(name, (z) => (z > 0 ? z : a * z), (z) => (z > 0 ? 1 : a), Math.max(1, Math.abs(a)), false, a);
    }
    case 'elu': {
      const a = alpha ?? DEFAULT_ELU_ALPHA;
      return record(name, (z) => (z > 0 ? z : a * (Math.exp(z) - 1)), (z) => (z > 0 ? 1 : a * Math.exp(z)), Math.max(1, Math.abs(a)), false, a);
    }
    case 'gelu':
      return record(
        name,
        (z) => 0.5 * z * (1 + Math.tanh(GELU_C * (z + GELU_K * z * z * z))),
        (z) => {
          const t = Math.tanh(GELU_C * (z + GELU_K * z * z * z));
          return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * z * z);
        },
        1.1289930686587715, // at z = 1.4185, found numerically
      );
    case 'swish':
      return record(
        name,
        (z) => z * sigmoid(z),
        (z) => { const s = sigmoid(z); return s + z * s * (1 - s); },
        1.0998393201288668, // at z = 2.3994, found numerically
      );
    case 'linear':
      return record(name, (z) => z, () => 1, 1);
    case 'selu':
      // The supremum of f' is lambda alpha, approached as z -> 0 from below.
      return record(name, (z) => SELU_LAMBDA * (z > 0 ? z : SELU_ALPHA * (Math.exp(z) - 1)), (z) => SELU_LAMBDA * (z > 0 ? 1 : SELU_ALPHA * Math.exp(z)), SELU_LAMBDA * SELU_ALPHA);
    default:
      throw new Error(`activation: unknown activation '${String(name)}'`);
  }
}

/** Every activation with its default alpha. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = Object.freeze({
  sigmoid: activation('sigmoid'),
  tanh: activation('tanh'),
  relu: activation('relu'),
  leakyRelu: activation('leakyRelu'),
  elu: activation('elu'),
  gelu: activation('gelu'),
  swish: activation('swish'),
  linear: activation('linear'),
  selu: activation('selu'),
});
