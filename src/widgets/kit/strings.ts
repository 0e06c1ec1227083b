
/** Strings handed to an island, already resolved for its language on the server. */
export type Strings = Readonly<Record<string, string>>;

import { formatMessage } from '../../i18n/format.ts';

/**
 * Looks up a key and fills {placeholders}. A missing key shows itself, loudly, rather than nothing.
 * Plural messages ({n, plural, one {…} other {…}}) need the language for Intl.PluralRules.
 */
export function tr(strings: Strings, key: string, vars?: Record<string, string | number>, lang = 'en'): string {
  const s = strings[key];
  if (s === undefined) return `⟦${key}⟧`;
  return vars ? formatMessage(s, vars, lang) : s;
}
