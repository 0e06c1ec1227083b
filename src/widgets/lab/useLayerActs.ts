import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ActivationName } from '../../lib/index.ts';
import { STATE_CHANGE_EVENT } from '../kit/events.ts';
import { quotable, readState, type UrlNotice } from '../kit/params.ts';
import { ACTS_KEY, decodeActs, encodeActs, resizeActs } from './acts.ts';
import { LAB_ID, LAB_SCHEMA, type LabValues } from './settings.ts';

export interface LayerActs {
  /** One activation per hidden layer, always `depth` long (new layers take the global activation). */
  acts: ActivationName[];
  /** Sets hidden layer i's (0-based) activation; layers from..to when `to` is given. */
  set(i: number, name: ActivationName, to?: number): void;
  /** A link whose list could not be used: refused whole, in the kit's notice format. */
  rejected: UrlNotice[];
  dismiss(): void;
}

/**
 * The per-layer activations, mirrored in the page URL under ACTS_KEY while the lab is in
 * per-layer mode, so a link carries them.
 */
export function useLayerActs(v: Pick<LabValues, 'depth' | 'activation' | 'actMode'>): LayerActs {
  const [list, setList] = useState<ActivationName[]>([]);
  const [rejected, setRejected] = useState<UrlNotice[]>([]);
  const ready = useRef(false);
  // The address as the page opened: by the time effects run, the figure state's first write
  // may already have replaced the lab.* keys (depth among them) with the defaults.
  const opened = useRef(typeof location === 'undefined' ? '' : location.search);
  const acts = useMemo(() => resizeActs(list, v.depth, v.activation), [list, v.depth, v.activation]);
  useEffect(() => {
    const raw = new URLSearchParams(opened.current).get(ACTS_KEY);
    if (raw !== null) {
      // The depth the link itself asks for: the figure state may not have read it yet.
      const decoded = decodeActs(raw, readState(LAB_SCHEMA, LAB_ID, opened.current).values.depth);
      if (decoded) setList(decoded);
      else setRejected([{ name: ACTS_KEY, value: quotable(raw), action: 'ignored' }]);
    }
    ready.current = true;
  }, []);
  const encoded = v.actMode === 'perLayer' ? encodeActs(acts) : null;
  useEffect(() => {
    if (!ready.current) return;
    const params = new URLSearchParams(location.search);
    if (encoded) params.set(ACTS_KEY, encoded);
    else params.delete(ACTS_KEY);
    const s = params.toString();
    const search = s ? `?${s}` : '';
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      dispatchEvent(new CustomEvent(STATE_CHANGE_EVENT));
    }
  }, [encoded]);
  return {
    acts,
    set: (i, name, to = i) => setList(acts.map((a, k) => (k >= i && k <= to ? name : a))),
    rejected,
    dismiss: () => setRejected([]),
  };
}
