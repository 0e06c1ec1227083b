// Seeded sequence tasks whose answer depends on inputs far back in time, for
// recurrent networks. xs is example-major: xs[(e * steps + t) * inputs + i].
import { createRng } from './rng.ts';

export type SequenceTaskName = 'adding' | 'firstBit';

export interface SequenceTask {
  xs: Float64Array;
  ys: Float64Array;
  inputs: number;
  outputs: number;
  steps: number;
  count: number;
}

/**
 * 'adding' (Hochreiter and Schmidhuber 1997): per step a value from U[0, 1]
 * and a marker, set once in the first half and once in the second; the target
 * is the sum of the two marked values (linear output, mse; predicting 1 always
 * gives mse 1/6). 'firstBit': per step +-1 at random; the target is 1 if the
 * first input was +1, else 0 (sigmoid output, bce).
 */
export function makeSequenceTask(name: SequenceTaskName, options: { steps: number; count: number; seed: number }): SequenceTask {
  const { steps, count, seed } = options;
  if (name !== 'adding' && name !== 'firstBit') throw new Error(`name: unknown sequence task '${String(name)}' (expected adding or firstBit)`);
  const minSteps = name === 'adding' ? 2 : 1;
  if (!Number.isInteger(steps) || steps < minSteps) throw new Error(`steps: must be an integer >= ${minSteps}, got ${String(steps)}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`count: must be an integer >= 1, got ${String(count)}`);
  if (!Number.isFinite(seed)) throw new Error(`seed: must be a finite number, got ${String(seed)}`);
  const rng = createRng(seed);
  const inputs = name === 'adding' ? 2 : 1;
  const xs = new Float64Array(count * steps * inputs);
  const ys = new Float64Array(count);
  const half = steps >> 1;
  for (let e = 0; e < count; e++) {
    const row = e * steps * inputs;
    if (name === 'adding') {
      for (let t = 0; t < steps; t++) xs[row + 2 * t] = rng.next();
      const a = Math.floor(rng.next() * half);
      const b = half + Math.floor(rng.next() * (steps - half));
      xs[row + 2 * a + 1] = 1;
      xs[row + 2 * b + 1] = 1;
      ys[e] = xs[row + 2 * a] + xs[row + 2 * b];
    } else {
      for (let t = 0; t < steps; t++) xs[row + t] = rng.next() < 0.5 ? -1 : 1;
      ys[e] = xs[row] === 1 ? 1 : 0;
    }
  }
  return { xs, ys, inputs, outputs: 1, steps, count };
}
