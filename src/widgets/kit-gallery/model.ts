// The kit gallery: one set of controls that feeds every chart type (see view.ts).
import type { ActivationName, NetworkSpec } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SessionConfig } from '../runner/session.ts';

export const GALLERY_SCHEMA = {
  act: { kind: 'enum', options: ['sigmoid', 'tanh', 'relu', 'leakyRelu'], default: 'sigmoid' },
  x: { kind: 'number', min: -6, max: 6, step: 0.1, default: 1 },
  derivative: { kind: 'bool', default: true },
  colourBy: { kind: 'enum', options: ['weight', 'gradient'], default: 'weight' },
  seed: { kind: 'number', min: 1, max: 999, step: 1, default: 7 },
} as const satisfies Schema;
export type GalleryValues = Values<typeof GALLERY_SCHEMA>;

export const CHART_NAMES = ['fn', 'network', 'histograms', 'layers', 'curves', 'heatmap', 'boundary'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/** The deeper net of the per-layer views. */
export function galleryNet(v: GalleryValues): NetworkSpec {
  return { sizes: [2, 24, 24, 24, 24, 24, 1], activation: v.act as ActivationName, output: 'sigmoid', init: 'xavierNormal', seed: v.seed };
}

/** Steps the gallery trains the deeper net for (on the circle), for the loss, per-layer, heatmap and boundary charts. */
export const GALLERY_STEPS = 60;

/**
 * That run as a training session: at build time for the static charts, and in the page through
 * the figures' worker (the gallery has no training code of its own on the page).
 */
export function galleryConfig(v: GalleryValues): SessionConfig {
  return { spec: galleryNet(v), data: { name: 'circle', n: 160, noise: 0.05, seed: v.seed }, lr: 0.5, loss: 'bce', recordEvery: 5, gridRes: 16, maxSteps: GALLERY_STEPS };
}
