// Build-time helpers for the figures' .astro wrappers. Imported only from .astro files, so
// linkedom and the whole dictionaries never reach the browser bundle.
import { parseHTML } from 'linkedom';
import { pick, type Lang } from '../../i18n/index.ts';
import { renderChart, type PlotOptions } from './plot.ts';

export function renderChartToString(options: PlotOptions, lang: Lang): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return renderChart(options, document as unknown as Document, lang).outerHTML;
}

/** The strings an island gets: the kit's, and those under each of its own prefixes ('widget.gdStep.'). */
export function figureStrings(lang: Lang, ...prefixes: string[]): Record<string, string> {
  return Object.assign(pick(lang, 'kit.'), ...prefixes.map((p) => pick(lang, p)));
}

/**
 * Every chart rendered to SVG, keyed `<name>Svg`: the names of the island's slots, which
 * its <Chart fallback> shows until the live chart is drawn (and for readers without JS).
 */
export function renderSlots<K extends string>(charts: Record<K, PlotOptions>, lang: Lang): Record<`${K}Svg`, string> {
  return Object.fromEntries(Object.entries<PlotOptions>(charts).map(([k, o]) => [`${k}Svg`, renderChartToString(o, lang)])) as Record<`${K}Svg`, string>;
}
