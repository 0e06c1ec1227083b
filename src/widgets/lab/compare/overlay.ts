/**
 * What the lab's charts overlay on the current run: pinned runs (ghosts) and, in an A/B
 * comparison, B as a second styled series. A and B get two fixed colours of the site's
 * colour-blind-safe set (blue and orange), whatever their activations, so "A" always looks
 * like A; without B the current run keeps its activation's colour.
 */
import { activationColour, type Theme } from '../../charts/index.ts';
import { tr, type Strings } from '../../kit/strings.ts';
import type { LabView } from '../model.ts';
import type { LabValues } from '../settings.ts';
import { sideName, type Side } from './ab.ts';
import type { PinnedRun } from './pins.ts';

export interface LabOverlay {
  pins: readonly PinnedRun[];
  b: { view: LabView; values: LabValues } | null;
}

export const abColour = (side: Side, theme: Theme) => activationColour(side === 'a' ? 'relu' : 'sigmoid', theme);

/**
 * A series label. Without B, the lab's own (full) label. With B, the side and a short role:
 * the chart's main series is just «A» or «B», the others «A prueba», «B paso 0»; two
 * runs' worth of labels must still fit the right margin of a chart 300 px wide.
 */
export function sideLabel(side: Side | null, full: string, short: string | null, s: Strings): string {
  if (!side) return full;
  return short === null ? sideName(side, s) : tr(s, 'widget.lab.compare.series', { side: sideName(side, s), name: short });
}
