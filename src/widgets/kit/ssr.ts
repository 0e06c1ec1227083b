// Build-time rendering of charts. Imported only from .astro files, so linkedom never
// reaches the browser bundle.
import { parseHTML } from 'linkedom';
import { renderChart, type PlotOptions } from './plot.ts';

export function renderChartToString(options: PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return renderChart(options, document as unknown as Document).outerHTML;
}
