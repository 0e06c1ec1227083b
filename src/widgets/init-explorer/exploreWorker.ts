/**
 * Starts the explorer's worker. It is a module of its own, imported at the first change, so a
 * reader who never changes a setting never downloads the worker's code (and the library copy
 * inside it).
 */
export function startExploreWorker(): Worker {
  return new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module' });
}
