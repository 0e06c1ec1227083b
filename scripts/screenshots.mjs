// Takes screenshots of built pages for a human to look at:
//   node scripts/screenshots.mjs [outDir] [path ...]
// Serves dist/ with `astro preview` unless BASE_URL points at a running server.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const [outDir = '/tmp/shots', ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ['/es/', '/en/', '/es/about/', '/en/about/'];
const port = 4391;
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
mkdirSync(outDir, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const wait = Number(process.env.SHOT_WAIT ?? 600);
try {
  for (const path of targets) {
    for (const scheme of ['light', 'dark']) {
      for (const width of [1280, 375]) {
        const page = await browser.newPage({ viewport: { width, height: width > 500 ? 900 : 780 }, colorScheme: scheme });
        await page.goto(base + path, { waitUntil: 'networkidle' });
        await page.waitForTimeout(wait);
        const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${scheme}-${width}.png`;
        await page.screenshot({ path: `${outDir}/${name}`, fullPage: process.env.FULL === '1' });
        console.log(`${outDir}/${name}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server?.kill();
}
