import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { STATE_CHANGE_EVENT } from '../../kit/events.ts';
import type { UrlNotice } from '../../kit/params.ts';
import type { LabValues } from '../settings.ts';
import type { LabKey } from './diff.ts';
import { readCompare, sideB, writeCompare, type Overrides } from './link.ts';
import { NO_PINS, addPin, removePin, type PinnedRun, type Pins, type RunHistory } from './pins.ts';

/** The lab's pinned runs and its A/B comparison: what the compare panel and the charts read. */
export interface LabCompareModel {
  pins: PinnedRun[];
  /** Pins the current run (A). With four pinned, the oldest goes, and `replaced` says which. */
  pin(view: RunHistory, settings: LabValues): void;
  unpin(id: number): void;
  /** The pin that made way for the newest one, until dismissed or the next change. */
  replaced: { gone: PinnedRun; by: PinnedRun } | null;
  dismissReplaced(): void;
  /** B as A plus its own settings; null when not comparing. */
  overrides: Overrides | null;
  b: LabValues | null;
  startCompare(): void;
  stopCompare(): void;
  /** Sets one of B's settings; setting it back to A's value makes B follow A again. */
  setB<K extends LabKey>(key: K, value: LabValues[K]): void;
  /** B's fields in the link that could not be used as written. */
  rejected: UrlNotice[];
  dismissRejected(): void;
}

/**
 * Pins live only in the page (a Reset or a new setting keeps them; a reload does not). The
 * comparison lives in the URL next to A's settings, written the way useFigureState writes
 * them, so the address bar and the language switcher always carry it.
 */
export function useLabCompare(a: LabValues): LabCompareModel {
  const [pins, setPins] = useState<Pins>(NO_PINS);
  const [replaced, setReplaced] = useState<LabCompareModel['replaced']>(null);
  const [overrides, setOverrides] = useState<Overrides | null>(null);
  const [rejected, setRejected] = useState<UrlNotice[]>([]);
  const ready = useRef(false);
  // One B object per change of A or of B's own settings, so configs built from it stay put.
  const b = useMemo(() => (overrides ? sideB(a, overrides) : null), [a, overrides]);
  useEffect(() => {
    const parsed = readCompare(location.search);
    setOverrides(parsed.overrides);
    setRejected(parsed.rejected);
    ready.current = true;
  }, []);
  useEffect(() => {
    if (!ready.current) return;
    const search = writeCompare(a, overrides, location.search);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      dispatchEvent(new CustomEvent(STATE_CHANGE_EVENT));
    }
  }, [overrides]);
  return {
    pins: pins.runs,
    pin(view, settings) {
      const r = addPin(pins, view, settings);
      setPins(r.pins);
      setReplaced(r.replaced ? { gone: r.replaced, by: r.added } : null);
    },
    unpin(id) {
      setPins((p) => removePin(p, id));
      setReplaced(null);
    },
    replaced,
    dismissReplaced: () => setReplaced(null),
    overrides,
    b,
    startCompare: () => setOverrides((o) => o ?? {}),
    stopCompare: () => setOverrides(null),
    setB(key, value) {
      setOverrides((o) => {
        const next: Overrides = { ...(o ?? {}) };
        if (a[key] === value) delete next[key];
        else next[key] = value;
        return next;
      });
    },
    rejected,
    dismissRejected: () => setRejected([]),
  };
}
