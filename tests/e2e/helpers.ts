// What every e2e spec needs: the dictionaries, a wait for a figure to be live, and readers
// for the numbers figures print. One copy, so a change of markup is fixed in one place.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const load = (lang: Lang): Record<string, string> => JSON.parse(readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
/** The UI dictionaries, as the site ships them. */
export const DICT: Record<Lang, Record<string, string>> = { es: load('es'), en: load('en') };

/** A dictionary string with its {placeholders} filled, as the page renders it. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const s = DICT[lang][key];
  if (s === undefined) throw new Error(`no UI string ${key}`);
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A decimal written as the page writes it: 0,5 and −1 in Spanish, 0.5 and −1 in English. */
export const num = (x: string, lang: Lang) => (lang === 'es' ? x.replace('.', ',') : x).replace('-', '−');

/** A number read back from the page in its language (grouping, decimal comma, true minus). */
export function parseNum(text: string, lang: Lang): number {
  const s = text.trim().replace('−', '-');
  return Number(lang === 'es' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
}

/**
 * Waits until the figure's island has run (FigureShell marks itself hydrated after mount)
 * and its first live chart has replaced the build-time one.
 */
export async function hydrated(page: Page, fig: string, timeout = 30_000): Promise<void> {
  await page.locator(fig).scrollIntoViewIfNeeded();
  await expect(page.locator(`${fig} [data-hydrated="true"]`)).toHaveCount(1, { timeout });
  await expect(page.locator(`${fig} .fig-chart[data-live="true"]`).first()).toBeVisible({ timeout });
}

/** The step (or update) count a figure's counter shows. */
export async function stepCount(page: Page, fig: string): Promise<number> {
  const text = (await page.locator(`${fig} .ctl-play__counter`).first().textContent()) ?? '';
  const m = text.match(/[\d.,]+/);
  return m ? Number(m[0].replace(/[.,]/g, '')) : NaN;
}

/** The figure's summary sentence as shown (the live one; without JS, the build-time one). */
export async function summaryText(page: Page, fig: string): Promise<string> {
  return ((await page.locator(`${fig} .fig-summary`).allTextContents()).find((x) => x.trim() !== '') ?? '').trim();
}

/** The rows of the figure's "Show data" table, as cell texts. */
export async function tableRows(page: Page, fig: string): Promise<string[][]> {
  return page.locator(`${fig} .fig-data > .fig-data__scroll > table > tbody > tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

/** The texts drawn inside a figure's build-time or live charts (tick labels, direct labels). */
export async function chartTexts(page: Page, fig: string, nth = 0): Promise<string[]> {
  return page.locator(`${fig} svg.vg-plot`).nth(nth).locator('text').allTextContents();
}

/**
 * Stops a figure that may still be training. Figures train as fast as the machine allows, so on
 * a fast one a run can reach its last step before the test looks: then there is no Pause button
 * (Play is shown, disabled), and clicking one would wait out the test. Either way the figure
 * ends up not training, which is what the caller needs.
 */
export async function pauseIfTraining(page: Page, fig: string, lang: Lang): Promise<void> {
  const pause = page.locator(fig).getByRole('button', { name: DICT[lang]['kit.pause'] });
  if (await pause.isVisible()) await pause.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(pause, 'the figure is no longer training').toHaveCount(0);
}
