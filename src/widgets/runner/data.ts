/**
 * A session's data, apart from the session: the train and test sets, the points a scatter plot
 * draws, and the square the decision boundary covers. The islands draw these on the page, so
 * they live here rather than in session.ts: importing session.ts brings the training code with
 * it (network, backprop, optimisers), which a page needs only in the worker.
 */
import { createRng, makeDataset, type Dataset } from '../../lib/index.ts';
import type { SessionConfig } from './session.ts';

/** The square [x0, x1, y0, y1] the decision-boundary grid covers. */
export const GRID_EXTENT: [number, number, number, number] = [-1.6, 1.6, -1.6, 1.6];

/** Explicit points, shuffled (Fisher–Yates with the seeded RNG) and split like makeDataset's sets. */
function pointsDataset(points: [number, number, number][], seed: number, testFraction: number): { train: Dataset; test: Dataset } {
  const rng = createRng(seed);
  const order = points.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nTest = Math.min(order.length - 1, Math.round(order.length * testFraction));
  const part = (idx: number[]): Dataset => {
    const x = new Float64Array(2 * idx.length);
    const y = new Float64Array(idx.length);
    idx.forEach((k, i) => {
      x[2 * i] = points[k][0];
      x[2 * i + 1] = points[k][1];
      y[i] = points[k][2] > 0.5 ? 1 : 0;
    });
    return { x, y, n: idx.length, inputs: 2 };
  };
  return { train: part(order.slice(nTest)), test: part(order.slice(0, nTest)) };
}

/** The train and test sets of a session's data: a named seeded set, or the config's own points. */
export function sessionData(data: SessionConfig['data']): { train: Dataset; test: Dataset } {
  const testFraction = data.testFraction ?? 0.25;
  if (data.points && data.points.length >= 2) return pointsDataset(data.points, data.seed, testFraction);
  return makeDataset(data.name, { n: data.n, noise: data.noise, seed: data.seed, testFraction });
}

/** The training points of a session's data set, for scatter plots. */
export function datasetPoints(data: SessionConfig['data']): { x: number; y: number; label: number }[] {
  const { train } = sessionData(data);
  return Array.from({ length: train.n }, (_, i) => ({ x: train.x[2 * i], y: train.x[2 * i + 1], label: train.y[i] }));
}
