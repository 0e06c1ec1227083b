/**
 * The lab's per-layer activations in a share link: run-length names, `labacts=relu*5,tanh*3`
 * (five relu layers, then three tanh), so even 50 layers stay a short link. A value that names
 * an unknown activation, has a bad count or does not add up to the depth is refused whole.
 */
import { ACTIVATION_NAMES, type ActivationName } from '../../lib/index.ts';

// The key and the encoder are shared with the kit's "Open in the lab" links.
export { LAB_LINK_ACTS_KEY as ACTS_KEY, encodeActs } from '../kit/layerActs.ts';

/** The list a link holds for a network of `depth` hidden layers, or null when it is not exactly that. */
export function decodeActs(raw: string, depth: number): ActivationName[] | null {
  const out: ActivationName[] = [];
  for (const run of raw.split(',')) {
    const m = /^([A-Za-z]+)(?:\*(\d{1,3}))?$/.exec(run.trim());
    if (!m || !(ACTIVATION_NAMES as readonly string[]).includes(m[1])) return null;
    const k = m[2] === undefined ? 1 : Number(m[2]);
    if (k < 1 || out.length + k > depth) return null;
    for (let i = 0; i < k; i++) out.push(m[1] as ActivationName);
  }
  return out.length === depth ? out : null;
}

/** list cut or extended to `depth` layers; new layers take `fill` (the global activation). */
export function resizeActs(list: readonly ActivationName[], depth: number, fill: ActivationName): ActivationName[] {
  return Array.from({ length: depth }, (_, i) => list[i] ?? fill);
}
