// Every public entry point checks its arguments here, so a bad spec fails
// loudly with the name of the field instead of training on NaN.
import { ACTIVATION_NAMES } from './activations.ts';
import { INIT_NAMES } from './init.ts';
import type { ActivationName, InitSpec, LossName, Network, NetworkSpec, RecurrentNetwork, RecurrentSpec, TrainOptions } from './types.ts';

const NORM_NAMES: readonly string[] = ['none', 'batch', 'layer'];
const LOSS_NAMES: readonly string[] = ['mse', 'bce'];
const OPTIMIZER_NAMES: readonly string[] = ['sgd', 'momentum', 'adam'];
const COEFFICIENTS = ['momentum', 'beta1', 'beta2'] as const;

export function fail(field: string, message: string): never {
  throw new Error(`${field}: ${message}`);
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function checkOptionalFinite(field: string, v: unknown): void {
  if (v !== undefined && !isFiniteNumber(v)) fail(field, `must be a finite number, got ${String(v)}`);
}

export function checkInit(init: InitSpec, field = 'init'): void {
  if (typeof init === 'string') {
    if (!INIT_NAMES.includes(init)) fail(field, `unknown init '${init}' (expected one of ${INIT_NAMES.join(', ')})`);
    return;
  }
  if (typeof init !== 'object' || init === null) fail(field, `must be a name or {kind, std|limit|gain}, got ${String(init)}`);
  if (init.kind === 'normal') {
    checkNonNegative(`${field}.std`, init.std);
  } else if (init.kind === 'uniform') {
    checkNonNegative(`${field}.limit`, init.limit);
  } else if (init.kind === 'orthogonal') {
    checkNonNegative(`${field}.gain`, init.gain);
  } else {
    fail(`${field}.kind`, `unknown init kind '${String((init as { kind: unknown }).kind)}' (expected 'normal', 'uniform' or 'orthogonal')`);
  }
}

export function validateSpec(spec: NetworkSpec): void {
  if (typeof spec !== 'object' || spec === null) fail('spec', 'must be an object');
  const { sizes } = spec;
  if (!Array.isArray(sizes) || sizes.length < 2) fail('sizes', 'must list at least the inputs and the outputs, e.g. [2, 8, 1]');
  sizes.forEach((s, i) => {
    if (!Number.isInteger(s)) fail(`sizes[${i}]`, `must be an integer, got ${String(s)}`);
    if (s < 1) fail(`sizes[${i}]`, `width must be at least 1, got ${s}`);
  });
  const h = spec.activation;
  if (Array.isArray(h)) {
    if (h.length !== sizes.length - 2) fail('activation', `needs one name per hidden layer (${sizes.length - 2}), got ${h.length}`);
    h.forEach((a, i) => ACTIVATION_NAMES.includes(a) || fail(`activation[${i}]`, `unknown activation '${String(a)}'`));
  } else if (!ACTIVATION_NAMES.includes(h as ActivationName)) fail('activation', `unknown activation '${String(h)}'`);
  if (!ACTIVATION_NAMES.includes(spec.output)) fail('output', `unknown activation '${String(spec.output)}'`);
  checkOptionalFinite('alpha', spec.alpha);
  checkInit(spec.init);
  checkOptionalFinite('biasInit', spec.biasInit);
  if (!isFiniteNumber(spec.seed)) fail('seed', `must be a finite number, got ${String(spec.seed)}`);
  if (spec.residual !== undefined && typeof spec.residual !== 'boolean') fail('residual', `must be true or false, got ${String(spec.residual)}`);
  checkOptionalFinite('residualScale', spec.residualScale);
  if (spec.norm !== undefined && !NORM_NAMES.includes(spec.norm)) fail('norm', `unknown norm '${String(spec.norm)}' (expected none, batch or layer)`);
}

export function validateLoss(net: Network | RecurrentNetwork, loss: LossName): void {
  if (!LOSS_NAMES.includes(loss)) fail('loss', `unknown loss '${String(loss)}' (expected 'mse' or 'bce')`);
  // bce takes ln(yhat) and ln(1 - yhat), which only a sigmoid output keeps defined.
  if (loss === 'bce' && net.spec.output !== 'sigmoid') fail('loss', `'bce' needs output 'sigmoid', got '${net.spec.output}'`);
}

function checkArray(field: string, a: Float64Array, expected: number, batch: number): void {
  if (!(a instanceof Float64Array)) fail(field, 'must be a Float64Array');
  if (a.length !== expected) fail('batch', `${batch} examples need ${field}.length ${expected}, got ${a.length}`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) fail(field, `contains a non-finite value (${a[i]}) at index ${i}`);
  }
}

export function checkBatchSize(batch: number): void {
  if (!Number.isInteger(batch) || batch < 1) fail('batch', `must be an integer >= 1, got ${String(batch)}`);
}

