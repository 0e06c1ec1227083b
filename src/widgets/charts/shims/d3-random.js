// Stand-in for d3-random in the browser bundle (see README.md): Plot seeds random numbers only
// for rasters interpolated from scattered points and for the shuffle option; no chart uses either.
export const randomLcg = () => {
  throw new Error('randomLcg (d3-random) is not bundled: no raster interpolate and no shuffle option');
};
