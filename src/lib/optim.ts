// SGD, momentum and Adam are one update rule with different settings:
//   m <- mu m + c g                       (c = 1, or 1 - beta1 for Adam)
//   v <- beta2 v + (1 - beta2) g^2        (Adam only)
//   w <- w - lr * u,  u = m                           without v
//                     u = (m / (1 - mu^t)) / (sqrt(v / (1 - beta2^t)) + eps)   with v
// SGD is momentum with mu = 0 (m = g), so it needs no state.
import type { Network, OptimizerState, RecurrentNetwork, TrainOptions } from './types.ts';

/** The update settings for options, written into rule (mutated) so that a step allocates nothing. */
export function updateRule(o: TrainOptions, rule: UpdateRule): UpdateRule {
  const opt = o.optimizer ?? 'sgd';
  const b1 = opt === 'adam' ? (o.beta1 ?? 0.9) : opt === 'momentum' ? (o.momentum ?? 0.9) : 0;
  rule.mu = b1;
  rule.c = opt === 'adam' ? 1 - b1 : 1;
  rule.adaptive = opt === 'adam';
  rule.beta2 = o.beta2 ?? 0.999;
  rule.eps = o.eps ?? 1e-8;
  return rule;
}

export interface UpdateRule {
  mu: number;
  c: number;
  adaptive: boolean;
  beta2: number;
  eps: number;
}

/**
 * Fresh optimiser state for net: zero moments for every parameter array, in
 * the order [W0, b0, W1, b1, ..., gamma_l, beta_l for each normalised layer],
 * or in the order of a recurrent network's params.
 */
export function createOptimizerState(net: Network | RecurrentNetwork): OptimizerState {
  const lengths = 'params' in net
    ? net.params.map((p) => p.data.length)
    : [...net.layers.flatMap((l) => [l.weights.length, l.biases.length]), ...net.layers.flatMap((l) => (l.gamma ? [l.gamma.length, l.gamma.length] : []))];
  const arrays = () => lengths.map((n) => new Float64Array(n));
  return { step: 0, m: arrays(), v: arrays() };
}

/** The parameter arrays of a step, by index: the parameter, its gradient and its backup copy. */
export interface ParamAccess {
  count: number;
  param(i: number): Float64Array;
  grad(i: number): Float64Array;
  bak(i: number): Float64Array;
}

/**
 * Clipping, the update of every parameter and, if any new value is not finite,
 * the exact undo of the whole step (parameters, m, v and step). Returns true
 * when the update stands. mBak and vBak are filled on first use (mutated).
 */
export function applyUpdate(p: ParamAccess, o: TrainOptions, rule: UpdateRule, gradNorm: number, mBak: Float64Array[], vBak: Float64Array[]): boolean {
  const clip = o.clipNorm;
  const scale = clip !== undefined && gradNorm > clip ? clip / gradNorm : 1;
  updateRule(o, rule);
  const state = (o.optimizer ?? 'sgd') === 'sgd' ? null : (o.state ?? null);
  const adaptive = rule.adaptive;
  const n = p.count;
  // Keep copies so that a step which overflows can be undone exactly.
  if (state !== null && mBak.length === 0) {
    for (const m of state.m) {
      mBak.push(new Float64Array(m.length));
      vBak.push(new Float64Array(m.length));
    }
  }
  for (let i = 0; i < n; i++) p.bak(i).set(p.param(i));
  if (state !== null) {
    for (let i = 0; i < n; i++) {
      mBak[i].set(state.m[i]);
      if (adaptive) vBak[i].set(state.v[i]);
    }
  }
  const t = state === null ? 0 : state.step + 1;
  let check = 0;
  for (let i = 0; i < n; i++) {
    check += updateArray(p.param(i), p.grad(i), state === null ? null : state.m[i], state === null || !adaptive ? null : state.v[i], o.lr, scale, rule, t);
  }
  if (check === 0) {
    if (state !== null) state.step = t;
    return true;
  }
  for (let i = 0; i < n; i++) p.param(i).set(p.bak(i));
  if (state !== null) {
    for (let i = 0; i < n; i++) {
      state.m[i].set(mBak[i]);
      if (adaptive) state.v[i].set(vBak[i]);
    }
  }
  return false;
}

/**
 * One update of p (mutated) from gradient g times scale (the clipping factor),
 * with moment arrays m and v (mutated; null for plain SGD). t is the step
 * number from 1, for Adam's bias correction. Returns 0 if every new value is
 * finite and NaN otherwise (x * 0 is NaN exactly when x is not finite).
 */
export function updateArray(p: Float64Array, g: Float64Array, m: Float64Array | null, v: Float64Array | null, lr: number, scale: number, r: UpdateRule, t: number): number {
  let check = 0;
  const n = p.length;
  if (m === null) {
    const k = lr * scale;
    for (let i = 0; i < n; i++) {
      const w = p[i] - k * g[i];
      p[i] = w;
      check += w * 0;
    }
    return check;
  }
  const { mu, c, beta2, eps } = r;
  const adaptive = r.adaptive && v !== null;
  const bc1 = adaptive ? 1 - Math.pow(mu, t) : 1;
  const bc2 = adaptive ? 1 - Math.pow(beta2, t) : 1;
  for (let i = 0; i < n; i++) {
    const gi = g[i] * scale;
    const mi = mu * m[i] + c * gi;
    m[i] = mi;
    let u = mi;
    if (adaptive) {
      const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
      v[i] = vi;
      u = mi / bc1 / (Math.sqrt(vi / bc2) + eps);
    }
    const w = p[i] - lr * u;
    p[i] = w;
    check += w * 0;
  }
  return check;
}
