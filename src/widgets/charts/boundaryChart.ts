import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { base } from './common.ts';
import { classColours, neutral } from './palette.ts';
import { compactDots } from './compactDots.ts';
import type { Theme } from '../theme.ts';

export interface BoundaryData {
  /** res x res predicted probabilities, row-major from (xmin, ymin); as predictGrid returns. */
  grid: ArrayLike<number>;
  res: number;
  extent: [number, number, number, number];
  points: { x: number; y: number; label: number }[];
}

export interface BoundaryStrings {
  title: string;
  x: string;
  y: string;
}

export interface BoundaryOptions {
  width?: number;
  /**
   * Draw the probabilities as one bitmap (fast, for live updates in the browser); without
   * it they are rects, which also render where there is no canvas (the build).
   */
  raster?: boolean;
}

/** The decision boundary as a coarse raster of cells, with the data points on top. */
export function boundaryChart(data: BoundaryData, s: BoundaryStrings, theme: Theme, options: BoundaryOptions = {}): PlotOptions {
  const width = options.width ?? 320;
  const raster = options.raster ?? false;
  const [xmin, xmax, ymin, ymax] = data.extent;
  const dx = (xmax - xmin) / data.res;
  const dy = (ymax - ymin) / data.res;
  const cells: { x1: number; x2: number; y1: number; y2: number; p: number }[] = [];
  if (!raster) for (let r = 0; r < data.res; r++)
    for (let c = 0; c < data.res; c++) {
      const p = data.grid[r * data.res + c];
      cells.push({ x1: xmin + c * dx, x2: xmin + (c + 1) * dx, y1: ymin + r * dy, y2: ymin + (r + 1) * dy, p: Number.isFinite(p) ? p : 0.5 });
    }
  const [c0, c1] = classColours(theme);
  return {
    ...base(theme, width, width),
    marginLeft: 36,
    marginBottom: 32,
    ariaLabel: s.title,
    x: { domain: [xmin, xmax], label: s.x, ticks: 5 },
    y: { domain: [ymin, ymax], label: s.y, ticks: 5 },
    color: { type: 'linear', domain: [0, 1], range: [c0, c1], interpolate: 'rgb' },
    marks: [
      raster
        ? Plot.raster(Array.from(data.grid, (p) => (Number.isFinite(p) ? p : 0.5)), { width: data.res, height: data.res, x1: xmin, x2: xmax, y1: ymin, y2: ymax, fill: Plot.identity, fillOpacity: 0.38 })
        : Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'p', fillOpacity: 0.38 }),
      Plot.dot(data.points, { x: 'x', y: 'y', r: 2.8, fill: (d: { label: number }) => (d.label > 0.5 ? c1 : c0), stroke: neutral(theme).surface, strokeWidth: 0.7, symbol: (d: { label: number }) => (d.label > 0.5 ? 'circle' : 'triangle'), render: compactDots }),
    ],
  };
}
