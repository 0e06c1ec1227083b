/// <reference lib="webworker" />
// The init explorer's worker: the forward and backward pass of a network of up to 50 × 64
// units takes 10–50 ms on a desktop core and several times that on a phone, too long for one
// main-thread task. One message in, one out; the page sends only its newest settings.
import { createExplorer, transferable, type ExploreReply, type ExploreRequest } from './explorer.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const explore = createExplorer();

scope.onmessage = (e: MessageEvent<ExploreRequest>) => {
  const { id, v } = e.data;
  let reply: ExploreReply;
  let buffers: ArrayBuffer[] = [];
  try {
    const t = transferable(explore(v));
    reply = { id, result: t.result };
    buffers = t.buffers;
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply, buffers);
};
