// What every screenshot script starts with: the built site served (by `astro preview`, unless
// BASE_URL points at a running server) and Debian's Chromium, closed together by close().
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @param {number} port where to serve dist/ when BASE_URL is not set */
export async function openShotSession(port) {
  let server;
  let base = process.env.BASE_URL;
  if (!base) {
    server = spawn('node_modules/.bin/astro', ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/es/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server?.kill();
    },
  };
}
