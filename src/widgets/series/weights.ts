// Per-layer measures of the weights themselves, for "which layers are learning": the
// library's (src/lib/norms.ts), re-exported so figures import every series helper from one place.
export { driftFromInit, spectralNorms, gradientBound } from '../../lib/index.ts';
