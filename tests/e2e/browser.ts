import { existsSync } from 'node:fs';

/**
 * Which Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
 * Playwright's own download (undefined lets Playwright choose).
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}

// Without the background-networking flags Chromium keeps dialling hosts that a closed
// network cannot reach, which slows every test and litters the console.
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
