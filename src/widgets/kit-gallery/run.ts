// The gallery's training run computed here, for the build-time charts and the tests. The island
// does not import this: in the page the worker trains galleryConfig.
import { createSession } from '../runner/session.ts';
import { GALLERY_STEPS, galleryConfig, type GalleryValues } from './model.ts';
import type { GalleryRun } from './view.ts';

export function galleryRun(v: GalleryValues): GalleryRun {
  const session = createSession(galleryConfig(v));
  session.run(GALLERY_STEPS);
  return { layers: session.state().layers, losses: session.lossHistory, records: session.layerHistory, grid: session.grid() };
}
