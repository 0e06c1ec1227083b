import { useEffect, useRef, useState } from 'preact/hooks';
import type { Network } from '../../lib/index.ts';
import { latestOnly, resultKey, weightsKey, type ExploreReply, type ExploreRequest, type LatestOnly } from './explorer.ts';
import { exploreFinish, exploreGradients, explorerNetwork, type ExploreHalf, type InitExplorerResult, type InitExplorerValues } from './model.ts';

interface Remote {
  worker: Worker;
  queue: LatestOnly<InitExplorerValues>;
}

/**
 * The explorer's result for the settings `v`. The first one is computed during the first
 * render (hydration shows it at once). After a change the maths runs in a worker of its own
 * (explore.worker.ts), and the previous result stays on screen until the new one arrives:
 * at depth 50 and a phone-class CPU (4× throttling) it was a 100–150 ms main-thread task,
 * garbage collection included, whatever it was split into. Without a worker (or when it
 * fails) the same maths runs on the page in three tasks — the weights (only when depth,
 * width, init or seed changed: the activation reuses them), the gradients, then the
 * activations and the rest. A newer change abandons older work.
 */
export function useExplore(v: InitExplorerValues): InitExplorerResult {
  const key = resultKey(v);
  const net = useRef<{ key: string; net: Network } | null>(null);
  const [result, setResult] = useState<InitExplorerResult>(() => {
    net.current = { key: weightsKey(v), net: explorerNetwork({ ...v, activation: 'relu' }) };
    return exploreFinish(exploreGradients(net.current.net, v));
  });
  const shown = useRef(key);
  const remote = useRef<Remote | null>(null);
  const failed = useRef(false);
  const local = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  /** The page-side path: three tasks, each about a third of the work. */
  const onPage = (want: InitExplorerValues) => {
    clearTimeout(local.current);
    const wk = weightsKey(want);
    let half: ExploreHalf | null = null;
    const steps = [
      () => {
        if (net.current?.key !== wk) net.current = { key: wk, net: explorerNetwork({ ...want, activation: 'relu' }) };
      },
      () => (half = exploreGradients(net.current!.net, want)),
      () => {
        shown.current = resultKey(want);
        setResult(exploreFinish(half!));
      },
    ];
    const run = (i: number) => {
      local.current = setTimeout(() => {
        steps[i]();
        if (i + 1 < steps.length) run(i + 1);
      }, 0);
    };
    run(0);
  };

  const fail = () => {
    failed.current = true;
    const want = remote.current?.queue.wanted();
    remote.current?.worker.terminate();
    remote.current = null;
    if (want) onPage(want);
  };

  // Opening is asynchronous: the worker's starter is imported at the first change only.
  const opening = useRef<Promise<Remote | null> | null>(null);
  const generation = useRef(0);
  const open = (): Promise<Remote | null> => {
    if (remote.current) return Promise.resolve(remote.current);
    if (failed.current || typeof Worker === 'undefined') return Promise.resolve(null);
    opening.current ??= import('./exploreWorker.ts')
      .then(({ startExploreWorker }) => {
        const worker = startExploreWorker();
        const queue = latestOnly<InitExplorerValues>((id, req) => worker.postMessage({ id, v: req } satisfies ExploreRequest));
        worker.onmessage = (e: MessageEvent<ExploreReply>) => {
          const reply = e.data;
          if ('error' in reply) {
            fail();
            return;
          }
          const want = queue.wanted();
          if (queue.done(reply.id) && want) {
            shown.current = resultKey(want);
            setResult(reply.result);
          }
        };
        worker.onerror = (e) => {
          e.preventDefault?.();
          fail();
        };
        worker.onmessageerror = fail;
        // The page-side network is not needed while the worker computes.
        net.current = null;
        remote.current = { worker, queue };
        return remote.current;
      })
      .catch(() => {
        failed.current = true;
        return null;
      });
    return opening.current;
  };

  useEffect(() => {
    const mine = ++generation.current;
    if (key === shown.current) {
      remote.current?.queue.cancel();
      clearTimeout(local.current);
      return;
    }
    const want = v;
    void open().then((r) => {
      // A newer change (or a return to what is shown) has taken over.
      if (mine !== generation.current) return;
      if (r && !failed.current) r.queue.want(want);
      else onPage(want);
    });
  }, [key]);
  useEffect(
    () => () => {
      clearTimeout(local.current);
      remote.current?.worker.terminate();
    },
    [],
  );
  return result;
}
