import type { Page } from '@playwright/test';

/**
 * Records the type of every message the page sends its workers, from before any page script
 * runs, so a test can wait on "play"/"pause"/"init" instead of sleeping. Returns a reader of
 * the types sent so far (only those in `types`, when given). A worker whose first network has
 * the layer sizes `ignoreSizes` (another figure's, on the same page) is not recorded.
 */
export async function recordWorkerMessages(page: Page, types?: readonly string[], ignoreSizes?: readonly number[]): Promise<() => Promise<string[]>> {
  await page.addInitScript((ignore) => {
    const sent: string[] = ((window as unknown as { vgSent: string[] }).vgSent = []);
    const post = Worker.prototype.postMessage;
    const ignored = new WeakSet<Worker>();
    Worker.prototype.postMessage = function (this: Worker, m: unknown, ...rest: never[]) {
      const sizes = (m as { configs?: { spec?: { sizes?: number[] } }[] })?.configs?.[0]?.spec?.sizes;
      if (ignore && sizes?.join() === ignore) ignored.add(this);
      if (!ignored.has(this)) sent.push(String((m as { type?: string })?.type));
      return post.call(this, m, ...rest);
    } as typeof post;
  }, ignoreSizes?.join() ?? null);
  return () => page.evaluate((only) => (window as unknown as { vgSent: string[] }).vgSent.filter((x) => !only || only.includes(x)), types ?? null);
}