/** Checks batch, x (batch x inputs) and, when given, y (batch x outputs). */
export function validateBatch(net: Network, x: Float64Array, y: Float64Array | null, batch: number): void {
  checkBatchSize(batch);
  const layers = net.layers;
  checkArray('x', x, batch * layers[0].inputs, batch);
  if (y !== null) checkArray('y', y, batch * layers[layers.length - 1].outputs, batch);
  // Training-mode batch norm divides by batch - 1 for the running variance, as PyTorch does, which refuses a batch of 1.
  if (y !== null && net.spec.norm === 'batch' && batch < 2) fail('batch', `batch norm needs at least 2 examples, got ${batch}`);
}

export function validateTrainOptions(net: Network | RecurrentNetwork, o: TrainOptions): void {
  if (typeof o !== 'object' || o === null) fail('options', 'must be an object');
  validateLoss(net, o.loss);
  checkNonNegative('lr', o.lr);
  const opt = o.optimizer ?? 'sgd';
  if (!OPTIMIZER_NAMES.includes(opt)) fail('optimizer', `unknown optimizer '${String(opt)}' (expected sgd, momentum or adam)`);
  if (o.stats !== undefined && o.stats !== 'all' && o.stats !== 'gradients') fail('stats', `must be 'all' or 'gradients', got ${String(o.stats)}`);
  // Indexed loops: this runs on every step, and for-of may allocate an iterator.
  for (let i = 0; i < COEFFICIENTS.length; i++) {
    const k = COEFFICIENTS[i];
    const v = o[k];
    if (v !== undefined && !(isFiniteNumber(v) && v >= 0 && v < 1)) fail(k, `must be in [0, 1), got ${String(v)}`);
  }
  if (o.eps !== undefined && !(isFiniteNumber(o.eps) && o.eps > 0)) fail('eps', `must be a finite number > 0, got ${String(o.eps)}`);
  if (o.clipNorm !== undefined && !(isFiniteNumber(o.clipNorm) && o.clipNorm > 0)) fail('clipNorm', `must be a finite number > 0, got ${String(o.clipNorm)}`);
  if (opt !== 'sgd') {
    const s = o.state;
    let count = 0;
    if ('params' in net) count = net.params.length;
    else for (let i = 0; i < net.layers.length; i++) count += net.layers[i].gamma ? 4 : 2;
    if (!s || !Array.isArray(s.m) || s.m.length !== count) fail('state', `optimizer '${opt}' needs the state from createOptimizerState(net)`);
    if (opt === 'adam' && (!Array.isArray(s.v) || s.v.length !== count)) fail('state', `optimizer 'adam' needs the state from createOptimizerState(net)`);
  }
}

export function checkNonNegative(field: string, v: unknown): void {
  if (!isFiniteNumber(v) || v < 0) fail(field, `must be a finite number >= 0, got ${String(v)}`);
}

export function checkCount(field: string, v: unknown): void {
  if (!Number.isInteger(v) || (v as number) < 1) fail(field, `must be an integer >= 1, got ${String(v)}`);
}

export function validateRecurrentSpec(spec: RecurrentSpec): void {
  if (typeof spec !== 'object' || spec === null) fail('spec', 'must be an object');
  if (spec.cell !== 'rnn' && spec.cell !== 'lstm') fail('cell', `unknown cell '${String(spec.cell)}' (expected rnn or lstm)`);
  checkCount('inputs', spec.inputs);
  checkCount('hidden', spec.hidden);
  checkCount('outputs', spec.outputs);
  if (spec.activation !== undefined && spec.activation !== 'tanh' && spec.activation !== 'relu') fail('activation', `must be 'tanh' or 'relu', got '${String(spec.activation)}'`);
  if (spec.output !== 'linear' && spec.output !== 'sigmoid') fail('output', `must be 'linear' or 'sigmoid', got '${String(spec.output)}'`);
  checkInit(spec.init);
  if (spec.recurrentInit !== undefined && spec.recurrentInit !== 'identity') checkInit(spec.recurrentInit, 'recurrentInit');
  checkOptionalFinite('forgetBias', spec.forgetBias);
  if (!isFiniteNumber(spec.seed)) fail('seed', `must be a finite number, got ${String(spec.seed)}`);
}

/** Checks batch, steps, xs (batch x steps x inputs) and, when given, ys (batch x outputs). */
export function validateSequence(net: RecurrentNetwork, xs: Float64Array, ys: Float64Array | null, batch: number, steps: number): void {
  checkCount('batch', batch);
  checkCount('steps', steps);
  checkArray('xs', xs, batch * steps * net.spec.inputs, batch);
  if (ys !== null) checkArray('ys', ys, batch * net.spec.outputs, batch);
}
