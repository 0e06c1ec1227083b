// The training loop, written once for both places it runs: inside the module Web Worker
// (worker.ts) and, where workers are unavailable, on the main thread (useTrainer.ts). It
// steps in short time slices and posts at most one snapshot per POST_MS, so neither the page
// nor the message queue is ever flooded.
import { createAnySession, type Steppable } from './sequenceSession.ts';
import { checkToWorker, type FromWorker, type SessionDelta } from './protocol.ts';
import type { HistogramProbe } from './probe.ts';
import type { Kernel } from '../../lib/index.ts';

const POST_MS = 16;
/** Accuracy and the boundary grid cost forward passes; refresh them at most this often... */
const EXTRAS_MS = 150;
/**
 * ...and never let them take more than a tenth of the loop's time. They run in JS (the
 * wasm arena holds only the training batch), so with the wasm kernel a refresh of the
 * 30 x 64 lab costs several steps: at a fifth, the worker spent 1.34x the bare step's
 * CPU per step (npm run bench, budgets part); at a tenth the lab refreshes about twice a
 * second and small figures still every EXTRAS_MS.
 */
const EXTRAS_SHARE = 0.1;

/** The extras' budget (EXTRAS_MS, EXTRAS_SHARE unless given; tests pass their own). */
export interface ExtrasBudget {
  ms?: number;
  share?: number;
}

export interface Engine {
  /** Acts on one message; malformed ones are answered with an error message, never thrown. */
  receive(message: unknown): void;
  /** Stops the loop for good. */
  stop(): void;
}

/**
 * `sliceMs` is how long one slice may train before yielding: 12 ms in the worker, less on
 * the main thread, where the page must stay responsive. `kernel` is the sessions' matrix
 * kernel: the worker passes the wasm one; undefined leaves createSession's default.
 */
export function createEngine(emit: (m: FromWorker) => void, sliceMs = 12, kernel?: Kernel | null, budget: ExtrasBudget = {}): Engine {
  const extrasMs = budget.ms ?? EXTRAS_MS;
  const extrasShare = budget.share ?? EXTRAS_SHARE;
  let sessions: Steppable[] = [];
  /** Some config asked for its partners to keep going after it diverges (SessionConfig.independent). */
  let independent = false;
  let playing = false;
  /** Steps still owed to `step` messages; they run in slices like Play. */
  let owed = 0;
  let generation = 0;
  let sentLoss: number[] = [];
  let sentRecords: number[] = [];
  let lastPost = 0;
  let lastExtras = -Infinity;
  let extrasCost = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const post = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastPost < POST_MS) return;
    lastPost = now;
    // A forced post (pause, the end, a new build, a finished jump) always refreshes: the
    // state the reader is left looking at is never a stale one.
    const extras = force || now - lastExtras >= Math.max(extrasMs, extrasCost / extrasShare);
    let grids: (Float64Array | null)[] = sessions.map(() => null);
    let hists: (HistogramProbe | null)[] = sessions.map(() => null);
    if (extras) {
      lastExtras = now;
      for (const s of sessions) s.evaluate();
      grids = sessions.map((s) => s.grid());
      hists = sessions.map((s) => s.histograms());
      extrasCost = performance.now() - now;
    }
    const deltas: SessionDelta[] = sessions.map((s, i) => {
      const d: SessionDelta = {
        state: s.state(),
        lossFrom: sentLoss[i] + 1,
        losses: s.lossHistory.slice(sentLoss[i]),
        records: s.layerHistory.slice(sentRecords[i]),
        grid: grids[i],
        probe: s.probe(),
        histograms: hists[i],
      };
      sentLoss[i] = s.lossHistory.length;
      sentRecords[i] = s.layerHistory.length;
      return d;
    });
    emit({ type: 'snapshot', generation, playing, sessions: deltas });
  };

  // Paired figures compare runs step for step: once one diverges, all stop at that step.
  // Paired runs stop together once one diverges, unless the pair compares a run with its
  // own failure (config.independent): then the survivor keeps training.
  const stuck = () => (sessions.some((s) => s.state().diverged !== null) && !independent) || sessions.every((s) => s.done());
  const fail = (err: unknown) => {
    playing = false;
    owed = 0;
    emit({ type: 'error', generation, message: err instanceof Error ? err.message : String(err) });
  };

  const loop = () => {
    timer = undefined;
    if (stopped || (!playing && owed === 0)) return;
    try {
      const t0 = performance.now();
      // Lockstep: every session takes the same step before any takes the next.
      while (performance.now() - t0 < sliceMs && (playing || owed > 0)) {
        let any = 0;
        for (const s of sessions) any += s.run(1);
        if (owed > 0) owed--;
        if (any === 0 || stuck()) break;
      }
      if (stuck()) {
        playing = false;
        owed = 0;
      }
      const more = playing || owed > 0;
      post(!more);
      if (more) schedule();
    } catch (err) {
      fail(err);
    }
  };

  const schedule = () => {
    if (timer === undefined && !stopped) timer = setTimeout(loop, 0);
  };

  return {
    receive(raw: unknown) {
      const checked = checkToWorker(raw);
      if ('error' in checked) {
        fail(new Error(checked.error));
        return;
      }
      const m = checked.ok;
      try {
        if (m.type === 'init') {
          // The page numbers the builds, so a replacement worker carries on its count.
          generation = m.generation;
          playing = false;
          owed = 0;
          sessions = m.configs.map((c) => createAnySession(c, kernel));
          independent = m.configs.some((c) => 'independent' in c && c.independent === true);
          sentLoss = sessions.map(() => 0);
          sentRecords = sessions.map(() => 0);
          post(true);
        } else if (m.type === 'play') {
          playing = !stuck();
          owed = 0;
          post(true);
          schedule();
        } else if (m.type === 'pause') {
          playing = false;
          owed = 0;
          post(true);
        } else {
          playing = false;
          owed = stuck() ? 0 : m.n;
          schedule();
          if (owed === 0) post(true);
        }
      } catch (err) {
        fail(err);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
