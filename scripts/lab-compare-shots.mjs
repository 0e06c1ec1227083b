// Screenshots of the lab's "Runs compared" for a human to look at (issue 13): pinned runs
// and an A/B comparison, at 1280 and 375 px, light and dark, es and en.
//   node scripts/lab-compare-shots.mjs [outDir]
// Serves dist/ with `astro preview` unless BASE_URL points at a running server. The page
// parts are the ones scripts/screenshots.mjs would show, after a few clicks it cannot make.
import { openShotSession } from './shot-session.mjs';
import { mkdirSync, readFileSync } from 'node:fs';

const [outDir = '/tmp/shots-compare'] = process.argv.slice(2);
const PORT = Number(process.env.SHOT_PORT ?? 4392);
const { base, browser, close } = await openShotSession(PORT);
mkdirSync(outDir, { recursive: true });

const DICT = Object.fromEntries(['es', 'en'].map((l) => [l, JSON.parse(readFileSync(`src/i18n/${l}.json`, 'utf8'))]));
const SMALL = 'lab.depth=4&lab.width=8&lab.points=120&lab.lr=0.3';
const steps = async (page) => Number(((await page.locator('#lab .ctl-play__counter').first().textContent()) ?? '').replace(/[^\d]/g, '')) || 0;
async function until(page, n) {
  for (let i = 0; i < 300 && (await steps(page)) < n; i++) await page.waitForTimeout(100);
}
/** After a new setting: wait for the new run (back at step 0), then press Play. */
async function playNew(page) {
  for (let i = 0; i < 100 && (await steps(page)) > 0; i++) await page.waitForTimeout(100);
  await page.waitForTimeout(200);
  await page.locator('#lab .ctl-play button').first().click();
}
async function ready(page) {
  await page.locator('#lab').scrollIntoViewIfNeeded();
  await page.locator('#lab [data-hydrated="true"]').waitFor();
}

/** Three runs pinned: depth 4, then 6, then 6 with ReLU; the current run is depth 6 ReLU. */
async function pinned(page, lang) {
  await page.goto(`${base}/${lang}/lab/?${SMALL}#lab`, { waitUntil: 'networkidle' });
  await ready(page);
  const pin = page.locator('#lab .lab-compare__actions button').first();
  await until(page, 300);
  await pin.click();
  // On a phone the control groups start closed.
  const arch = page.locator('#lab details[data-section="architecture"]');
  if (!(await arch.evaluate((e) => e.open))) await arch.locator('summary').click();
  const depth = page.getByRole('slider', { name: DICT[lang]['widget.lab.depth'] });
  await depth.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await playNew(page);
  await until(page, 300);
  await pin.click();
  await page.getByRole('combobox', { name: DICT[lang]['widget.lab.activation'] }).selectOption('relu');
  await playNew(page);
  await until(page, 300);
  await pin.click();
  await page.getByRole('combobox', { name: DICT[lang]['widget.lab.activation'] }).selectOption('elu');
  await playNew(page);
  await until(page, 400);
}

async function ab(page, lang) {
  await page.goto(`${base}/${lang}/lab/?${SMALL}&labB.compare=1&labB.activation=relu&labB.lr=0.03#lab`, { waitUntil: 'networkidle' });
  await ready(page);
  await until(page, 400);
}

try {
  for (const [name, scene] of [['pinned', pinned], ['ab', ab]])
    for (const lang of ['es', 'en'])
      for (const scheme of ['light', 'dark'])
        for (const width of [1280, 375]) {
          const page = await browser.newPage({ viewport: { width, height: width > 500 ? 900 : 780 }, colorScheme: scheme });
          await scene(page, lang);
          // Pause so the picture holds still, then shoot the run bar, the panel and the charts.
          const pause = page.locator('#lab .ctl-play button').first();
          if ((await pause.getAttribute('aria-pressed')) === 'true' || /pause|pausa/i.test((await pause.textContent()) ?? '')) await pause.click();
          await page.waitForTimeout(400);
          const file = `${outDir}/lab-${name}-${lang}-${scheme}-${width}.png`;
          await page.locator('#lab .lab-main').screenshot({ path: file });
          console.log(file);
          // Close-ups a reader would look at first: the panel and the overlaid charts.
          for (const [part, sel] of [['panel', '.lab-compare'], ['loss', '[data-chart="loss"]'], ['accuracy', '[data-chart="accuracy"]'], ['grad', '[data-chart="grad"]'], ['dead', '[data-chart="dead"]']]) {
            const f = file.replace('.png', `-${part}.png`);
            // The lab draws only charts on screen: scroll there and let it draw first.
            await page.locator(`#lab ${sel}`).first().scrollIntoViewIfNeeded();
            await page.waitForTimeout(700);
            await page.locator(`#lab ${sel}`).first().screenshot({ path: f });
          }
          await page.close();
        }
} finally {
  await close();
}
