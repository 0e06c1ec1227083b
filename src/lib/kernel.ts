// Where a network's arrays live and which matrix product reads them. By default they
// are ordinary Float64Arrays and the product is the JS `abt`. A WebAssembly SIMD
// kernel (wasmKernel) instead gives each network one fixed arena of wasm memory,
// sized once for the network and its training workspace: the products then read
// their operands in place, with no copy per product, and since the memory never
// grows no view of it is ever detached.
import { abt } from './kernels.ts';

/** c = a b^T (+ bias), the contract of `abt` in kernels.ts. Mutates c. */
export type Product = (a: Float64Array, b: Float64Array, c: Float64Array, P: number, Q: number, K: number, bias: Float64Array | null) => void;

/** One network's memory and the product that reads it. */
export interface Arena {
  /** 'js' or 'wasm-simd'. */
  readonly name: string;
  /** n doubles from the arena, zeroed; an ordinary Float64Array once the arena is full. */
  alloc(n: number): Float64Array;
  /** The product: in wasm when every operand lives in this arena, in JS otherwise. */
  readonly abt: Product;
}

/** A compiled kernel: makes one arena per network. */
export interface Kernel {
  readonly name: string;
  /** A fixed arena of `doubles` doubles (as counted by arenaDoubles), or null if the engine refuses the memory. */
  arena(doubles: number): Arena | null;
}

export const JS_ARENA: Arena = Object.freeze({ name: 'js', alloc: (n: number) => new Float64Array(n), abt });

/** Doubles taken by alloc(n): rounded up to an even count, so every array starts on a 16-byte boundary. */
export const slot = (n: number): number => n + (n & 1);

/**
 * Below these sizes the call into wasm costs more than it saves, and with K = 1 there
 * is nothing to vectorise along K: such products stay in JS.
 */
const MIN_K = 2;
const MIN_WORK = 64;

/**
 * The f64x2 SIMD kernel from `bytes` (the module from scripts/wasm/gen.mjs; the site
 * passes kernelWasmBytes() from src/lib/wasm/kernel.wasm.ts). Null when the engine has
 * no SIMD (the module does not validate) or refuses to compile wasm, as a page does
 * under a CSP without 'wasm-unsafe-eval': callers then keep the JS kernel. Compiles
 * synchronously (the module is a few KB, under every engine's limit), so networks can be
 * made without awaiting.
 */
export function wasmKernel(bytes: Uint8Array): Kernel | null {
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
        run = new WebAssembly.Instance(module, { env: { memory } }).exports.abt as typeof run;
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
      const product: Product = (a, b, c, P, Q, K, bias) => {
        if (K >= MIN_K && P * Q * K >= MIN_WORK && a.buffer === buffer && b.buffer === buffer && c.buffer === buffer && (bias === null || bias.buffer === buffer)) {
          run(a.byteOffset, b.byteOffset, c.byteOffset, P, Q, K, bias === null ? 0 : bias.byteOffset, bias === null ? 0 : 1);
        } else abt(a, b, c, P, Q, K, bias);
      };
      return { name: 'wasm-simd', alloc, abt: product };
    },
  };
}
