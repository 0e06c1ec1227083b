// The kit gallery: one set of controls that feeds every chart type (see view.ts).
import type { Schema, Values } from '../kit/params.ts';

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
