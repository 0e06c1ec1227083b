// The dense kernels behind forward and backward passes. All three products of
// backprop are written as C = A B^T over row-major arrays, so every inner loop
// is a dot product of two contiguous rows; the callers transpose the cheap
// O(n) operands instead.

/**
 * c[p * Q + q] = (bias ? bias[q] : 0) + sum_k a[p * K + k] * b[q * K + k], for p < P, q < Q.
 * Mutates c.
 */
export function abt(a: Float64Array, b: Float64Array, c: Float64Array, P: number, Q: number, K: number, bias: Float64Array | null): void {
  const Q4 = Q - (Q % 4);
  let p = 0;
  // 2 x 4 blocks: 8 accumulators and 6 loads per 8 multiply-adds fit x64's 16
  // float registers; wider blocks spill in V8.
  for (; p + 1 < P; p += 2) {
    const a0 = p * K;
    const c0 = p * Q;
    let q = 0;
    for (; q < Q4; q += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let i = a0, j = q * K, end = a0 + K; i < end; i++, j++) {
        const x0 = a[i], x1 = a[i + K];
        const y0 = b[j], y1 = b[j + K], y2 = b[j + 2 * K], y3 = b[j + 3 * K];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      }
      if (bias !== null) {
        const z0 = bias[q], z1 = bias[q + 1], z2 = bias[q + 2], z3 = bias[q + 3];
        s00 += z0; s01 += z1; s02 += z2; s03 += z3;
        s10 += z0; s11 += z1; s12 += z2; s13 += z3;
      }
      const c1 = c0 + Q + q;
      c[c0 + q] = s00; c[c0 + q + 1] = s01; c[c0 + q + 2] = s02; c[c0 + q + 3] = s03;
      c[c1] = s10; c[c1 + 1] = s11; c[c1 + 2] = s12; c[c1 + 3] = s13;
    }
    for (; q < Q; q++) {
      let s0 = 0, s1 = 0;
      for (let i = a0, j = q * K, end = a0 + K; i < end; i++, j++) {
        const y = b[j];
        s0 += a[i] * y;
        s1 += a[i + K] * y;
      }
      const z = bias === null ? 0 : bias[q];
      c[c0 + q] = s0 + z;
      c[c0 + Q + q] = s1 + z;
    }
  }
  if (p < P) {
    const a0 = p * K;
    const c0 = p * Q;
    for (let q = 0; q < Q; q++) {
      let s = 0;
      for (let i = a0, j = q * K, end = a0 + K; i < end; i++, j++) s += a[i] * b[j];
      c[c0 + q] = s + (bias === null ? 0 : bias[q]);
    }
  }
}

/** out[j * R + i] = m[i * C + j]: transposes an R x C row-major matrix. Mutates out. */
export function transpose(m: Float64Array, out: Float64Array, R: number, C: number): void {
  for (let i = 0; i < R; i++) {
    const r = i * C;
    for (let j = 0; j < C; j++) out[j * R + i] = m[r + j];
  }
}
