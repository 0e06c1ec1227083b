// Message formatting shared by t() and the islands' tr(): {name} placeholders and ICU-style
// plurals chosen by Intl.PluralRules, e.g.
//   "every {n, plural, one {# update} other {# updates}}"
//   "cada {n, plural, one {# actualización} other {# actualizaciones}}"
// Inside a plural branch, # is the number as passed (already formatted, or formatted here).
// Exact branches (=0, =1) win over categories; `other` is required and is the fallback.
// No dictionary is imported here, so islands can use it without shipping the dictionaries.

export type Vars = Readonly<Record<string, string | number>>;

const TAGS: Record<string, string> = { es: 'es-ES', en: 'en-GB' };
const rulesCache = new Map<string, Intl.PluralRules>();
const numberCache = new Map<string, Intl.NumberFormat>();

function rules(lang: string): Intl.PluralRules {
  let r = rulesCache.get(lang);
  if (!r) rulesCache.set(lang, (r = new Intl.PluralRules(TAGS[lang] ?? lang)));
  return r;
}

function formatted(value: string | number, lang: string): string {
  if (typeof value === 'string') return value;
  let f = numberCache.get(lang);
  if (!f) numberCache.set(lang, (f = new Intl.NumberFormat(TAGS[lang] ?? lang, { maximumFractionDigits: 6 })));
  return f.format(value);
}

/** The number a (possibly already formatted) value stands for: "1.000" (es) or "1,000" (en) is 1000. */
export function numericValue(value: string | number, lang: string): number {
  if (typeof value === 'number') return value;
  const s = value.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  return Number(lang === 'es' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
}

/** Index of the brace closing the one opened at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** "one {# x} other {# xs}" -> Map { one: "# x", other: "# xs" } */
function branches(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|[a-z]+)\s*\{/.exec(body.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) break;
    out.set(m[1], body.slice(open + 1, end));
    i = end + 1;
  }
  return out;
}

const PLURAL = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/;

export function formatMessage(template: string, vars: Vars | undefined, lang: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const end = closing(template, open);
    if (end < 0) {
      out += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, end);
    const plural = PLURAL.exec(inner);
    if (plural && vars && Object.hasOwn(vars, plural[1])) {
      const value = vars[plural[1]];
      const n = numericValue(value, lang);
      const options = branches(plural[2]);
      const chosen = options.get(`=${n}`) ?? options.get(rules(lang).select(n)) ?? options.get('other') ?? '';
      out += formatMessage(chosen.replace(/#/g, formatted(value, lang)), vars, lang);
    } else if (/^\w+$/.test(inner) && vars && Object.hasOwn(vars, inner)) {
      out += String(vars[inner]);
    } else {
      // Unknown placeholders stay visible, so a missing value shows instead of vanishing.
      out += template.slice(open, end + 1);
    }
    i = end + 1;
  }
  return out;
}

/** The variable names a message uses ({name} and {name, plural, ...}), sorted. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const scan = (s: string) => {
    let i = 0;
    while ((i = s.indexOf('{', i)) >= 0) {
      const end = closing(s, i);
      if (end < 0) break;
      const inner = s.slice(i + 1, end);
      const plural = PLURAL.exec(inner);
      if (plural) {
        names.add(plural[1]);
        for (const b of branches(plural[2]).values()) scan(b);
      } else if (/^\w+$/.test(inner)) names.add(inner);
      i = end + 1;
    }
  };
  scan(template);
  return [...names].sort();
}

/**
 * The branches of a message that is one plural and nothing else ("{n, plural, one {# x} other
 * {# xs}}" -> { one: '# x', other: '# xs' }), or null. For a page script that picks the branch
 * itself (Intl.PluralRules, as formatMessage does) and so needs no formatter of its own.
 */
export function pluralForms(template: string): Record<string, string> | null {
  const t = template.trim();
  if (!t.startsWith('{') || closing(t, 0) !== t.length - 1) return null;
  const plural = PLURAL.exec(t.slice(1, -1));
  return plural ? Object.fromEntries(branches(plural[2])) : null;
}
