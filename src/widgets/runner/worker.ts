/// <reference lib="webworker" />
// The training loop, off the main thread. It steps in slices of ~12 ms and posts at most
// one snapshot every ~16 ms, so the page never waits on training and never drowns in messages.
import { createSession, type Session } from './session.ts';
import type { FromWorker, SessionDelta, ToWorker } from './protocol.ts';

const SLICE_MS = 12;
const POST_MS = 16;
/** Accuracy and the boundary grid cost forward passes; refresh them at most this often... */
const EXTRAS_MS = 150;
/** ...and never let them take more than a fifth of the worker's time. */
const EXTRAS_SHARE = 0.2;

function start(scope: DedicatedWorkerGlobalScope) {
  let sessions: Session[] = [];
  let playing = false;
  let generation = 0;
  let sentLoss: number[] = [];
  let sentRecords: number[] = [];
  let lastPost = 0;
  let lastExtras = -Infinity;
  let extrasCost = 0;
  let scheduled = false;

  const post = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastPost < POST_MS) return;
    lastPost = now;
    const extras = force || now - lastExtras >= Math.max(EXTRAS_MS, extrasCost / EXTRAS_SHARE);
    let grids: (Float64Array | null)[] = sessions.map(() => null);
    if (extras) {
      lastExtras = now;
      for (const s of sessions) s.evaluate();
      grids = sessions.map((s) => s.grid());
      extrasCost = performance.now() - now;
    }
    const deltas: SessionDelta[] = sessions.map((s, i) => {
      const d: SessionDelta = {
        state: s.state(),
        lossFrom: sentLoss[i] + 1,
        losses: s.lossHistory.slice(sentLoss[i]),
        records: s.layerHistory.slice(sentRecords[i]),
        grid: grids[i],
      };
      sentLoss[i] = s.lossHistory.length;
      sentRecords[i] = s.layerHistory.length;
      return d;
    });
    const msg: FromWorker = { type: 'snapshot', generation, playing, sessions: deltas };
    scope.postMessage(msg);
  };

  // Paired figures compare runs step for step: once one diverges, all stop at that step.
  // A pair that compares a run with its own failure (config.independent) keeps the survivor going.
  const stuck = () => (sessions.some((s) => s.state().diverged !== null) && !sessions.some((s) => s.config.independent)) || sessions.every((s) => s.done());

  const loop = () => {
    scheduled = false;
    if (!playing) return;
    const t0 = performance.now();
    // Lockstep: every session takes the same step before any takes the next.
    while (performance.now() - t0 < SLICE_MS) {
      let any = 0;
      for (const s of sessions) any += s.run(1);
      if (any === 0 || stuck()) break;
    }
    if (stuck()) {
      playing = false;
      post(true);
      return;
    }
    post(false);
    schedule();
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(loop, 0);
  };

  scope.onmessage = (e: MessageEvent<ToWorker>) => {
    const m = e.data;
    try {
      if (m.type === 'init') {
        generation++;
        playing = false;
        sessions = m.configs.map(createSession);
        sentLoss = sessions.map(() => 0);
        sentRecords = sessions.map(() => 0);
        post(true);
      } else if (m.type === 'play') {
        playing = !stuck();
        post(true);
        schedule();
      } else if (m.type === 'pause') {
        playing = false;
        post(true);
      } else if (m.type === 'step') {
        playing = false;
        for (let k = 0; k < m.n && !stuck(); k++) for (const s of sessions) s.run(1);
        post(true);
      }
    } catch (err) {
      playing = false;
      const msg: FromWorker = { type: 'error', generation, message: err instanceof Error ? err.message : String(err) };
      scope.postMessage(msg);
    }
  };
}

start(self as unknown as DedicatedWorkerGlobalScope);
