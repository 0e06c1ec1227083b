// Generates the WebAssembly SIMD kernel of src/lib, C = A B (+ bias) over row-major f64
// arrays, as WAT; assembles it with wabt and writes the bytes, base64, into
// src/lib/wasm/kernel.wasm.ts. It vectorises across columns of C (two per f64x2), never
// along the sum: each output is still summed from +0 in the order k = 0, 1, ..., then
// the bias added, with plain f64x2 mul and add (no relaxed FMA, whose rounding is
// implementation-defined, and no f32). Those are exactly the operations of the JS kernel
// (`abt` in src/lib/kernels.ts, which sums a_pk b_qk the same way), so both give the same
// bits on every engine. The WAT is templated because the register blocks are unrolled:
// 2 rows x 8 columns (perf.md §6 measured 2 x 4 vectors as the best nn block), then
// 2 x 2 and 2 x 1, and the same for a last odd row, so every shape runs in wasm.
//
//   node scripts/wasm/gen.mjs           writes src/lib/wasm/kernel.wasm.ts
//   node scripts/wasm/gen.mjs --check   exits 1 if that file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const OUT = fileURLToPath(new URL('../../src/lib/wasm/kernel.wasm.ts', import.meta.url));

const range = (n) => Array.from({ length: n }, (_, i) => i);

/**
 * One block: rows p..p+R-1 and columns q.., V f64x2 vectors of columns (or one scalar
 * column when V = 0). c[p+i][q+j] = sum over k in order of a[p+i][k] b[k][q+j], each lane
 * summing on its own from +0, then + bias[q+j]: the very operations, in the very order,
 * of the JS kernel, so the bits are the same.
 */
function block(R, V) {
  const I = range(R), scalar = V === 0, W = scalar ? 1 : V, cols = scalar ? 1 : 2 * V;
  const acc = (i, v) => `$s${i}${v}`;
  const zero = scalar ? '(f64.const 0)' : '(v128.const f64x2 0 0)';
  const add = scalar ? 'f64.add' : 'f64x2.add', mul = scalar ? 'f64.mul' : 'f64x2.mul';
  const load = scalar ? 'f64.load' : 'v128.load';
  const lines = [];
  for (const i of I) lines.push(`(local.set $pa${i} (i32.add (local.get $a) (i32.mul (i32.add (local.get $p) (i32.const ${i})) (local.get $Kb))))`);
  lines.push(`(local.set $pb (i32.add (local.get $b) (i32.shl (local.get $q) (i32.const 3))))`);
  for (const i of I) for (const v of range(W)) lines.push(`(local.set ${acc(i, v)}${scalar ? 'f' : ''} ${zero})`);
  lines.push(`(local.set $end (i32.add (local.get $pa0) (local.get $Kb)))`);
  const body = [];
  for (const i of I) body.push(scalar ? `(local.set $xf${i} (f64.load (local.get $pa${i})))` : `(local.set $x${i} (v128.load64_splat (local.get $pa${i})))`);
  for (const v of range(W)) body.push(`(local.set $y${v}${scalar ? 'f' : ''} (${load} offset=${16 * v} (local.get $pb)))`);
  for (const i of I) for (const v of range(W)) body.push(`(local.set ${acc(i, v)}${scalar ? 'f' : ''} (${add} (local.get ${acc(i, v)}${scalar ? 'f' : ''}) (${mul} (local.get $x${scalar ? 'f' : ''}${i}) (local.get $y${v}${scalar ? 'f' : ''}))))`);
  for (const i of I) body.push(`(local.set $pa${i} (i32.add (local.get $pa${i}) (i32.const 8)))`);
  body.push(`(local.set $pb (i32.add (local.get $pb) (local.get $Qb)))`);
  lines.push(`(block $kdone (loop $k
    (br_if $kdone (i32.ge_u (local.get $pa0) (local.get $end)))
    ${body.join('\n    ')}
    (br $k)))`);
  for (const i of I) {
    // Byte address of c[p+i][q].
    const at = `(i32.add (local.get $c) (i32.shl (i32.add (i32.mul (i32.add (local.get $p) (i32.const ${i})) (local.get $Q)) (local.get $q)) (i32.const 3)))`;
    lines.push(`(local.set $pc ${at})`);
    for (const v of range(W)) {
      const s = `(local.get ${acc(i, v)}${scalar ? 'f' : ''})`;
      const biased = `(${add} ${s} (${load} offset=${16 * v} (local.get $pbias)))`;
      lines.push(`(if (local.get $hb) (then (${scalar ? 'f64' : 'v128'}.store offset=${16 * v} (local.get $pc) ${biased})) (else (${scalar ? 'f64' : 'v128'}.store offset=${16 * v} (local.get $pc) ${s})))`);
    }
  }
  void cols;
  return lines.join('\n      ');
}

/** Columns q.. in blocks of 2V columns (V = 0: one column) while they fit, for rows p.. of an R-row band. */
function columns(R, V) {
  const width = V === 0 ? 1 : 2 * V;
  return `(block $qd${R}${V} (loop $ql${R}${V}
      (br_if $qd${R}${V} (i32.gt_u (i32.add (local.get $q) (i32.const ${width})) (local.get $Q)))
      (local.set $pbias (i32.add (local.get $bias) (i32.shl (local.get $q) (i32.const 3))))
      ${block(R, V)}
      (local.set $q (i32.add (local.get $q) (i32.const ${width})))
      (br $ql${R}${V})))`;
}

/** Register blocks: 2 rows x 4 vectors (8 accumulators + 6 loads fit x64's 16 vector registers). */
const ROWS = 2, VECTORS = 4;

function wat() {
  const locals = [
    ...['p', 'q', 'Kb', 'Qb', 'end', 'pb', 'pc', 'pbias', ...range(ROWS).map((i) => `pa${i}`)].map((n) => `(local $${n} i32)`),
    ...[...range(ROWS).map((i) => `xf${i}`), 'y0f', ...range(ROWS).map((i) => `s${i}0f`)].map((n) => `(local $${n} f64)`),
    ...[...range(ROWS).map((i) => `x${i}`), ...range(VECTORS).map((v) => `y${v}`), ...range(ROWS).flatMap((i) => range(VECTORS).map((v) => `s${i}${v}`))].map((n) => `(local $${n} v128)`),
  ];
  const band = (R) => [columns(R, VECTORS), columns(R, 1), columns(R, 0)].join('\n      ');
  return `(module
  (import "env" "memory" (memory 1))
  ;; c = a b (+ bias): a is P x K, b is K x Q, c is P x Q, row-major f64, byte offsets.
  (func (export "ab") (param $a i32) (param $b i32) (param $c i32) (param $P i32) (param $Q i32) (param $K i32) (param $bias i32) (param $hb i32)
    ${locals.join(' ')}
    (local.set $Kb (i32.shl (local.get $K) (i32.const 3)))
    (local.set $Qb (i32.shl (local.get $Q) (i32.const 3)))
    (block $pd (loop $pl
      (br_if $pd (i32.gt_u (i32.add (local.get $p) (i32.const ${ROWS})) (local.get $P)))
      (local.set $q (i32.const 0))
      ${band(ROWS)}
      (local.set $p (i32.add (local.get $p) (i32.const ${ROWS})))
      (br $pl)))
    (if (i32.lt_u (local.get $p) (local.get $P)) (then
      (local.set $q (i32.const 0))
      ${band(1)}))))
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
