import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { renderChart, type PlotOptions } from './plot.ts';

interface Props {
  options: PlotOptions;
  /** The chart rendered at build time (an Astro slot); shown until the live chart is drawn. */
  fallback?: ComponentChildren;
  /** Marks the chart that "Save SVG/PNG" exports. */
  primary?: boolean;
  class?: string;
}

/**
 * Draws Plot options into the page. The build-time SVG stays until the first live
 * render replaces it, so there is always exactly one chart. Redraws only when the
 * options object changes: callers memoise it.
 */
export function Chart({ options, fallback, primary, class: cls }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    // Each chart draws in a task of its own, so a figure with four charts never blocks
    // the main thread for the sum of their times.
    const timer = setTimeout(() => {
      const el = host.current;
      if (!el) return;
      el.replaceChildren(renderChart(options));
      setLive(true);
    }, 0);
    return () => clearTimeout(timer);
  }, [options]);
  return (
    <div class={`fig-chart ${cls ?? ''}`} data-primary={primary ? 'true' : undefined} data-live={live ? 'true' : 'false'}>
      {!live && fallback ? <div class="fig-chart__static">{fallback}</div> : null}
      <div class="fig-chart__live" ref={host} />
    </div>
  );
}
