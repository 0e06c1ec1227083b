// The data shapes shared by every file of the library. Plain data only, so a
// Network survives structuredClone and postMessage to a Web Worker.

export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'gelu' | 'swish' | 'linear' | 'selu';
export type InitName = 'zeros' | 'classic' | 'xavierUniform' | 'xavierNormal' | 'heUniform' | 'heNormal' | 'lecunNormal' | 'orthogonal';
export type LossName = 'mse' | 'bce';
export type InitSpec = InitName | { kind: 'normal'; std: number } | { kind: 'uniform'; limit: number } | { kind: 'orthogonal'; gain: number };
export type NormName = 'none' | 'batch' | 'layer';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export interface NetworkSpec {
  /** [inputs, ...hidden, outputs], e.g. [2, 16, 16, 1]. */
  sizes: number[];
  /** Activation of every hidden layer, or one per hidden layer (sizes.length - 2 names). */
  activation: ActivationName | readonly ActivationName[];
  /** Leaky ReLU slope (default 0.01) and ELU alpha (default 1), shared by every layer that uses one. */
  alpha?: number;
  /** Activation of the output layer, e.g. 'sigmoid' or 'linear'. */
  output: ActivationName;
  init: InitSpec;
  /** Initial value of every bias (default 0). */
  biasInit?: number;
  /** Same spec and seed: bit-identical network, on every platform. */
  seed: number;
  /** Identity skips: a hidden layer l >= 2 whose width equals its input's computes h + s phi(z) (default false). */
  residual?: boolean;
  /** s in h + s phi(z) (default 1). */
  residualScale?: number;
  /** Normalisation of every hidden layer's pre-activation, before phi (default 'none'). */
  norm?: NormName;
}

/** weights are row-major, outputs x inputs: weights[j * inputs + i] connects input i to unit j. */
export interface Layer {
  inputs: number;
  outputs: number;
  weights: Float64Array;
  biases: Float64Array;
  /** Hidden layers when norm is not 'none': z <- gamma (z - mu) / sqrt(var + 1e-5) + beta; start at 1 and 0. */
  gamma?: Float64Array;
  beta?: Float64Array;
  /** Batch norm only: the statistics forward() uses, updated by trainStep (momentum 0.1, unbiased variance). */
  runningMean?: Float64Array;
  runningVar?: Float64Array;
}

export interface Network {
  spec: NetworkSpec;
  layers: Layer[];
}

export interface LayerStats {
  /** L2 norm of dLoss/dW for this layer. */
  weightGradNorm: number;
  /** L2 norm of dLoss/db for this layer. */
  biasGradNorm: number;
  /** Root mean square of dLoss/dz over the batch and the units. */
  deltaRms: number;
  /** Mean of the layer's outputs over the batch and the units. */
  activationMean: number;
  /** Standard deviation of the layer's outputs over the batch and the units. */
  activationStd: number;
  /** Units whose pre-activation is <= 0 for every example (0 unless the activation can die: ReLU). */
  deadFraction: number;
  /** Unit-examples whose activation derivative is below 10% of the activation's maximum derivative. */
  saturatedFraction: number;
  /** ||W_new - W|| / ||W|| of this trainStep (0 from gradients() and from a diverged step). */
  updateRatio: number;
  /** ||W|| (Frobenius) of the weights the batch was evaluated with. */
  weightNorm: number;
}

/**
 * Optimiser state kept by the caller between steps. m and v hold one array per
 * parameter array, in the order [W0, b0, W1, b1, ...], followed by
 * [gamma_l, beta_l] for each normalised layer l in order. For a recurrent
 * network they follow the order of its params.
 */
export interface OptimizerState {
  step: number;
  m: Float64Array[];
  v: Float64Array[];
}

export interface TrainOptions {
  loss: LossName;
  lr: number;
  /** Default 'sgd'. 'momentum' and 'adam' need `state` (see createOptimizerState). */
  optimizer?: OptimizerName;
  state?: OptimizerState;
  /** Momentum coefficient for 'momentum' (default 0.9). */
  momentum?: number;
  /** Adam coefficients (defaults 0.9, 0.999, 1e-8). */
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Rescale the gradient so that its global L2 norm is at most this. */
  clipNorm?: number;
  /**
   * Which per-layer stats trainStep computes (default 'all'). 'gradients' computes only
   * weightGradNorm and biasGradNorm (the global gradNorm needs them) and sets the other
   * stats to NaN: for steps whose stats nobody draws.
   */
  stats?: 'all' | 'gradients';
}

export interface StepResult {
  /** Loss of the batch before the update. */
  loss: number;
  /** Global L2 norm of the gradient, before clipping. */
  gradNorm: number;
  /** True when the loss or any updated parameter was not finite; the network and state were then left untouched. */
  diverged: boolean;
  layers: LayerStats[];
}

export type CellName = 'rnn' | 'lstm';

export interface RecurrentSpec {
  cell: CellName;
  inputs: number;
  hidden: number;
  outputs: number;
  /** rnn only, default 'tanh'. */
  activation?: 'tanh' | 'relu';
  output: 'linear' | 'sigmoid';
  /** Input and output weights. */
  init: InitSpec;
  /** Default: init. 'identity' is Le et al. 2015. */
  recurrentInit?: InitSpec | 'identity';
  /** lstm only: initial forget-gate bias, default 1. */
  forgetBias?: number;
  seed: number;
}

/** One parameter array, row-major rows x cols. */
export interface Param {
  name: string;
  rows: number;
  cols: number;
  data: Float64Array;
}

/** params are Wx, Wh, b, Wy, by, in that order; an lstm stacks its gates i, f, g, o in blocks of `hidden` rows. */
export interface RecurrentNetwork {
  spec: RecurrentSpec;
  params: Param[];
}

export interface SequenceStepResult {
  loss: number;
  gradNorm: number;
  diverged: boolean;
  /** Entry t (0..steps) is the RMS of dLoss/dh_t over the batch and the units; entry 0 is the initial state's. */
  hiddenGradNorms: Float64Array;
}
