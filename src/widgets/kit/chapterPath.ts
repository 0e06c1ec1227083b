import type { Lang } from '../../i18n/index.ts';

/**
 * A chapter's path with the site's base path, e.g. /vanishing-gradients/es/lab/: what
 * utils/urls.ts's chapterUrl gives, written without astro:i18n so islands and workers can use it.
 */
export function chapterPath(lang: Lang, slug: string): string {
  const base = (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}${lang}/${slug}/`;
}
