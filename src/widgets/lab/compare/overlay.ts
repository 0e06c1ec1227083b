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

/** A series label with its side in a comparison («A: entrenamiento»), or as it is without one. */
export const sideLabel = (side: Side | null, label: string, s: Strings) => (side ? tr(s, 'widget.lab.compare.series', { side: sideName(side, s), name: label }) : label);
