// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { inlineScriptHashes } from './scripts/inline-script-hashes.mjs';
import rehypeScrollableMath from './scripts/rehype-scrollable-math.mjs';
import { offline } from './scripts/offline.mjs';

// The canonical origin. Override with SITE_URL when deploying elsewhere.
const site = process.env.SITE_URL ?? 'https://vanishing-gradients.github.io';

export default defineConfig({
  site,
  // Separate output folders let several builds run side by side (e.g. parallel work trees).
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Playwright's e2e pages (/<lang>/kit/) are for testing the widget kit, not for readers.
  integrations: [
    mdx(),
    preact(),
    sitemap({
      filter: (page) => !/\/(es|en)\/kit\/$/.test(page),
      i18n: { defaultLocale: 'es', locales: { es: 'es', en: 'en' } },
    }),
    offline(),
  ],
  i18n: {
    defaultLocale: 'es',
    locales: ['es', 'en'],
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }], rehypeScrollableMath],
    }),
  },
  devToolbar: { enabled: false },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self' blob:",
      ],
      // Inline scripts are limited to the two tiny ones that must run before first paint
      // (theme) or before anything else (root language redirect); each is allowed by hash.
      scriptDirective: { hashes: inlineScriptHashes() },
      // KaTeX and Plot position glyphs and marks with style attributes; those are not
      // scripts, and style-src-attr is the narrowest place to allow them.
      styleDirective: {
        resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
});
