// Stand-in for d3-delaunay in the browser bundle (see README.md): the site's rasters are full
// grids, never interpolated from scattered points, and it draws no Voronoi or Delaunay marks.
const missing = () => {
  throw new Error('Delaunay (d3-delaunay) is not bundled: rasters must be full grids (no interpolate option)');
};
export const Delaunay = { from: missing };
export const Voronoi = missing;
