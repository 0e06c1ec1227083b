import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { renderChart, type PlotOptions } from './plot.ts';
import { chartWidthOf, useChartWidth } from './hooks.ts';
import { cancelDraw, requestDraw } from './drawQueue.ts';
import { showChart } from './morph.ts';

interface Props {
  /**
   * Plot options, or a function of the width the chart has on screen: drawing at the real
   * width keeps axis text legible on phones instead of shrinking a desktop-sized SVG.
   * null while there is nothing to draw yet: the build-time SVG (or the last chart) stays.
   */
  options: PlotOptions | ((width: number) => PlotOptions) | null;
  /** Bounds for the measured width when `options` is a function. */
  minWidth?: number;
  maxWidth?: number;
  /** The chart rendered at build time (an Astro slot); shown until the live chart is drawn. */
  fallback?: ComponentChildren;
  /** Marks the chart that "Save SVG/PNG" exports. */
  primary?: boolean;
  class?: string;
  /**
   * Called with the data-space x under the pointer while the reader presses and drags
   * on the chart (e.g. to move a point along a curve). Keyboard users get the same
   * control from a slider next to the chart.
   */
  onDragX?: (x: number) => void;
}

type DrawLog = Window & { __vgDraws?: [label: string, optionsMs: number, plotMs: number, showMs: number, elements: number][] };
const now = () => performance.now();

type ScaledSvg = SVGSVGElement & { scale?: (name: string) => { invert?: (v: number) => number } | undefined };

/**
 * Draws Plot options into the page. The build-time SVG stays until the first live
 * render replaces it, so there is always exactly one chart. Redraws only when the
 * options object changes: callers memoise it.
 */
export function Chart({ options, fallback, primary, class: cls, onDragX, minWidth = 260, maxWidth = 760 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const width = useChartWidth(host, 640, minWidth, maxWidth);
  const [live, setLive] = useState(false);
  // The identity the page's draw queue knows this chart by.
  const me = useRef({}).current;
  // What is on screen: a request for the same options at the same width draws nothing.
  const drawn = useRef<{ options: Props['options']; width: number }>({ options: null, width: 0 });
  // The host's width as the ResizeObserver last reported it (after a layout, so reading it
  // costs nothing); 0 until it has.
  const box = useRef(0);
  useEffect(() => {
    const el = host.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      box.current = entry.contentRect.width;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    // Draws take turns with every other chart on the page, one per frame (drawQueue.ts), so
    // no task carries more than one chart's build, style, layout and paint.
    if (options === null) {
      cancelDraw(me);
      return;
    }
    requestDraw(me, () => {
      const el = host.current;
      if (!el) return;
      // The width now, not when the draw was asked for: a draw waits for its turn. The
      // observer's last report costs nothing; measuring the box (only until it has reported,
      // as for the first draw) forces a layout of whatever the page changed since the last
      // frame, inside this task.
      const px = box.current > 0 ? box.current : el.getBoundingClientRect().width;
      const w = px > 0 ? chartWidthOf(px, minWidth, maxWidth) : width;
      const fn = typeof options === 'function';
      if (drawn.current.options === options && (!fn || drawn.current.width === w)) return;
      const t0 = now();
      const o = fn ? options(w) : options;
      const t1 = now();
      // Plot renders the chart in the next task, and the one after shows it: building the
      // options, rendering them and showing the result are three tasks (drawQueue.ts).
      return () => {
        if (!host.current) return;
        const t2 = now();
        const chart = renderChart(o);
        const t3 = now();
        // Showing it is a task of its own too: a redraw edits the chart on screen into the new
        // one (morph.ts), so only what changed is styled, laid out and painted again.
        return () => {
          const at = host.current;
          if (!at) return;
          const t4 = now();
          showChart(at, chart);
          // `npm run bench:ui` with BENCH_DRAWS=1 puts an array here before the page loads,
          // to read each chart's cost per part; otherwise nothing is kept.
          (window as DrawLog).__vgDraws?.push([String(o.ariaLabel ?? '').slice(0, 40), t1 - t0, t3 - t2, now() - t4, at.getElementsByTagName('*').length]);
          drawn.current = { options, width: w };
          setLive(true);
        };
      };
    }, drawn.current.options === null);
  }, [options, typeof options === 'function' ? width : 0]);
  useEffect(() => () => cancelDraw(me), []);

  useEffect(() => {
    const el = host.current;
    if (!el || !onDragX) return;
    let dragging = false;
    const toX = (e: PointerEvent) => {
      const svg = el.querySelector('svg') as ScaledSvg | null;
      const invert = svg?.scale?.('x')?.invert;
      if (!svg || !invert) return;
      const box = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      // The SVG may be scaled down to fit the column: map screen pixels to its own units.
      const px = ((e.clientX - box.left) * (vb && vb.width ? vb.width : box.width)) / box.width;
      const x = invert(px);
      if (Number.isFinite(x)) onDragX(x);
    };
    const down = (e: PointerEvent) => {
      dragging = true;
      el.setPointerCapture(e.pointerId);
      toX(e);
    };
    const move = (e: PointerEvent) => dragging && toX(e);
    const up = () => (dragging = false);
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.style.touchAction = 'pan-y';
    el.style.cursor = 'ew-resize';
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
  }, [onDragX]);
  return (
    <div class={`fig-chart ${cls ?? ''}`} data-primary={primary ? 'true' : undefined} data-live={live ? 'true' : 'false'}>
      {!live && fallback ? <div class="fig-chart__static">{fallback}</div> : null}
      <div class="fig-chart__live" ref={host} />
    </div>
  );
}
