// Everything the phase-diagram figure displays, derived from the map and the probe:
// chart options, the summary and the data table. Shared by the build and the island.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, neutral, perLayerChart, type Theme } from '../charts/index.ts';
import { base } from '../charts/common.ts';
import { formatNumber, formatPercent, formatSci, formatSig } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { GRID_COLS, GRID_ROWS, MARKERS, SB2_RANGE, SW2_RANGE, WIDTH, meanRatio, meanSaturated, phaseOf, type PhaseMap, type Probe } from './model.ts';

const K = 'widget.phaseDiagram';
/**
 * |ln χ1| beyond this is drawn at full colour: the map is about the sign and the scale near
 * the edge. ±0.6 is χ1 below about 0.55 or above 1.8; tanh's chaotic side never gets far past
 * ln χ1 = 0.3 in this range, so a wider clamp would leave it nearly white.
 */
export const LOG_CHI_CLAMP = 0.6;

export function mapHeight(width: number): number {
  return Math.round(Math.max(240, Math.min(420, width * 0.62)));
}

/** The map: ln χ1 per cell (blue ordered, red chaotic), the χ1 = 1 line, Xavier and He, and the chosen point. */
export function mapChart(map: PhaseMap, point: { sw2: number; sb2: number }, s: Strings, theme: Theme, width = 640): PlotOptions {
  const dx = (SW2_RANGE[1] - SW2_RANGE[0]) / GRID_COLS;
  const dy = (SB2_RANGE[1] - SB2_RANGE[0]) / GRID_ROWS;
  const cells = map.cells.map((c) => ({ x1: c.sw2 - dx / 2, x2: c.sw2 + dx / 2, y1: c.sb2 - dy / 2, y2: c.sb2 + dy / 2, v: Math.log(c.chi1) }));
  const markers = MARKERS.map((m) => ({ ...m, label: tr(s, `${K}.marker.${m.key}`) }));
  return {
    ...base(theme, width, mapHeight(width)),
    ariaLabel: tr(s, `${K}.chart.map`, { act: tr(s, `kit.act.${map.activation}`) }),
    x: { label: tr(s, `${K}.axis.sw2`), domain: SW2_RANGE, grid: false },
    y: { label: tr(s, `${K}.axis.sb2`), domain: SB2_RANGE, grid: false },
    color: { type: 'diverging', scheme: 'BuRd', pivot: 0, domain: [-LOG_CHI_CLAMP, LOG_CHI_CLAMP], clamp: true },
    marks: [
      Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'v', inset: 0, shapeRendering: 'crispEdges' }),
      Plot.line(map.critical, { x: 'sw2', y: 'sb2', stroke: '#111', strokeWidth: 2.5 }),
      Plot.line(map.critical, { x: 'sw2', y: 'sb2', stroke: '#fff', strokeWidth: 1, strokeDasharray: '4 3' }),
      Plot.text(map.critical.slice(-1), { x: 'sw2', y: 'sb2', text: () => tr(s, `${K}.edge`), fill: '#111', stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke', textAnchor: 'start', dx: 6, dy: 10, fontWeight: 600 }),
      Plot.dot(markers, { x: 'sw2', y: 'sb2', r: 5, fill: '#111', stroke: '#fff', strokeWidth: 1.5 }),
      Plot.text(markers, { x: 'sw2', y: 'sb2', text: 'label', fill: '#111', stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke', dy: -12, fontWeight: 600 }),
      Plot.dot([point], { x: 'sw2', y: 'sb2', r: 8, fill: 'none', stroke: '#fff', strokeWidth: 4 }),
      Plot.dot([point], { x: 'sw2', y: 'sb2', r: 8, fill: 'none', stroke: '#111', strokeWidth: 2 }),
    ],
  };
}

/** Measured Var[δ_l]/Var[δ_(l+1)] per layer against the theory's χ1 (dashed). */
export function ratioChart(p: Probe, s: Strings, theme: Theme, width = 640, lang: Lang = 'en'): PlotOptions {
  const colour = activationColour(p.activation, theme);
  const o = perLayerChart(
    [{ key: 'measured', label: tr(s, `${K}.measured`), colour, values: p.ratios }],
    { title: tr(s, `${K}.chart.ratio`), x: tr(s, 'kit.axis.layer'), y: tr(s, `${K}.axis.ratio`), envelope: tr(s, `${K}.theory`) },
    theme,
    { envelope: p.ratios.map(() => p.chi1), width, height: Math.round(Math.max(220, width * 0.45)) },
  );
  const vals = [...p.ratios, p.chi1, 1].filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const n = neutral(theme);
  // Plot's default log ticks print 0.9 as "900m"; these ratios read better as plain decimals.
  o.y = { type: 'log', label: tr(s, `${K}.axis.ratio`), domain: [lo / 1.25, hi * 1.25], grid: true, tickFormat: (d: number) => formatSig(d, lang, 2) };
  o.marks = [Plot.ruleY([1], { stroke: n.muted, strokeOpacity: 0.6 }), ...((o.marks as Plot.Markish[]) ?? [])];
  return o;
}

/** Var[δ_l]/Var[δ_top] per layer, measured, against χ1^(depth − l): the vanishing (or explosion) over the whole depth. */
export function relativeChart(p: Probe, s: Strings, theme: Theme, width = 640): PlotOptions {
  const colour = activationColour(p.activation, theme);
  const theory = p.relative.map((_, i) => p.chi1 ** (p.depth - (i + 1)));
  return perLayerChart(
    [{ key: 'measured', label: tr(s, `${K}.measured`), colour, values: p.relative }],
    { title: tr(s, `${K}.chart.relative`), x: tr(s, 'kit.axis.layer'), y: tr(s, `${K}.axis.relative`), envelope: tr(s, `${K}.theoryPower`) },
    theme,
    { envelope: theory, width, height: Math.round(Math.max(220, width * 0.45)) },
  );
}

export function phaseSummary(p: Probe, s: Strings, lang: Lang): string {
  const phase = phaseOf(p.chi1);
  // Chaotic points have a negative ξ = −1/ln χ1: its size is the depth over which the gradient grows by e.
  // At the edge χ1 is 1 to within rounding and ξ is astronomically large: that is ∞.
  const xi = Math.abs(p.depthScale);
  const depthScale = Number.isFinite(xi) && xi < 1e6 ? formatNumber(xi, lang, 1) : '∞';
  return tr(s, `${K}.summary`, {
    act: tr(s, `kit.act.${p.activation}`),
    sw2: formatNumber(p.sw2, lang, 2),
    sb2: formatNumber(p.sb2, lang, 2),
    q: formatNumber(p.qStar, lang, 3),
    chi: formatNumber(p.chi1, lang, 3),
    phase: tr(s, `${K}.phase.${phase}`),
    xi: depthScale,
    width: formatNumber(WIDTH, lang, 0),
    depth: formatNumber(p.depth, lang, 0),
    measured: formatNumber(meanRatio(p), lang, 3),
    first: formatSci(p.relative[0], lang),
    saturated: formatPercent(meanSaturated(p), lang),
  });
}

export function phaseTable(p: Probe, s: Strings): DataTable {
  const c = `${K}.col`;
  return {
    columns: [tr(s, 'kit.col.layer'), tr(s, `${c}.ratio`), tr(s, `${c}.chi1`), tr(s, `${c}.relative`), tr(s, `${c}.theoryRelative`), tr(s, `${c}.saturated`)],
    rows: p.relative.map((rel, i) => [i + 1, p.ratios[i] ?? NaN, p.chi1, rel, p.chi1 ** (p.depth - (i + 1)), p.saturated[i]]),
  };
}
