/**
 * Build-time results that outlive one build. Several figures train their whole budget at
 * build time so that readers without JavaScript see real, finished charts; that training
 * is the slowest part of the build and gives the same numbers every time for the same
 * code and settings. So each result is stored on disk, keyed by
 *   - the figure and its settings,
 *   - a hash of the code that computes it: src/lib/**, the shared widget code
 *     (src/widgets/{kit,runner,series,charts,controls}/** and files directly in
 *     src/widgets/) and the figure's own folder (its model decides the config and budget),
 *   - the V8 version (the serialisation format belongs to it),
 * and read back by both languages and by every later build until one of those changes.
 *
 * Server only (Node): imported from the figures' .astro wrappers, never from an island.
 * Set VG_BUILD_CACHE=off to compute everything afresh, VG_BUILD_CACHE_LOG=1 to see hits and misses.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Bumped when the stored layout changes, so old entries are ignored rather than misread. */
const FORMAT = 1;

/** Folders of src/widgets that hold shared code rather than one figure. */
const SHARED_DIRS = ['kit', 'runner', 'series', 'charts', 'controls'];

export interface BuildCacheOptions {
  /** Project root holding src/ (default: the working directory, as in `astro build` and Vitest). */
  root?: string;
  /** Where entries are stored (default: <root>/node_modules/.cache/vg-figures). */
  dir?: string;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * Hash of every source file that can change a figure's build-time result. File names are
 * hashed with their contents, so a file added, removed or renamed also invalidates.
 */
export function sourceHash(figure: string, root: string = process.cwd()): string {
  const h = createHash('sha256');
  // Shared widget code (files directly in src/widgets/ and its non-figure folders) can
  // change what a figure computes too; other figures' folders cannot.
  const widgets = join(root, 'src/widgets');
  const shared = existsSync(widgets)
    ? readdirSync(widgets)
        .sort()
        .filter((name) => (statSync(join(widgets, name)).isDirectory() ? SHARED_DIRS.includes(name) : true))
        .map((name) => `src/widgets/${name}`)
    : [];
  for (const dir of ['src/lib', ...shared, `src/widgets/${figure}`]) {
    for (const file of existsSync(join(root, dir)) && statSync(join(root, dir)).isFile() ? [join(root, dir)] : filesUnder(join(root, dir))) {
      h.update(relative(root, file).split(sep).join('/'));
      h.update('\0');
      h.update(readFileSync(file));
      h.update('\0');
    }
  }
  return h.digest('hex');
}

/** The entry's file name: everything the result depends on, hashed. */
export function cacheKey(figure: string, settings: unknown, root: string = process.cwd()): string {
  const parts = JSON.stringify({ FORMAT, figure, settings, source: sourceHash(figure, root), v8: process.versions.v8 });
  return `${figure.replace(/[^a-z0-9-]/gi, '_')}-${createHash('sha256').update(parts).digest('hex').slice(0, 32)}`;
}

/**
 * `compute()`'s result for this figure and these settings, from the cache when the code
 * has not changed since it was stored. The result must be plain data (objects, arrays,
 * numbers including NaN and Infinity, typed arrays): it goes through V8's structured
 * serialisation. Any cache failure (unreadable, corrupt, read-only disk) falls back to
 * computing, so the cache can make a build faster but never wrong or broken.
 */
export function buildCached<T>(figure: string, settings: unknown, compute: () => T, options: BuildCacheOptions = {}): T {
  const root = options.root ?? process.cwd();
  if (process.env.VG_BUILD_CACHE === 'off' || !existsSync(join(root, 'src/lib'))) return compute();
  const dir = options.dir ?? join(root, 'node_modules/.cache/vg-figures');
  const file = join(dir, `${cacheKey(figure, settings, root)}.bin`);
  // VG_BUILD_CACHE_LOG=1 names every hit and miss, to check that both languages and later
  // builds reuse an entry.
  const log = process.env.VG_BUILD_CACHE_LOG === '1' ? (what: string) => process.stderr.write(`[vg-cache] ${what} ${figure} ${relative(root, file)}\n`) : () => {};
  try {
    const hit = deserialize(readFileSync(file)) as T;
    log('hit');
    return hit;
  } catch {
    // Missing or unreadable: compute below.
  }
  log('miss');
  const value = compute();
  try {
    mkdirSync(dir, { recursive: true });
    // Write then rename, so a build killed halfway never leaves a truncated entry behind.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(value));
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk costs speed, not correctness.
  }
  return value;
}
