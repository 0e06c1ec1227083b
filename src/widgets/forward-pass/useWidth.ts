import { useEffect, useState, type MutableRef } from 'preact/hooks';

/**
 * The width available to a chart, in CSS pixels, rounded to 40 px steps so that resizing
 * does not redraw on every pixel. Lets a diagram keep its text at its real size on phones
 * instead of shrinking a desktop-sized SVG.
 */
export function useWidth(ref: MutableRef<Element | null>, fallback: number, max: number): number {
  const [w, setW] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const px = Math.min(max, Math.max(280, Math.floor(entry.contentRect.width / 40) * 40));
      setW((old) => (old === px ? old : px));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return w;
}
