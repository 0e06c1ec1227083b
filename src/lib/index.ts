// The public API of the training library: one explicit list.
export type {
  ActivationName, InitName, InitSpec, LossName, OptimizerName, NetworkSpec, Layer, Network,
  LayerStats, OptimizerState, TrainOptions, StepResult, NormName,
  CellName, RecurrentSpec, Param, RecurrentNetwork, SequenceStepResult,
} from './types.ts';
export type { Rng } from './rng.ts';
export type { Activation } from './activations.ts';
export type { Histogram } from './stats.ts';
export type { Dataset, DatasetName, DatasetOptions } from './datasets.ts';
export type { Kernel, Arena, Product } from './kernel.ts';
export type { NetworkOptions } from './network.ts';
export type { SequenceTask, SequenceTaskName } from './sequence-tasks.ts';

export { createRng } from './rng.ts';
export { wasmKernel } from './kernel.ts';
export { ACTIVATIONS, ACTIVATION_NAMES, activation, sigmoid } from './activations.ts';
export { INIT_NAMES, initScale, initVariance } from './init.ts';
export { createNetwork, cloneNetwork, forward, activationsPerLayer, predictGrid } from './network.ts';
export { gradients } from './backprop.ts';
export { outputLoss } from './loss.ts';
export { trainStep } from './train.ts';
export { createOptimizerState } from './optim.ts';
export { histogram } from './stats.ts';
export { driftFromInit, spectralNorms, gradientBound } from './norms.ts';
export { makeDataset, makeRegression, DATASET_NAMES } from './datasets.ts';
export { sigmoidBound, predictedVarianceRatio } from './theory.ts';
export { meanField } from './meanfield.ts';
export { createRecurrent, forwardSequence, sequenceGradients, trainSequenceStep } from './recurrent.ts';
export { makeSequenceTask } from './sequence-tasks.ts';
