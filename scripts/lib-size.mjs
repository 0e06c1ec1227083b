// npm run size (first part): bundles src/lib/index.ts as a widget would import it
// (esbuild, minified, ESM) and prints its gzipped size against the 12 KB budget.
import { buildSync } from 'esbuild';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;
const result = buildSync({
  entryPoints: ['src/lib/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const gz = gzipSync(code, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`src/lib: ${kb(code.length)} minified, ${kb(gz)} gzipped (budget ${kb(BUDGET)})`);
if (gz >= BUDGET) {
  console.error('The library is over its size budget.');
  process.exit(1);
}
