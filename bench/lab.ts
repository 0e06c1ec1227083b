// The lab's throughput claim (issue 13): "at 30 x 64 the worker reaches at least the
// library's bench throughput minus 20 %". Shared by npm run bench (budgets part: the runner's
// loop in Node against the bare library step) and npm run bench:ui (the real worker in
// Chromium, its thread CPU read from a trace, against the same bare step measured here).
// Both sides count CPU time, not wall time: on a shared machine wall time measures the
// neighbours, and the worker's wall rate falls with the machine's load while its cost does not.
import { createNetwork, trainStep, type Kernel } from '../src/lib/index.ts';
import { LAB_DEFAULTS, labConfig, labHref, type LabValues } from '../src/widgets/lab/settings.ts';
import { batchRows, sessionData, type SessionConfig } from '../src/widgets/runner/session.ts';
import { threadCpuMs } from './timing.ts';

/** The lab at the bench's config (c): [2, 64x30, 1] ReLU, He init, batch 128, lr 0.01; the rest the lab's defaults. */
export const LAB_BENCH_VALUES: LabValues = { ...LAB_DEFAULTS, depth: 30, width: 64, activation: 'relu', init: 'heNormal', batch: 128, lr: 0.01 };
export const LAB_BENCH_CONFIG: SessionConfig = labConfig(LAB_BENCH_VALUES);
/** The page bench:ui opens: the same settings as a share link. */
export const LAB_BENCH_URL = labHref('en', LAB_BENCH_VALUES).replace(/#.*$/, '');
/** The worker must reach this share of the library's steps per CPU-second. */
export const LAB_TARGET = 0.8;

/**
 * The library's bare step on the lab's own network and batches, as npm run bench times it:
 * trainStep with its default (all) statistics, SGD, the same kernel the worker uses. Returns
 * one step rate per slice, in steps per second of this thread's CPU time.
 */
export function libraryRates(config: SessionConfig, kernel: Kernel | null, slices = 7, sliceMs = 400): number[] {
  const { train } = sessionData(config.data);
  const batch = config.batchSize ?? train.n;
  const net = createNetwork(config.spec, { kernel, batch });
  const batches = Array.from({ length: 8 }, (_, k) => {
    const x = new Float64Array(2 * batch);
    const y = new Float64Array(batch);
    batchRows(k + 1, batch, train.n).forEach((r, i) => {
      x[2 * i] = train.x[2 * r];
      x[2 * i + 1] = train.x[2 * r + 1];
      y[i] = train.y[r];
    });
    return { x, y };
  });
  const options = { loss: config.loss, lr: config.lr };
  const step = (i: number) => trainStep(net, batches[i % batches.length].x, batches[i % batches.length].y, batch, options);
  let i = 0;
  for (; i < 10; i++) step(i);
  const rates: number[] = [];
  for (let s = 0; s < slices; s++) {
    const c0 = threadCpuMs();
    const w0 = performance.now();
    let n = 0;
    while (performance.now() - w0 < sliceMs) {
      step(i++);
      n++;
    }
    rates.push((n * 1000) / Math.max(1e-3, threadCpuMs() - c0));
  }
  return rates;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** "0.86 (target 0.8: met)". */
export const ratioNote = (ratio: number): string => `${ratio.toFixed(2)} (target ${LAB_TARGET}: ${ratio >= LAB_TARGET ? 'met' : 'NOT met'})`;
