/// <reference lib="webworker" />
// The training loop off the main thread: a thin shell around engine.ts. A worker takes its
// CSP from its own response, not from the page's meta tag, so it may compile the wasm
// kernel whatever the page allows; where it cannot (no SIMD), simdKernel() is null and
// training stays in JS, with the same bits.
import { createEngine } from './engine.ts';
import { simdKernel } from './kernel.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = createEngine((m) => scope.postMessage(m), 12, simdKernel());
scope.onmessage = (e: MessageEvent<unknown>) => engine.receive(e.data);
