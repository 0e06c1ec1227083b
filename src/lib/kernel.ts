// Where a network's arrays live and which matrix product reads them. By default they
// are ordinary Float64Arrays and the products are the JS `abt`. A WebAssembly SIMD
// kernel (wasmKernel) instead gives each network one fixed arena of wasm memory,
// sized once for the network and its training workspace: the products then read
// their operands in place, with no copy per product, and since the memory never
// grows no view of it is ever detached. The wasm product sums every output in the
// same order as `abt` (see scripts/wasm/gen.mjs), so the two give the same bits.

/**
 * c = a b (+ bias): a is P x K, b is K x Q, c is P x Q, row-major. Returns true when
 * done (in wasm), false, leaving c alone, when the caller must use the JS kernel.
 */
export type Product = (a: Float64Array, b: Float64Array, c: Float64Array, P: number, Q: number, K: number, bias: Float64Array | null) => boolean;

/** One network's memory and the product that reads it. */
export interface Arena {
  /** 'js' or 'wasm-simd'. */
  readonly name: string;
  /** n doubles from the arena, zeroed; an ordinary Float64Array once the arena is full. */
  alloc(n: number): Float64Array;
  /** The product, in wasm when every operand lives in this arena and the shape is worth it. */
  readonly ab: Product;
}

/** A compiled kernel: makes one arena per network. */
export interface Kernel {
  readonly name: string;
  /** A fixed arena of `doubles` doubles (as counted by arenaDoubles), or null if the engine refuses the memory. */
  arena(doubles: number): Arena | null;
}

export const JS_ARENA: Arena = Object.freeze({ name: 'js', alloc: (n: number) => new Float64Array(n), ab: () => false });

/** Doubles taken by alloc(n): rounded up to an even count, so every array starts on a 16-byte boundary. */
export const slot = (n: number): number => n + (n & 1);

/**
 * Below this many multiply-adds the call into wasm costs more than it saves, and with
 * one column there is nothing to vectorise: such products stay in JS.
 */
const MIN_WORK = 64;

/**
 * The f64x2 SIMD kernel from `bytes` (the module from scripts/wasm/gen.mjs; the site
 * passes kernelWasmBytes() from src/lib/wasm/bytes.ts). Null when the engine has
 * no SIMD (the module does not validate) or refuses to compile wasm, as a page does
 * under a CSP without 'wasm-unsafe-eval': callers then keep the JS kernel. Compiles
 * synchronously (the module is a few KB, under every engine's limit), so networks can be
 * made without awaiting.
 */
export function wasmKernel(bytes: BufferSource): Kernel | null {
  let module: WebAssembly.Module;
  try {
    if (!WebAssembly.validate(bytes)) return null;
    module = new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
  return {
    name: 'wasm-simd',
    arena(doubles: number): Arena | null {
      const pages = Math.max(1, Math.ceil((doubles * 8) / 65536));
      let memory: WebAssembly.Memory;
      let run: (a: number, b: number, c: number, P: number, Q: number, K: number, bias: number, hasBias: number) => void;
      try {
        // maximum = initial: this memory can never grow, so its views never detach.
        memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
        run = new WebAssembly.Instance(module, { env: { memory } }).exports.ab as typeof run;
      } catch {
        return null;
      }
      const buffer = memory.buffer;
      const size = buffer.byteLength;
      let used = 0;
      const alloc = (n: number): Float64Array => {
        const bytes = slot(n) * 8;
        if (used + bytes > size) return new Float64Array(n);
        const view = new Float64Array(buffer, used, n);
        used += bytes;
        return view;
      };
      const ab: Product = (a, b, c, P, Q, K, bias) => {
        if (Q < 2 || P * Q * K < MIN_WORK || a.buffer !== buffer || b.buffer !== buffer || c.buffer !== buffer || (bias !== null && bias.buffer !== buffer)) return false;
        run(a.byteOffset, b.byteOffset, c.byteOffset, P, Q, K, bias === null ? 0 : bias.byteOffset, bias === null ? 0 : 1);
        return true;
      };
      return { name: 'wasm-simd', alloc, ab };
    },
  };
}
