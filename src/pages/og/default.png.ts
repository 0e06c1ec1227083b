import type { APIRoute } from 'astro';
import { useTranslations } from '../../i18n/index.ts';
import { ogPng } from '../../utils/og.ts';

// The preview for pages that are not chapters (home pages, glossary, 404).
export const GET: APIRoute = async () => {
  const es = useTranslations('es');
  const en = useTranslations('en');
  const png = await ogPng(`${es('site.title')} · ${en('site.title')}`, es('site.description'), 'vanishing-gradients');
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
