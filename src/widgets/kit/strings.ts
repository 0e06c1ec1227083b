import { fill } from '../../i18n/fill.ts';

/** Strings handed to an island, already resolved for its language on the server. */
export type Strings = Readonly<Record<string, string>>;

/** Looks up a key and fills {placeholders}. A missing key shows itself, loudly, rather than nothing. */
export function tr(strings: Strings, key: string, vars?: Record<string, string | number>): string {
  const s = strings[key];
  if (s === undefined) return `⟦${key}⟧`;
  return fill(s, vars);
}
