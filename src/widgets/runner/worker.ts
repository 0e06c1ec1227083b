/// <reference lib="webworker" />
// The training loop off the main thread: a thin shell around engine.ts.
import { createEngine } from './engine.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = createEngine((m) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<unknown>) => engine.receive(e.data);
