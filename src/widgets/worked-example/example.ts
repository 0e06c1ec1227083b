// The 2-3-1 sigmoid network worked through in the forward-propagation and backpropagation
// chapters: its numbers, its parameters in the chapters' notation, and the forward pass
// computed with src/lib. Both figures (forward-pass, backprop-stepper) build on this module;
// neither imports the other.
import { activation, activationsPerLayer, type Network } from '../../lib/index.ts';
import { superscript } from '../superscript.ts';

/** The worked example of the chapters (forward propagation and backpropagation). */
export const EXAMPLE = {
  x: [1.0, 0.5],
  W1: [
    [0.5, -0.4],
    [0.3, 0.8],
    [-0.6, 0.2],
  ],
  b1: [0.1, -0.2, 0],
  W2: [0.7, -0.5, 0.9],
  b2: 0.2,
  y: 1,
} as const;

export const SIZES = [2, 3, 1];

export interface ParamRef {
  key: string;
  /** 1 = hidden layer, 2 = output layer. */
  layer: 1 | 2;
  kind: 'w' | 'b';
  /** Unit the parameter belongs to (row of W). */
  j: number;
  /** Input it multiplies (column of W); -1 for biases. */
  k: number;
}

/** Every weight and bias, in the order W1 (row-major), b1, W2, b2. */
export const PARAMS: readonly ParamRef[] = [
  ...[0, 1, 2].flatMap((j) => [0, 1].map((k) => ({ key: `w1_${j + 1}${k + 1}`, layer: 1 as const, kind: 'w' as const, j, k }))),
  ...[0, 1, 2].map((j) => ({ key: `b1_${j + 1}`, layer: 1 as const, kind: 'b' as const, j, k: -1 })),
  ...[0, 1, 2].map((k) => ({ key: `w2_${k + 1}`, layer: 2 as const, kind: 'w' as const, j: 0, k })),
  { key: 'b2', layer: 2, kind: 'b', j: 0, k: -1 },
];
export const PARAM_KEYS = PARAMS.map((p) => p.key);

export function exampleValue(p: ParamRef): number {
  if (p.layer === 1) return p.kind === 'w' ? EXAMPLE.W1[p.j][p.k] : EXAMPLE.b1[p.j];
  return p.kind === 'w' ? EXAMPLE.W2[p.k] : EXAMPLE.b2;
}

/** An index in subscript digits: 12 -> ₁₂. */
export const subscript = (i: number) => String(i).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]);

/** The chapter's notation: w¹₁₂ (hidden unit 1, input 2), w²₃ (hidden unit 3 to the output), b¹₂, b². */
export function paramSymbol(p: ParamRef): string {
  if (p.layer === 1) return `${p.kind}${superscript(1)}${subscript(p.j + 1)}${p.kind === 'w' ? subscript(p.k + 1) : ''}`;
  return p.kind === 'w' ? `w${superscript(2)}${subscript(p.k + 1)}` : `b${superscript(2)}`;
}

/** Reads a parameter's value from settings. */
export function paramValue(v: Record<string, unknown>, key: string): number {
  return Number(v[key]);
}

/** A Network (plain data, see src/lib/types.ts) holding the settings' weights and biases. */
export function buildNetwork(v: Record<string, unknown>): Network {
  const w1 = new Float64Array(6);
  const b1 = new Float64Array(3);
  const w2 = new Float64Array(3);
  const b2 = new Float64Array(1);
  for (const p of PARAMS) {
    const x = paramValue(v, p.key);
    if (p.layer === 1) {
      if (p.kind === 'w') w1[p.j * 2 + p.k] = x;
      else b1[p.j] = x;
    } else if (p.kind === 'w') w2[p.k] = x;
    else b2[0] = x;
  }
  return {
    spec: { sizes: SIZES.slice(), activation: 'sigmoid', output: 'sigmoid', init: 'zeros', seed: 1 },
    layers: [
      { inputs: 2, outputs: 3, weights: w1, biases: b1 },
      { inputs: 3, outputs: 1, weights: w2, biases: b2 },
    ],
  };
}

export interface ForwardResult {
  x: number[];
  z1: number[];
  a1: number[];
  z2: number;
  a2: number;
  /** sigma'(z) of each hidden unit and of the output. */
  d1: number[];
  d2: number;
  net: Network;
}

export function forwardPass(v: Record<string, unknown>): ForwardResult {
  const net = buildNetwork(v);
  const x = [Number(v.x1), Number(v.x2)];
  const [h, o] = activationsPerLayer(net, new Float64Array(x), 1);
  const df = activation('sigmoid').df;
  return { x, z1: Array.from(h.z), a1: Array.from(h.a), z2: o.z[0], a2: o.a[0], d1: Array.from(h.z, df), d2: df(o.z[0]), net };
}

/** The example's inputs and parameters as settings, the form forwardPass reads. */
export const EXAMPLE_SETTINGS: Readonly<Record<string, number>> = {
  x1: EXAMPLE.x[0],
  x2: EXAMPLE.x[1],
  ...Object.fromEntries(PARAMS.map((p) => [p.key, exampleValue(p)])),
};
