import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { localiseTick } from './format.ts';

export type PlotOptions = Plot.PlotOptions;

/**
 * Renders Plot options to an element, then makes the result fit this site:
 * - Plot's <style> element is removed; its rules live in global.css, because the CSP
 *   allows no inline <style> (style attributes are allowed).
 * - Plot labels its mark groups with aria-label on <g>, which axe flags as
 *   aria-prohibited-attr; role="group" makes the label legitimate.
 * - The root SVG becomes role="img" with the accessible name given in ariaLabel.
 * - Tick labels are in the reader's number format (Plot writes 0.6 and 12,000 in every
 *   language); the language is the page's unless given, as the build must.
 */
export function renderChart(options: PlotOptions, document?: Document, lang?: Lang): SVGSVGElement | HTMLElement {
  const el = Plot.plot({ ...options, className: 'vg-plot', document } as PlotOptions) as unknown as SVGSVGElement | HTMLElement;
  const pageLang = lang ?? (el.ownerDocument.documentElement.getAttribute('lang') === 'es' ? 'es' : 'en');
  if (pageLang !== 'en') {
    for (const t of Array.from(el.querySelectorAll('g[aria-label$="tick label"] text'))) t.textContent = localiseTick(t.textContent ?? '', pageLang);
  }
  for (const s of Array.from(el.querySelectorAll('style'))) s.remove();
  if (el.tagName.toLowerCase() === 'style') el.remove();
  for (const g of Array.from(el.querySelectorAll('g[aria-label]'))) g.setAttribute('role', 'group');
  const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    if (options.ariaLabel) svg.setAttribute('aria-label', String(options.ariaLabel));
  }
  return el;
}
