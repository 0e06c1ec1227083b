import { useEffect, useRef, useState } from 'preact/hooks';
import type { Network } from '../../lib/index.ts';
import { exploreFinish, exploreGradients, explorerNetwork, type ExploreHalf, type InitExplorerResult, type InitExplorerValues } from './model.ts';

/**
 * The explorer's result for the settings `v`. The first one is computed during the first
 * render (hydration shows it at once); after a change, the work runs in three tasks of its
 * own — the weights (only when depth, width, init or seed changed: the activation reuses them),
 * the gradients, then the activations and the rest — and the previous result stays on screen
 * until the new one is ready. Each part is a third of the whole, which at depth 50 and a
 * phone-class CPU (4× throttling) was one 90 ms task. A newer change abandons older work.
 */
export function useExplore(v: InitExplorerValues): InitExplorerResult {
  const weightsKey = `${v.depth}|${v.width}|${v.init}|${v.seed}`;
  const net = useRef<{ key: string; net: Network } | null>(null);
  const [result, setResult] = useState<InitExplorerResult>(() => {
    net.current = { key: weightsKey, net: explorerNetwork({ ...v, activation: 'relu' }) };
    return exploreFinish(exploreGradients(net.current.net, v));
  });
  const shown = useRef(`${weightsKey}|${v.activation}`);
  useEffect(() => {
    const key = `${weightsKey}|${v.activation}`;
    if (key === shown.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let half: ExploreHalf | null = null;
    const steps = [
      () => {
        if (net.current?.key !== weightsKey) net.current = { key: weightsKey, net: explorerNetwork({ ...v, activation: 'relu' }) };
      },
      () => (half = exploreGradients(net.current!.net, v)),
      () => {
        shown.current = key;
        setResult(exploreFinish(half!));
      },
    ];
    const run = (i: number) => {
      timer = setTimeout(() => {
        steps[i]();
        if (i + 1 < steps.length) run(i + 1);
      }, 0);
    };
    run(0);
    return () => clearTimeout(timer);
  }, [weightsKey, v.activation]);
  return result;
}
