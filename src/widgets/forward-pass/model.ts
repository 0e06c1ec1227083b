// The forward-pass figure's settings (inputs and every weight of the worked example, see
// ../worked-example/example.ts) and the order in which it steps through the pass.
import type { Schema } from '../kit/params.ts';
import { EXAMPLE, exampleValue, PARAM_KEYS, PARAMS } from '../worked-example/example.ts';

const WEIGHT = { kind: 'number', min: -5, max: 5, step: 0.05 } as const;
const paramSpecs = Object.fromEntries(PARAMS.map((p) => [p.key, { ...WEIGHT, default: exampleValue(p) }])) as Record<
  string,
  { kind: 'number'; min: number; max: number; step: number; default: number }
>;

export const FORWARD_SCHEMA = {
  x1: { kind: 'number', min: -3, max: 3, step: 0.05, default: EXAMPLE.x[0] },
  x2: { kind: 'number', min: -3, max: 3, step: 0.05, default: EXAMPLE.x[1] },
  /** The weight or bias the slider edits. */
  sel: { kind: 'enum', options: PARAM_KEYS, default: 'w1_11' },
  ...paramSpecs,
} as const satisfies Schema;

/** The order of computation: the two inputs, the three hidden units, the output. */
export const ORDER: readonly { layer: number; index: number }[] = [
  { layer: 0, index: 0 },
  { layer: 0, index: 1 },
  { layer: 1, index: 0 },
  { layer: 1, index: 1 },
  { layer: 1, index: 2 },
  { layer: 2, index: 0 },
];
/** Step 0 shows the finished pass; steps 1..ORDER.length highlight one node each. */
export const STEPS = ORDER.length;

/** Whether node (layer, index) has been computed by step `step` (step 0 = all of them). */
export function isComputed(step: number, layer: number, index: number): boolean {
  if (step === 0) return true;
  const pos = ORDER.findIndex((o) => o.layer === layer && o.index === index);
  return pos < step;
}
