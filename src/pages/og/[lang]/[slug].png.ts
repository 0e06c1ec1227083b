import type { APIRoute, GetStaticPaths } from 'astro';
import { chapterTwins } from '../../../utils/chapters.ts';
import { useTranslations, type Lang } from '../../../i18n/index.ts';
import { ogPng } from '../../../utils/og.ts';

// One preview image per chapter text (og/<lang>/<slug>.png); a page that borrows the other
// language's text uses that language's image.
export const getStaticPaths = (async () => {
  const out = [];
  for (const [slug, twins] of await chapterTwins()) {
    for (const [lang, entry] of Object.entries(twins)) if (entry) out.push({ params: { lang, slug }, props: { title: entry.data.title, description: entry.data.description } });
  }
  return out;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const t = useTranslations(params.lang as Lang);
  const png = await ogPng(props.title as string, props.description as string, t('site.title'));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
