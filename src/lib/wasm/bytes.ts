// The kernel's bytes, decoded on each call (a few KB, once per worker or build), so this
// module holds no state. Import it only where the wasm kernel runs: the worker and Node.
import { KERNEL_WASM_BASE64 } from './kernel.wasm.ts';

export function kernelWasmBytes(): Uint8Array<ArrayBuffer> {
  const s = atob(KERNEL_WASM_BASE64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
