import { isLang, type Lang } from '../i18n/index.ts';

/** The page's language, from Astro's i18n routing; components use it so chapters need not pass lang. */
export function localeOf(current: string | undefined): Lang {
  return isLang(current) ? current : 'es';
}
