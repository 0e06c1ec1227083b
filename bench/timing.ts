// Timing for npm run bench that a loaded, shared machine cannot fool easily.
// Timing contenders one after the other lets a burst of other work hit one
// and miss the other; the ratio then swings by +-30 % from run to run. Here
// the contenders alternate in short slices, many rounds, in the same process,
// and each slice counts this thread's CPU time as well as wall time: CPU time
// leaves out the time the scheduler gave to other processes.

/** CPU time of this thread in ms; the process's where Node lacks threadCpuUsage (before 23.9). */
export const threadCpuMs: () => number =
  typeof process.threadCpuUsage === 'function'
    ? () => { const u = process.threadCpuUsage(); return (u.user + u.system) / 1000; }
    : () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
export const cpuClock = typeof process.threadCpuUsage === 'function' ? 'thread CPU time' : 'process CPU time';

export interface Spread { median: number; min: number; max: number; q1: number; q3: number }

/** Median, quartiles (linear interpolation) and range of a non-empty sample. */
export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const x = p * (s.length - 1);
    const lo = Math.floor(x);
    return lo + 1 < s.length ? s[lo] + (x - lo) * (s[lo + 1] - s[lo]) : s[lo];
  };
  return { median: at(0.5), min: s[0], max: s[s.length - 1], q1: at(0.25), q3: at(0.75) };
}

/** "12.3 [11.0-14.1]": the median and the min-max range, with digits decimals. */
export function showSpread(s: Spread, digits: number, suffix = ''): string {
  return `${s.median.toFixed(digits)}${suffix} [${s.min.toFixed(digits)}-${s.max.toFixed(digits)}]`;
}

export interface Contender {
  name: string;
  /** Runs before each of this contender's slices, untimed (e.g. selecting its tfjs backend). */
  before?: () => void | Promise<void>;
  step: (i: number) => unknown;
}

/** Per contender, per round: steps per second of CPU time and of wall time. */
export type Rates = Record<string, { cpu: number[]; wall: number[] }>;

/**
 * Runs the contenders in turn, rounds times, each for a slice of about
 * sliceMs of wall time (and at least one step), after warmUp untimed steps
 * each. The order rotates from round to round, so no contender always runs
 * right after another's garbage.
 */
export async function interleave(contenders: Contender[], { rounds, sliceMs, warmUp = 10 }: { rounds: number; sliceMs: number; warmUp?: number }): Promise<Rates> {
  const rates: Rates = {};
  const counters = new Map<string, number>();
  for (const c of contenders) {
    rates[c.name] = { cpu: [], wall: [] };
    await c.before?.();
    for (let i = 0; i < warmUp; i++) c.step(i);
    counters.set(c.name, warmUp);
  }
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(round + k) % contenders.length];
      await c.before?.();
      let i = counters.get(c.name) as number;
      let n = 0;
      const cpu0 = threadCpuMs();
      const wall0 = performance.now();
      let wall = 0;
      do {
        c.step(i++);
        n++;
        wall = performance.now() - wall0;
      } while (wall < sliceMs);
      const cpu = threadCpuMs() - cpu0;
      counters.set(c.name, i);
      rates[c.name].cpu.push((n * 1000) / Math.max(cpu, 1e-3));
      rates[c.name].wall.push((n * 1000) / wall);
    }
  }
  return rates;
}

/** Per-round ratios a / b, so that a round's load, shared by both, cancels. */
export const ratios = (a: number[], b: number[]): number[] => a.map((x, k) => x / b[k]);

/**
 * Scalar-JS peak in GFLOP/s: a dot product with 4 independent accumulators on
 * L1-resident arrays, in slices of sliceMs, each counted in CPU time. Returns
 * the rate per slice; its median is the peak the bench compares against.
 */
export function scalarPeakSamples(slices: number, sliceMs = 20): { cpu: number[]; wall: number[] } {
  const n = 1024;
  const a = new Float64Array(n).map((_, i) => 1 + (i % 7) * 1e-3);
  const b = new Float64Array(n).map((_, i) => 1 - (i % 5) * 1e-3);
  const dot = () => {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < n; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    return s0 + s1 + s2 + s3;
  };
  let sink = 0;
  for (let r = 0; r < 20000; r++) sink += dot();
  const out = { cpu: [] as number[], wall: [] as number[] };
  const chunk = 200;
  for (let s = 0; s < slices; s++) {
    let reps = 0;
    const cpu0 = threadCpuMs();
    const wall0 = performance.now();
    let wall = 0;
    do {
      for (let r = 0; r < chunk; r++) sink += dot();
      reps += chunk;
      wall = performance.now() - wall0;
    } while (wall < sliceMs);
    const cpu = threadCpuMs() - cpu0;
    const flop = 2 * n * reps;
    out.cpu.push(flop / (Math.max(cpu, 1e-3) / 1000) / 1e9);
    out.wall.push(flop / (wall / 1000) / 1e9);
  }
  // Keeps the loop from being optimised away: sink is never exactly this.
  if (sink === 0.5) out.cpu.push(0);
  return out;
}
