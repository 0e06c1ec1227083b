// The explorer's maths as a service: one call per settings change, reusing the weights when
// only the activation changed (they do not depend on it). The explore worker runs it off the
// main thread; the island runs the same code in small tasks when there is no worker.
import type { Network } from '../../lib/index.ts';
import { exploreFinish, exploreGradients, explorerNetwork, type InitExplorerResult, type InitExplorerValues } from './model.ts';

/** What decides the weights: everything but the activation. */
export const weightsKey = (v: InitExplorerValues): string => `${v.depth}|${v.width}|${v.init}|${v.seed}`;
/** What decides the result. */
export const resultKey = (v: InitExplorerValues): string => `${weightsKey(v)}|${v.activation}`;

/** explore(explorerNetwork(v), v), with the last network kept for the next call. */
export function createExplorer(): (v: InitExplorerValues) => InitExplorerResult {
  let net: { key: string; net: Network } | null = null;
  return (v) => {
    const key = weightsKey(v);
    if (net?.key !== key) net = { key, net: explorerNetwork({ ...v, activation: 'relu' }) };
    return exploreFinish(exploreGradients(net.net, v));
  };
}

/** A request to the explore worker, and its answer. */
export interface ExploreRequest {
  id: number;
  v: InitExplorerValues;
}
export type ExploreReply = { id: number; result: InitExplorerResult } | { id: number; error: string };

/**
 * The result with every array in a buffer of its own, and those buffers: posting them as
 * transferables hands the ~2 MB of a 50 × 64 network to the page without a copy, so reading
 * the message costs the page almost nothing. Copies, because src/lib may hand out views of
 * buffers it reuses (and a buffer can be transferred only once).
 */
export function transferable(r: InitExplorerResult): { result: InitExplorerResult; buffers: ArrayBuffer[] } {
  const activations = r.activations.map((a) => a.slice());
  const weightGrads = r.weightGrads.map((a) => a.slice());
  return { result: { ...r, activations, weightGrads }, buffers: [...activations, ...weightGrads].map((a) => a.buffer as ArrayBuffer) };
}

/** One request in flight, and only the newest one waiting behind it. */
export interface LatestOnly<T> {
  /** Asks for `req`; it replaces whatever was waiting. */
  want(req: T): void;
  /** Nothing is wanted any more (the settings went back to what is on screen). */
  cancel(): void;
  /** The answer to `id` arrived: true when it answers the newest request (nothing waits then). */
  done(id: number): boolean;
  /** The newest request not yet answered, if any. */
  wanted(): T | null;
}

/**
 * A reader dragging depth from 1 to 50 asks for 50 results in a second: the worker computes
 * the one in flight and then only the newest, so the chart catches up with the slider instead
 * of replaying every value in between.
 */
export function latestOnly<T>(send: (id: number, req: T) => void): LatestOnly<T> {
  let next = 0;
  let waiting: { id: number; req: T } | null = null;
  let inFlight: number | null = null;
  const pump = () => {
    if (inFlight !== null || !waiting) return;
    inFlight = waiting.id;
    send(waiting.id, waiting.req);
  };
  return {
    want(req) {
      waiting = { id: ++next, req };
      pump();
    },
    cancel() {
      waiting = null;
    },
    done(id) {
      inFlight = null;
      if (waiting?.id === id) {
        waiting = null;
        return true;
      }
      pump();
      return false;
    },
    wanted: () => waiting?.req ?? null,
  };
}
