// Takes screenshots of built pages for a human to look at:
//   node scripts/screenshots.mjs [outDir] [path ...]
// Serves dist/ with `astro preview` on SHOT_PORT (4391) unless BASE_URL points at a running server.
import { openShotSession } from './shot-session.mjs';
import { mkdirSync } from 'node:fs';

const [outDir = '/tmp/shots', ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ['/es/', '/en/', '/es/about/', '/en/about/'];
const PORT = Number(process.env.SHOT_PORT ?? 4391);
const { base, browser, close } = await openShotSession(PORT);
mkdirSync(outDir, { recursive: true });
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
  await close();
}
