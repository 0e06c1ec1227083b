import { getCollection, type CollectionEntry } from 'astro:content';
import { execFileSync } from 'node:child_process';
import { LANGS, otherLang, type Lang } from '../i18n/index.ts';
export { chapterUrl } from './urls.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** "es/sigmoid" -> { lang: "es", slug: "sigmoid" } */
export function splitId(id: string): { lang: string; slug: string } {
  const i = id.indexOf('/');
  return { lang: id.slice(0, i), slug: id.slice(i + 1) };
}

export function chapterSlug(entry: Chapter): string {
  return splitId(entry.id).slug;
}

/** One chapter as a reader of one language gets it: its own text, or the other language's. */
export interface ChapterView {
  slug: string;
  entry: Chapter;
  /** The language the text is written in. */
  contentLang: Lang;
  /** True when the text is borrowed from the other language (no translation yet). */
  fallback: boolean;
  /** Languages with a real text for this chapter. */
  langs: Lang[];
}

/** Every chapter slug with its texts per language. */
export async function chapterTwins(): Promise<Map<string, Partial<Record<Lang, Chapter>>>> {
  const entries = await getCollection('chapters', (e) => !e.data.draft);
  const bySlug = new Map<string, Partial<Record<Lang, Chapter>>>();
  for (const e of entries) {
    const { lang, slug } = splitId(e.id);
    const twins = bySlug.get(slug) ?? {};
    twins[lang as Lang] = e;
    bySlug.set(slug, twins);
  }
  return bySlug;
}

export function viewOf(slug: string, twins: Partial<Record<Lang, Chapter>>, lang: Lang): ChapterView {
  const own = twins[lang];
  const entry = own ?? twins[otherLang(lang)]!;
  return { slug, entry, contentLang: own ? lang : otherLang(lang), fallback: !own, langs: LANGS.filter((l) => twins[l]) };
}

/**
 * The chapters a reader of one language sees, in reading order, appendices last. A chapter that
 * exists only in the other language is included with its borrowed text, so menus, the home page
 * and prev/next all reach it.
 */
export async function chaptersFor(lang: Lang): Promise<ChapterView[]> {
  const views = [...(await chapterTwins())].map(([slug, twins]) => viewOf(slug, twins, lang));
  return views.sort((a, b) => Number(a.entry.data.appendix) - Number(b.entry.data.appendix) || a.entry.data.order - b.entry.data.order);
}

const updatedCache = new Map<string, Date | undefined>();

/**
 * When the chapter's file last changed, from git; the frontmatter `updated` wins when set.
 * A shallow clone knows only its last commit, so its date is a lower bound; no git gives undefined.
 */
export function lastUpdated(entry: Chapter): Date | undefined {
  if (entry.data.updated) return entry.data.updated;
  const file = entry.filePath;
  if (!file) return undefined;
  if (!updatedCache.has(file)) {
    let date: Date | undefined;
    try {
      const out = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      date = out ? new Date(out) : undefined;
    } catch {
      date = undefined;
    }
    updatedCache.set(file, date);
  }
  return updatedCache.get(file);
}
