import { useEffect, useRef, useState } from 'preact/hooks';
import { STATE_CHANGE_EVENT } from '../kit/events.ts';
import { quotable, type UrlNotice } from '../kit/params.ts';
import { POINTS_KEY, SHARE_MAX_POINTS, decodePoints, encodePoints } from './points.ts';
import type { LabPoint } from './settings.ts';

export interface CustomPoints {
  points: LabPoint[];
  set(points: LabPoint[]): void;
  /** A link whose points could not be read: refused whole, in the kit's notice format. */
  rejected: UrlNotice[];
  dismiss(): void;
  /** True when there are too many points for a link (they are left out of it). */
  tooManyToShare: boolean;
}

/**
 * The reader's own points, mirrored in the page URL under POINTS_KEY while they are few
 * enough (SHARE_MAX_POINTS), so a link to a custom experiment carries its data.
 */
export function useCustomPoints(): CustomPoints {
  const [points, setPoints] = useState<LabPoint[]>([]);
  const [rejected, setRejected] = useState<UrlNotice[]>([]);
  const ready = useRef(false);
  useEffect(() => {
    const raw = new URLSearchParams(location.search).get(POINTS_KEY);
    if (raw !== null) {
      const decoded = decodePoints(raw);
      if (decoded) setPoints(decoded);
      else setRejected([{ name: POINTS_KEY, value: quotable(raw), action: 'ignored' }]);
    }
    ready.current = true;
  }, []);
  useEffect(() => {
    if (!ready.current) return;
    const params = new URLSearchParams(location.search);
    const encoded = encodePoints(points);
    if (encoded && points.length) params.set(POINTS_KEY, encoded);
    else params.delete(POINTS_KEY);
    const s = params.toString();
    const search = s ? `?${s}` : '';
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      dispatchEvent(new CustomEvent(STATE_CHANGE_EVENT));
    }
  }, [points]);
  return {
    points,
    set: setPoints,
    rejected,
    dismiss: () => setRejected([]),
    tooManyToShare: points.length > SHARE_MAX_POINTS,
  };
}
