// Hashes of the inline scripts in src/scripts/inline, for the Content-Security-Policy.
// The layout inlines the exact same file contents, so the hashes always match.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../src/scripts/inline/', import.meta.url);

/** @returns {`sha256-${string}`[]} */
export function inlineScriptHashes() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(readFileSync(new URL(f, dir), 'utf8')).digest('base64')}`));
}
