import type { ComponentChildren } from 'preact';
import type { PlotOptions } from '@observablehq/plot';
import { useRef } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { useInView } from '../kit/hooks.ts';
import type { ChartCaption } from '../kit/export.ts';
import { tr, type Strings } from '../kit/strings.ts';

interface Props {
  name: string;
  strings: Strings;
  options: ((width: number) => PlotOptions) | null;
  fallback?: ComponentChildren;
  /** Title, settings and credit written into the exported file. */
  caption: () => ChartCaption;
  note?: string;
  primary?: boolean;
  maxWidth?: number;
  /** Replaces the plain chart (the boundary editor). */
  children?: ComponentChildren;
}

/** One chart of the lab with its own SVG and PNG export, each holding title, settings and credit. */
export function ChartCard({ name, strings: s, options, fallback, caption, note, primary, maxWidth, children }: Props) {
  const root = useRef<HTMLDivElement>(null);
  // Off-screen charts keep their last drawing (Chart holds it while options are null) and
  // redraw when scrolled back: nine charts of a 30-layer network cost the main thread dearly.
  const visible = useInView(root, '300px');
  const save = async (kind: 'svg' | 'png') => {
    // The live chart, or the build-time one while the live one has not been drawn yet.
    const svg = (root.current?.querySelector('.fig-chart__live svg.vg-plot') ?? root.current?.querySelector('.fig-chart__static svg.vg-plot')) as SVGSVGElement | null;
    if (!svg) return;
    // The exporters are loaded on the first save (kit/FigureShell does the same).
    const { captionedSvg, download, svgTextToPng } = await import('../kit/export.ts');
    const c = captionedSvg(svg, caption());
    const file = `lab-${name}.${kind}`;
    if (kind === 'svg') download(file, new Blob([c.text], { type: 'image/svg+xml' }));
    else download(file, await svgTextToPng(c.text, c.width, c.height));
  };
  const title = caption().title;
  return (
    <div class={`lab-card lab-card--${name}`} ref={root} data-chart={name}>
      {children ?? <Chart options={visible ? options : null} fallback={fallback} primary={primary} maxWidth={maxWidth} />}
      {note && <p class="fig-note">{note}</p>}
      <div class="lab-card__actions">
        <button type="button" class="btn btn--tiny" aria-label={tr(s, 'widget.lab.saveSvg', { chart: title })} onClick={() => save('svg')}>SVG</button>
        <button type="button" class="btn btn--tiny" aria-label={tr(s, 'widget.lab.savePng', { chart: title })} onClick={() => save('png')}>PNG</button>
      </div>
    </div>
  );
}
