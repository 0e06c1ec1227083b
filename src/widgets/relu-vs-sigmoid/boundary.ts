import * as Plot from '@observablehq/plot';
import { boundaryChart, type BoundaryData, type BoundaryStrings, type Theme } from '../charts/index.ts';
import type { PlotOptions } from '../kit/plot.ts';

/**
 * boundaryChart, with a working raster for live updates. The kit's raster mark passes a
 * constant fillOpacity, and Plot.raster then no longer defaults `fill` to the data, so
 * every cell is drawn in one flat grey. Here the raster names its fill explicitly.
 * (Reported to the kit's owner; once the kit passes `fill`, this wrapper can go.)
 */
export function liveBoundaryChart(data: BoundaryData, s: BoundaryStrings, theme: Theme, width = 320, raster = false): PlotOptions {
  const o = boundaryChart(data, s, theme, width, raster);
  if (!raster) return o;
  const [xmin, xmax, ymin, ymax] = data.extent;
  const values = Array.from(data.grid, (p) => (Number.isFinite(p) ? p : 0.5));
  const marks = [...((o.marks as Plot.Markish[]) ?? [])];
  marks[0] = Plot.raster(values, { width: data.res, height: data.res, x1: xmin, x2: xmax, y1: ymin, y2: ymax, fill: (d: number) => d, fillOpacity: 0.38 });
  return { ...o, marks };
}
