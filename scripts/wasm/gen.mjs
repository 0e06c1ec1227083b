// Generates the WebAssembly SIMD kernel of src/lib (C = A B^T, the form of the JS
// `abt` in src/lib/kernels.ts) as WAT, assembles it with wabt and writes the bytes,
// base64, into src/lib/wasm/kernel.wasm.ts. The WAT is templated because the register
// blocks are unrolled: 2 x 4 blocks (8 f64x2 accumulators and 6 loads, which fit x64's 16
// vector registers; perf.md §6 measured 2 x 4 as the best nt block), then 2 x 1, 1 x 4 and
// 1 x 1 blocks for the edges, so every shape runs in wasm. Plain f64x2 mul and add only:
// no relaxed FMA (its rounding is implementation-defined) and no f32, so the result is
// the same on every engine and differs from the JS kernel only in summation order.
//
//   node scripts/wasm/gen.mjs           writes src/lib/wasm/kernel.wasm.ts
//   node scripts/wasm/gen.mjs --check   exits 1 if that file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const OUT = fileURLToPath(new URL('../../src/lib/wasm/kernel.wasm.ts', import.meta.url));

const range = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * One R x C block at rows p.., columns q..: the K loop two lanes at a time, each lane pair
 * summed at the end, then the odd last k, then the bias; c[(p + i) Q + q + j] = the sum.
 */
function block(R, C) {
  const I = range(R), J = range(C);
  const acc = (i, j) => `$s${i}${j}`;
  const lines = [];
  // Row pointers: a rows p + i, b rows q + j (bytes).
  for (const i of I) lines.push(`(local.set $pa${i} (i32.add (local.get $a) (i32.mul (i32.add (local.get $p) (i32.const ${i})) (local.get $Kb))))`);
  for (const j of J) lines.push(`(local.set $pb${j} (i32.add (local.get $b) (i32.mul (i32.add (local.get $q) (i32.const ${j})) (local.get $Kb))))`);
  for (const i of I) for (const j of J) lines.push(`(local.set ${acc(i, j)} (v128.const f64x2 0 0))`);
  lines.push(`(local.set $end (i32.add (local.get $pa0) (local.get $K2b)))`);
  const body = [];
  for (const i of I) body.push(`(local.set $x${i} (v128.load (local.get $pa${i})))`);
  for (const j of J) body.push(`(local.set $y${j} (v128.load (local.get $pb${j})))`);
  for (const i of I) for (const j of J) body.push(`(local.set ${acc(i, j)} (f64x2.add (local.get ${acc(i, j)}) (f64x2.mul (local.get $x${i}) (local.get $y${j}))))`);
  for (const i of I) body.push(`(local.set $pa${i} (i32.add (local.get $pa${i}) (i32.const 16)))`);
  for (const j of J) body.push(`(local.set $pb${j} (i32.add (local.get $pb${j}) (i32.const 16)))`);
  lines.push(`(block $kdone (loop $k
    (br_if $kdone (i32.ge_u (local.get $pa0) (local.get $end)))
    ${body.join('\n    ')}
    (br $k)))`);
  for (const i of I) {
    for (const j of J) {
      const lanes = `(f64.add (f64x2.extract_lane 0 (local.get ${acc(i, j)})) (f64x2.extract_lane 1 (local.get ${acc(i, j)})))`;
      const tail = `(f64.add (local.get $t) (f64.mul (f64.load (local.get $pa${i})) (f64.load (local.get $pb${j}))))`;
      const bias = `(f64.add (local.get $t) (f64.load (i32.add (local.get $bias) (i32.shl (i32.add (local.get $q) (i32.const ${j})) (i32.const 3)))))`;
      lines.push(`(local.set $t ${lanes})`);
      lines.push(`(if (local.get $odd) (then (local.set $t ${tail})))`);
      lines.push(`(if (local.get $hb) (then (local.set $t ${bias})))`);
      lines.push(`(f64.store (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (i32.add (local.get $p) (i32.const ${i})) (local.get $Q)) (i32.add (local.get $q) (i32.const ${j}))) (i32.const 3))) (local.get $t))`);
    }
  }
  return lines.join('\n      ');
}

/** Columns q.. in C-wide blocks while they fit, for rows p.. of an R-row band. */
function columns(R, C) {
  return `(block $qd${R}${C} (loop $ql${R}${C}
      (br_if $qd${R}${C} (i32.gt_u (i32.add (local.get $q) (i32.const ${C})) (local.get $Q)))
      ${block(R, C)}
      (local.set $q (i32.add (local.get $q) (i32.const ${C})))
      (br $ql${R}${C})))`;
}

function wat() {
  const locals = [
    ...['p', 'q', 'Kb', 'K2b', 'end', 'odd', ...range(2).map((i) => `pa${i}`), ...range(4).map((j) => `pb${j}`)].map((n) => `(local $${n} i32)`),
    '(local $t f64)',
    ...[...range(2).map((i) => `x${i}`), ...range(4).map((j) => `y${j}`), ...range(2).flatMap((i) => range(4).map((j) => `s${i}${j}`))].map((n) => `(local $${n} v128)`),
  ];
  return `(module
  (import "env" "memory" (memory 1))
  ;; c = a b^T (+ bias): a is P x K, b is Q x K, c is P x Q, row-major f64, byte offsets.
  (func (export "abt") (param $a i32) (param $b i32) (param $c i32) (param $P i32) (param $Q i32) (param $K i32) (param $bias i32) (param $hb i32)
    ${locals.join(' ')}
    (local.set $Kb (i32.shl (local.get $K) (i32.const 3)))
    (local.set $K2b (i32.shl (i32.and (local.get $K) (i32.const -2)) (i32.const 3)))
    (local.set $odd (i32.and (local.get $K) (i32.const 1)))
    (block $pd (loop $pl
      (br_if $pd (i32.gt_u (i32.add (local.get $p) (i32.const 2)) (local.get $P)))
      (local.set $q (i32.const 0))
      ${columns(2, 4)}
      ${columns(2, 1)}
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br $pl)))
    (if (i32.lt_u (local.get $p) (local.get $P)) (then
      (local.set $q (i32.const 0))
      ${columns(1, 4)}
      ${columns(1, 1)}))))
`;
}

export async function kernelBytes() {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('kernel.wat', wat());
  mod.validate();
  const { buffer } = mod.toBinary({ log: false, write_debug_names: false });
  mod.destroy();
  return Buffer.from(buffer);
}

export function kernelModuleSource(bytes) {
  return `// Generated by scripts/wasm/gen.mjs from its WAT template: do not edit. A unit test
// (tests/unit/lib/wasm-kernel.test.ts) regenerates it and fails when it is stale.
// The bytes of the f64x2 SIMD kernel (${bytes.length} bytes), base64. Kept out of
// src/lib/index.ts so that code which never runs the kernel does not download it.
export const KERNEL_WASM_BASE64 =
  '${bytes.toString('base64')}';
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = kernelModuleSource(await kernelBytes());
  if (process.argv.includes('--check')) {
    const ok = readFileSync(OUT, 'utf8') === src;
    if (!ok) console.error('src/lib/wasm/kernel.wasm.ts is stale: run node scripts/wasm/gen.mjs');
    process.exit(ok ? 0 : 1);
  }
  writeFileSync(OUT, src);
}
