// Shared series helpers for the training figures: one definition of each concept.
export { thinLosses, formatLoss, type LossPoint } from './losses.ts';
export { gradNorms, errorRms, firstToLast, gradientRatio } from './layers.ts';
export { LN2, CHANCE_TOLERANCE, CHANCE_MIN_STEPS, COLLAPSE_FACTOR, VANISHING_RATIO, SLOW_RATIO, atChance, outputCollapsed, diagnose, type Diagnosis } from './chance.ts';
export { driftFromInit, spectralNorms, gradientBound } from './weights.ts';
export { errorBound, profileSentence, driftSentence, netSeries, pairProbe, type ProfileView, type NetProfile } from './profile.ts';
