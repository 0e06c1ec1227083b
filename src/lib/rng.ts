import { ln } from './mathx.ts';

/** A seeded random source. Pass it explicitly; the library never uses Math.random. */
export interface Rng {
  /** Uniform on [0, 1), in steps of 2^-32. */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
}

/**
 * mulberry32 (Tommy Ettinger): one 32-bit word of state, passes PractRand to
 * 2^32 outputs, and uses only integer ops, so every engine gives the same
 * stream. Normals come from Marsaglia's polar method with the portable ln.
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  let spare = 0;
  let hasSpare = false;
  const uint32 = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4294967296;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * ln(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
  return { next, normal, uint32 };
}
