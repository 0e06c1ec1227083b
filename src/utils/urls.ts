// Every internal URL is built here, from Astro's `base` (SITE_BASE) and i18n routing, so the
// site works at a domain root and under a sub-path alike. Never write "/es/..." by hand.
import { getRelativeLocaleUrl } from 'astro:i18n';
import type { Lang } from '../i18n/index.ts';
import siteConfig from '../site.json';

/** "/", or "/vanishing-gradients/" under a sub-path; always with a trailing slash. */
export const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A file at the site root ("favicon.svg"), under the base. */
export function rootUrl(path = ''): string {
  return `${BASE}${path.replace(/^\/+/, '')}`;
}

/** A page of one language: localeUrl('es') is its home, localeUrl('en', 'sigmoid') a chapter. */
export function localeUrl(lang: Lang, path = ''): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  return getRelativeLocaleUrl(lang, clean ? `${clean}/` : '');
}

export function chapterUrl(lang: Lang, slug: string): string {
  return localeUrl(lang, slug);
}

export const REPOSITORY_URL = `https://github.com/${siteConfig.repository}`;

/** "Edit this page" on the repository host, for a file path relative to the project root. */
export function editUrl(filePath: string): string {
  return `${REPOSITORY_URL}/edit/${siteConfig.branch}/${filePath.replace(/^\.\//, '')}`;
}

/** Creating a missing translation: a new file, prefilled with its path. */
export function createUrl(filePath: string): string {
  return `${REPOSITORY_URL}/new/${siteConfig.branch}?filename=${encodeURIComponent(filePath.replace(/^\.\//, ''))}`;
}
