import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/index.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** "es/sigmoid" -> { lang: "es", slug: "sigmoid" } */
export function splitId(id: string): { lang: string; slug: string } {
  const i = id.indexOf('/');
  return { lang: id.slice(0, i), slug: id.slice(i + 1) };
}

export function chapterSlug(entry: Chapter): string {
  return splitId(entry.id).slug;
}

/** The chapters of one language in reading order, appendices last. */
export async function chaptersFor(lang: Lang): Promise<Chapter[]> {
  const all = await getCollection('chapters', (e) => splitId(e.id).lang === lang && !e.data.draft);
  return all.sort((a, b) => Number(a.data.appendix) - Number(b.data.appendix) || a.data.order - b.data.order);
}

export function chapterUrl(lang: Lang, slug: string): string {
  return `/${lang}/${slug}/`;
}
