/**
 * Pinned runs: up to four earlier runs of the lab, kept (thinned) with their settings so the
 * charts can draw them as ghosts under the current run. Pure: the list is a value, and every
 * change returns a new list. Pins are independent of the trainer, so a Reset (or any new
 * setting) leaves them alone.
 */
import { MAX_GHOSTS } from '../../charts/index.ts';
import type { Divergence, LayerRecord } from '../../runner/session.ts';
import { thinLosses, type LossPoint } from '../../series/index.ts';
import type { LabValues } from '../settings.ts';

/** One pin per ghost a chart can draw. */
export const MAX_PINS = MAX_GHOSTS;
/** Points kept of a pinned loss curve (extremes kept, see thinLosses). */
export const PIN_LOSS_POINTS = 400;
/** Per-layer records kept of a pinned run, evenly spaced, always the first and the last. */
export const PIN_RECORDS = 60;

/** What a pin is taken from: the lab's view of a run (LabView has all of it). */
export interface RunHistory {
  step: number;
  initialLoss: number;
  /** Loss at steps 1..n. */
  losses: number[];
  records: LayerRecord[];
  diverged: Divergence | null;
}

export interface PinnedRun {
  /** 1, 2, 3… in pinning order; never reused while the page is open, so "Run 3" stays Run 3. */
  id: number;
  settings: LabValues;
  step: number;
  diverged: Divergence | null;
  /** Training loss, step 0 first, thinned. */
  losses: LossPoint[];
  /** Per-layer records (with test loss and accuracies where the lab recorded them), thinned. */
  records: LayerRecord[];
}

export interface Pins {
  runs: PinnedRun[];
  /** The id the next pin gets. */
  next: number;
}

export const NO_PINS: Pins = { runs: [], next: 1 };

/** Evenly spaced records, always the first and the latest (the step-0 profile and "now"). */
export function thinRecords(records: readonly LayerRecord[], max = PIN_RECORDS): LayerRecord[] {
  const n = records.length;
  if (n <= max) return records.slice();
  const idx = new Set<number>();
  for (let k = 0; k < max; k++) idx.add(Math.round((k * (n - 1)) / (max - 1)));
  return [...idx].sort((a, b) => a - b).map((i) => records[i]);
}

/** A run as a pin: its settings and its history, thinned so four pins stay small. */
export function pinOf(view: RunHistory, settings: LabValues, id: number): PinnedRun {
  return {
    id,
    settings: { ...settings },
    step: view.step,
    diverged: view.diverged,
    losses: thinLosses(view.losses, view.initialLoss, PIN_LOSS_POINTS),
    records: thinRecords(view.records),
  };
}

/**
 * Adds a pin. With four already pinned, the oldest gives way, and is returned as `replaced`
 * so the reader can be told which one went.
 */
export function addPin(pins: Pins, view: RunHistory, settings: LabValues): { pins: Pins; added: PinnedRun; replaced: PinnedRun | null } {
  const added = pinOf(view, settings, pins.next);
  const full = pins.runs.length >= MAX_PINS;
  const replaced = full ? pins.runs[0] : null;
  const runs = [...(full ? pins.runs.slice(pins.runs.length - MAX_PINS + 1) : pins.runs), added];
  return { pins: { runs, next: pins.next + 1 }, added, replaced };
}

export function removePin(pins: Pins, id: number): Pins {
  return { ...pins, runs: pins.runs.filter((r) => r.id !== id) };
}

/** Whether a view has anything to pin: at least one step trained. */
export const canPin = (view: RunHistory) => view.step > 0 && view.losses.length > 0;
