import { useEffect, useRef, useState, type MutableRef } from 'preact/hooks';
import type { Theme } from '../theme.ts';
import { STATE_CHANGE_EVENT, THEME_CHANGE_EVENT } from './events.ts';
import { readState, writeState, type Schema, type UrlNotice, type Values } from './params.ts';

/** Whether the element is on screen (IntersectionObserver); true where unsupported. */
export function useInView(ref: MutableRef<Element | null>, margin = '0px'): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    // A busy main thread can receive an out-and-in pair in one batch: the newest entry is the truth.
    const io = new IntersectionObserver((entries) => {
      const newest = entries[entries.length - 1];
      if (newest) setInView(newest.isIntersecting);
    }, { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  return inView;
}

/** Whether the tab is visible. */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(typeof document === 'undefined' || document.visibilityState !== 'hidden');
  useEffect(() => {
    const on = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, []);
  return visible;
}

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(mq.matches);
    const on = () => setReduced(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduced;
}

/** The site theme, following the header toggle. Server render assumes light. */
export function useTheme(): Theme {
  const read = (): Theme => (typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  const [theme, setTheme] = useState<Theme>('light');
  useEffect(() => {
    setTheme(read());
    const on = () => setTheme(read());
    addEventListener(THEME_CHANGE_EVENT, on);
    return () => removeEventListener(THEME_CHANGE_EVENT, on);
  }, []);
  return theme;
}

/** A value that changes at most once per `ms` (for aria-live summaries). */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    clearTimeout(timer.current);
    if (wait <= 0) {
      last.current = Date.now();
      setShown(value);
    } else
      timer.current = setTimeout(() => {
        last.current = Date.now();
        setShown(value);
      }, wait);
    return () => clearTimeout(timer.current);
  }, [value]);
  return shown;
}

export interface FigureState<S extends Schema> {
  values: Values<S>;
  set<K extends keyof S>(key: K, value: Values<S>[K]): void;
  setMany(patch: Partial<Values<S>>): void;
  /** Settings in the URL that could not be used as written (FigureShell shows them). */
  rejected: UrlNotice[];
  dismissRejected(): void;
}

/**
 * A figure's settings, mirrored in the page URL under "<figureId>.<name>" so that the
 * address bar is always a link to the experiment on screen. Starts from `initial`
 * (the defaults, read on the server) and takes the URL's values after hydration.
 */
export function useFigureState<S extends Schema>(schema: S, figureId: string, initial: Values<S>): FigureState<S> {
  const [values, setValues] = useState<Values<S>>(initial);
  const [rejected, setRejected] = useState<UrlNotice[]>([]);
  const ready = useRef(false);
  useEffect(() => {
    const parsed = readState(schema, figureId, location.search);
    setValues(parsed.values);
    setRejected(parsed.rejected);
  }, []);
  useEffect(() => {
    // The first run still sees `initial`, before the URL's values are in: writing it would
    // strip the URL's settings until the next render put them back, and a click on the
    // language switcher in between carried the defaults to the other language.
    if (!ready.current) {
      ready.current = true;
      return;
    }
    const search = writeState(schema, figureId, values, location.search);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      dispatchEvent(new CustomEvent(STATE_CHANGE_EVENT));
    }
  }, [values]);
  return {
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    setMany: (patch) => setValues((v) => ({ ...v, ...patch })),
    rejected,
    dismissRejected: () => setRejected([]),
  };
}

/**
 * Whether a figure should be working: on screen and in a visible tab. Both hooks run
 * on every render; `useInView(ref) && usePageVisible()` would skip the second hook
 * whenever the first is false and break Preact's hook order.
 */
export function useActive(ref: MutableRef<Element | null>): boolean {
  const inView = useInView(ref);
  const visible = usePageVisible();
  return inView && visible;
}

/** A measured width in CSS pixels, as useChartWidth reports it: in `stepPx` steps, within [min, max]. */
export function chartWidthOf(px: number, min = 280, max = 760, stepPx = 20): number {
  return Math.min(max, Math.max(min, Math.floor(px / stepPx) * stepPx));
}

/**
 * The width a chart has on screen, in CSS pixels, in `stepPx` steps (so resizing redraws
 * rarely), between `min` and `max`. Drawing at the real width keeps axis text at its real
 * size on phones instead of shrinking a desktop-sized SVG.
 */
export function useChartWidth(ref: MutableRef<Element | null>, fallback = 640, min = 280, max = 760, stepPx = 20): number {
  const [w, setW] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const px = chartWidthOf(entry.contentRect.width, min, max, stepPx);
      setW((old) => (old === px ? old : px));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return w;
}

/**
 * Starts a figure once, the first time it is ready, unless the reader's system asks for
 * reduced motion (then Play and Step still work, but nothing moves by itself).
 */
export function useAutoplayOnce(ready: boolean, play: () => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !ready) return;
    done.current = true;
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) play();
  }, [ready]);
}

/**
 * Keeps a block of live text from shrinking while it updates: its min-height follows the
 * tallest it has been at its current width. A summary that wraps onto one line more, then
 * one less, as its numbers change moved everything below it up and down several times a
 * second: the reader lost their place, and the browser laid out and repainted the rest of
 * the page each time (the longest frames at 4x CPU throttling, npm run bench:ui). A new
 * width starts over, since the text wraps differently there.
 */
export function useNoShrink(ref: MutableRef<HTMLElement | null>): void {
  useEffect(() => (ref.current ? holdHeight(ref.current) : undefined), []);
}

/** useNoShrink's work on one element; returns the way to stop. Does nothing without ResizeObserver. */
export function holdHeight(el: HTMLElement): (() => void) | undefined {
  if (typeof ResizeObserver === 'undefined') return undefined;
  let width = -1;
  let tallest = 0;
  let raf = 0;
  // min-height is read in the element's own box-sizing: measuring in the other one would
  // raise the floor by the padding on every report, for ever.
  const border = getComputedStyle(el).boxSizing === 'border-box';
  const ro = new ResizeObserver(([entry]) => {
    const box = entry.borderBoxSize?.[0];
    const w = entry.contentRect.width;
    const h = border && box ? box.blockSize : entry.contentRect.height;
    if (w !== width) {
      width = w;
      tallest = 0;
      cancelAnimationFrame(raf);
      el.style.minHeight = '';
      // Measured again without the old floor; the observer reports it.
      return;
    }
    if (h > tallest) {
      tallest = h;
      // On the next frame, with whatever else it changes: written here, in the observer's
      // callback, it made the browser lay out and pre-paint the page a second time in the
      // frame it was reported in.
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => (el.style.minHeight = `${Math.ceil(tallest)}px`));
    }
  });
  ro.observe(el);
  return () => {
    ro.disconnect();
    cancelAnimationFrame(raf);
  };
}
