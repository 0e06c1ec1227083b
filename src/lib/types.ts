// The data shapes shared by every file of the library. Plain data only, so a
// Network survives structuredClone and postMessage to a Web Worker.

export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'gelu' | 'swish' | 'linear';
export type InitName = 'zeros' | 'classic' | 'xavierUniform' | 'xavierNormal' | 'heUniform' | 'heNormal' | 'lecunNormal';
export type LossName = 'mse' | 'bce';
export type InitSpec = InitName | { kind: 'normal'; std: number } | { kind: 'uniform'; limit: number };
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export interface NetworkSpec {
  /** [inputs, ...hidden, outputs], e.g. [2, 16, 16, 1]. */
  sizes: number[];
  /** Activation of every hidden layer. */
  activation: ActivationName;
  /** Leaky ReLU slope (default 0.01) and ELU alpha (default 1). */
  alpha?: number;
  /** Activation of the output layer, e.g. 'sigmoid' or 'linear'. */
  output: ActivationName;
  init: InitSpec;
  /** Initial value of every bias (default 0). */
  biasInit?: number;
  /** Same spec and seed: bit-identical network, on every platform. */
  seed: number;
}

/** weights are row-major, outputs x inputs: weights[j * inputs + i] connects input i to unit j. */
export interface Layer {
  inputs: number;
  outputs: number;
  weights: Float64Array;
  biases: Float64Array;
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
}

/**
 * Optimiser state kept by the caller between steps. m and v hold one array per
 * parameter array, in the order [W0, b0, W1, b1, ...].
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
