// Signal propagation in wide random networks (Poole et al. 2016, Schoenholz et
// al. 2017): the fixed point q* of the pre-activation variance, and chi1, the
// per-layer factor of the backpropagated gradient's variance at q*.
import { activation } from './activations.ts';
import type { ActivationName } from './types.ts';

const NODES = 80;

/**
 * Gauss-Hermite nodes and weights for E[f(z)], z ~ N(0, 1): nodes sqrt(2) x_k
 * and weights w_k / sum w, with x_k, w_k for the weight e^(-x^2) found by
 * Newton's method on the orthonormal Hermite recurrence (Numerical Recipes,
 * gauher). An even count puts no node at a kink at 0.
 */
export function gaussHermite(n: number): { z: Float64Array; p: Float64Array } {
  const x = new Float64Array(n), w = new Float64Array(n);
  const m = (n + 1) >> 1;
  let z = 0, pp = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * Math.pow(2 * n + 1, -0.16667);
    else if (i === 1) z -= (1.14 * Math.pow(n, 0.426)) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * x[0];
    else if (i === 3) z = 1.91 * z - 0.91 * x[1];
    else z = 2 * z - x[i - 2];
    for (let it = 0; it < 100; it++) {
      let p1 = 0.7511255444649425, p2 = 0; // pi^(-1/4)
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = w[n - 1 - i] = 2 / (pp * pp);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  const zs = new Float64Array(n), p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    zs[i] = Math.SQRT2 * x[i];
    p[i] = w[i] / total;
  }
  return { z: zs, p };
}

/**
 * q* = the fixed point of q <- sigmaW2 E[phi(sqrt(q) z)^2] + sigmaB2, iterated
 * from q = 1 (Infinity when q grows without bound), chi1 = sigmaW2
 * E[phi'(sqrt(q*) z)^2] (below 1 ordered, above 1 chaotic), and the depth
 * scale -1 / ln chi1 over which gradients vanish or explode (Infinity at chi1 = 1).
 * alpha is the leaky slope or ELU scale.
 */
export function meanField(name: ActivationName, sigmaW2: number, sigmaB2: number, alpha?: number): { qStar: number; chi1: number; depthScale: number } {
  if (!(Number.isFinite(sigmaW2) && sigmaW2 >= 0)) throw new Error(`sigmaW2: must be a finite number >= 0, got ${String(sigmaW2)}`);
  if (!(Number.isFinite(sigmaB2) && sigmaB2 >= 0)) throw new Error(`sigmaB2: must be a finite number >= 0, got ${String(sigmaB2)}`);
  if (alpha !== undefined && !Number.isFinite(alpha)) throw new Error(`alpha: must be a finite number, got ${String(alpha)}`);
  const { f, df } = activation(name, alpha);
  const { z, p } = gaussHermite(NODES);
  const expect = (g: (v: number) => number, q: number) => {
    // At q = Infinity, evaluate the limit far out on the tails, where phi' has settled.
    const s = Number.isFinite(q) ? Math.sqrt(q) : 1e50;
    let e = 0;
    for (let k = 0; k < NODES; k++) e += p[k] * g(s * z[k]);
    return e;
  };
  const map = (q: number) => sigmaW2 * expect((v) => f(v) * f(v), q) + sigmaB2;
  const F = (q: number) => map(q) - q;
  let q = 1;
  let converged = false;
  for (let it = 0; it < 2000; it++) {
    const next = map(q);
    if (!(next <= 1e100)) {
      q = Infinity;
      converged = true;
      break;
    }
    const done = Math.abs(next - q) <= 1e-15 * q + 1e-300;
    q = next;
    if (done) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    // Slow, marginal convergence: the monotone iteration is heading for the
    // nearest root of F in its direction of travel; bracket it and bisect.
    let lo: number, hi: number;
    if (F(q) < 0) {
      lo = 0;
      hi = q;
    } else {
      lo = q;
      hi = 2 * q;
      // Far out, rounding in E[phi^2] outweighs sigmaB2: only a clearly negative F marks a real root.
      const falls = (v: number) => F(v) < -1e-9 * v;
      while (!falls(hi) && hi < 1e100) {
        lo = hi;
        hi *= 2;
      }
      if (!falls(hi)) hi = lo = Infinity;
    }
    for (let it = 0; it < 2000 && Number.isFinite(hi) && hi - lo > 1e-15 * hi + 1e-300; it++) {
      const mid = 0.5 * (lo + hi);
      if (F(mid) >= 0) lo = mid;
      else hi = mid;
    }
    q = Number.isFinite(hi) && F(lo) === 0 ? lo : hi;
  }
  const chi1 = sigmaW2 * expect((v) => df(v) * df(v), q);
  return { qStar: q, chi1, depthScale: chi1 === 1 ? Infinity : -1 / Math.log(chi1) };
}
