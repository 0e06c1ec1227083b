import { test, expect } from '@playwright/test';
import wabtInit from 'wabt';
import { hydrated } from './support/clean.ts';

// The training worker compiles the WebAssembly SIMD kernel: a worker takes its CSP from
// its own response, not from the page's meta tag. The kernel's bytes ship in the worker's
// script only; a page whose CSP lacks 'wasm-unsafe-eval' refuses wasm, which is why the
// library's wasmKernel() catches the refusal and returns null (unit-tested).
const LAB = '#vanishing-lab';

/** A module using SIMD (v128), as the kernel does. */
async function simdProbe(): Promise<number[]> {
  const wabt = await wabtInit();
  const m = wabt.parseWat('probe.wat', '(module (func (export "f") (result i32) (i32x4.extract_lane 0 (v128.const i32x4 7 0 0 0))))');
  const bytes = Array.from(new Uint8Array(m.toBinary({}).buffer));
  m.destroy();
  return bytes;
}

const compile = (bytes: number[]) => {
  try {
    const m = new WebAssembly.Module(new Uint8Array(bytes));
    return `ok ${String((new WebAssembly.Instance(m).exports.f as () => number)())}`;
  } catch (e) {
    return `refused: ${e instanceof Error ? e.name : String(e)}`;
  }
};

test('the training worker compiles SIMD wasm, and the kernel ships in the worker only', async ({ page }) => {
  const bytes = await simdProbe();
  const workerReady = page.waitForEvent('worker');
  await page.goto('/en/vanishing-gradient/');
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await hydrated(page, LAB);
  const worker = await workerReady;
  expect(await worker.evaluate(compile, bytes)).toBe('ok 7');
  // The kernel's bytes (base64 of "\0asm" starts "AGFzbQ") are in the worker's script, in no page script.
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => u.endsWith('.js')));
  expect(scripts.length).toBeGreaterThan(3);
  const workerCode = await (await page.request.get(worker.url())).text();
  expect(workerCode).toContain('AGFzbQ');
  for (const url of scripts.filter((u) => u !== worker.url())) expect(await (await page.request.get(url)).text(), url).not.toContain('AGFzbQ');
});

test('a page whose CSP lacks wasm-unsafe-eval refuses to compile wasm (what wasmKernel() turns into null)', async ({ page }) => {
  const bytes = await simdProbe();
  await page.goto('/en/');
  await page.setContent(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'"><p>probe</p>`);
  expect(await page.evaluate(compile, bytes)).toMatch(/^refused: CompileError/);
});
