import type { APIRoute } from 'astro';
import { rootUrl } from '../utils/urls.ts';

// Generated rather than static so the sitemap URL carries the site's origin and base.
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(rootUrl('sitemap-index.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\nDisallow: ${rootUrl('es/kit/')}\nDisallow: ${rootUrl('en/kit/')}\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
