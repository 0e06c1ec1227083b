// Portable elementary functions built only from +, -, *, / and sqrt, which
// IEEE 754 rounds identically everywhere. Math.log, Math.sin and Math.cos are
// not specified to the last bit and differ between JS engines, so anything that
// must be bit-identical across platforms (initial weights, data sets) uses these.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const TWO_PI = 6.283185307179586;

/** Natural logarithm of a finite x > 0. */
export function ln(x: number): number {
  let e = 0;
  // Scaling by powers of two is exact, so x = m * 2^e with m in [1/sqrt2, sqrt2).
  while (x >= 2) { x *= 0.5; e++; }
  while (x < 1) { x *= 2; e--; }
  if (x > SQRT2) { x *= 0.5; e++; }
  // ln m = 2 atanh(t), t = (m - 1)/(m + 1), |t| <= 0.172: 20 odd terms reach 1e-30.
  const t = (x - 1) / (x + 1);
  const t2 = t * t;
  let s = 0;
  for (let k = 39; k >= 1; k -= 2) s = s * t2 + 1 / k;
  return 2 * t * s + e * LN2;
}

/** sin(x) for moderate |x| (the data sets use angles below a few hundred). */
export function sin(x: number): number {
  const r = x - Math.round(x / TWO_PI) * TWO_PI;
  // Taylor series on [-pi, pi]: the term r^31/31! is below 1e-17.
  const r2 = r * r;
  let s = 1;
  for (let k = 31; k >= 3; k -= 2) s = 1 - (r2 / (k * (k - 1))) * s;
  return r * s;
}

/** cos(x) for moderate |x|. */
export function cos(x: number): number {
  return sin(x + TWO_PI / 4);
}
