import es from './es.json';
import en from './en.json';
import { fill } from './fill.ts';

export { fill };

export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type UIKey = keyof typeof es;
export type Dictionary = Record<UIKey, string>;

// en.json is checked against es.json's keys here, at type level, and by a unit test.
const dictionaries: Record<Lang, Dictionary> = { es, en: en satisfies Dictionary };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function otherLang(lang: Lang): Lang {
  return lang === 'es' ? 'en' : 'es';
}

/** Returns a translator bound to one language. Placeholders are written {name}. */
export function useTranslations(lang: Lang) {
  const dict = dictionaries[lang];
  return function t(key: UIKey, vars?: Record<string, string | number>): string {
    const s = dict[key];
    if (s === undefined) throw new Error(`Missing UI string "${key}" in ${lang}.json`);
    return fill(s, vars);
  };
}

/** The subset of a dictionary whose keys start with prefix, for handing one island only its own strings. */
export function pick(lang: Lang, prefix: string): Record<string, string> {
  const dict = dictionaries[lang];
  const out: Record<string, string> = {};
  for (const k of Object.keys(dict) as UIKey[]) if (k.startsWith(prefix)) out[k] = dict[k];
  return out;
}
