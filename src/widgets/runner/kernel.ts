// Which matrix kernel the runner trains with. The worker and Node (the build's figures,
// the unit tests) use the wasm SIMD kernel. A page's main thread keeps the JS kernel: its
// fallback engine serves browsers without workers, page bundles then carry no kernel
// bytes, and a page under a CSP without 'wasm-unsafe-eval' could not compile them anyway.
// Both kernels give the same bits, so no-JS charts, worker charts and main-thread charts
// all agree.
import { wasmKernel, type Kernel } from '../../lib/index.ts';
import { kernelWasmBytes } from '../../lib/wasm/bytes.ts';

/** The wasm SIMD kernel, or null where it cannot run (no SIMD, or wasm refused). */
export function simdKernel(): Kernel | null {
  return wasmKernel(kernelWasmBytes());
}

/**
 * The kernel of a session whose caller names none: wasm on the server (Vite's SSR flag is
 * a constant, so page bundles drop this branch and the kernel's bytes), JS in a page.
 */
export function defaultKernel(): Kernel | null {
  return import.meta.env.SSR ? simdKernel() : null;
}
