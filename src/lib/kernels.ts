// The dense kernels behind forward and backward passes. All three products of
// backprop are written as C = A B^T over row-major arrays, so every inner loop
// is a dot product of two contiguous rows; the callers transpose the cheap
// O(n) operands instead. Blocking 2 rows of A by 2 rows of B keeps four
// independent accumulators and halves the loads per multiply-add.

/**
 * c[p * Q + q] = (bias ? bias[q] : 0) + sum_k a[p * K + k] * b[q * K + k], for p < P, q < Q.
 * Mutates c.
 */
export function abt(a: Float64Array, b: Float64Array, c: Float64Array, P: number, Q: number, K: number, bias: Float64Array | null): void {
  let p = 0;
  for (; p + 1 < P; p += 2) {
    const a0 = p * K;
    const a1 = a0 + K;
    const c0 = p * Q;
    const c1 = c0 + Q;
    let q = 0;
    for (; q + 1 < Q; q += 2) {
      const b0 = q * K;
      const b1 = b0 + K;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = a[a0 + k], x1 = a[a1 + k], y0 = b[b0 + k], y1 = b[b1 + k];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      const z0 = bias === null ? 0 : bias[q];
      const z1 = bias === null ? 0 : bias[q + 1];
      c[c0 + q] = z0 + s00;
      c[c0 + q + 1] = z1 + s01;
      c[c1 + q] = z0 + s10;
      c[c1 + q + 1] = z1 + s11;
    }
    if (q < Q) {
      const b0 = q * K;
      let s0 = 0, s1 = 0;
      for (let k = 0; k < K; k++) {
        const y = b[b0 + k];
        s0 += a[a0 + k] * y;
        s1 += a[a1 + k] * y;
      }
      const z = bias === null ? 0 : bias[q];
      c[c0 + q] = z + s0;
      c[c1 + q] = z + s1;
    }
  }
  if (p < P) {
    const a0 = p * K;
    const c0 = p * Q;
    for (let q = 0; q < Q; q++) {
      const b0 = q * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += a[a0 + k] * b[b0 + k];
      c[c0 + q] = (bias === null ? 0 : bias[q]) + s;
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
