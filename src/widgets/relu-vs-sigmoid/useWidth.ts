import { useEffect, useState, type MutableRef } from 'preact/hooks';

/**
 * The width of an element in CSS pixels, rounded down to a multiple of `quantum` so that
 * resizing redraws charts a handful of times, not on every pixel. Charts drawn at the
 * width they are shown at keep their 12 px labels readable on a phone, instead of being
 * scaled down from a desktop width. `fallback` until measured (and on the server).
 */
export function useWidth(ref: MutableRef<Element | null>, fallback: number, quantum = 20): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry.contentRect.width / quantum) * quantum;
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return width;
}
