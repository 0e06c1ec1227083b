import type { Page } from '@playwright/test';

/**
 * Records the type of every message the page sends its workers, from before any page script
 * runs, so a test can wait on "play"/"pause"/"init" instead of sleeping. Returns a reader of
 * the types sent so far (only those in `types`, when given).
 */
export async function recordWorkerMessages(page: Page, types?: readonly string[]): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const sent: string[] = ((window as unknown as { vgSent: string[] }).vgSent = []);
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: unknown, ...rest: never[]) {
      sent.push(String((m as { type?: string })?.type));
      return post.call(this, m, ...rest);
    } as typeof post;
  });
  return () => page.evaluate((only) => (window as unknown as { vgSent: string[] }).vgSent.filter((x) => !only || only.includes(x)), types ?? null);
}
