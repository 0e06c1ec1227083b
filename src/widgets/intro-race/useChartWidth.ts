import { useEffect, useState, type MutableRef } from 'preact/hooks';

/**
 * The width a chart has on screen, in CSS pixels, in 20 px steps (so resizing redraws
 * rarely), between `min` and `max`. Drawing at the real width keeps axis text at its
 * real size on phones instead of shrinking a desktop-sized SVG. Used by the three
 * figures of the introduction and sigmoid chapters (a candidate for the kit).
 */
export function useChartWidth(ref: MutableRef<Element | null>, fallback = 640, min = 300, max = 760): number {
  const [w, setW] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const px = Math.min(max, Math.max(min, Math.floor(entry.contentRect.width / 20) * 20));
      setW((old) => (old === px ? old : px));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return w;
}
