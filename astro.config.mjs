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
import rehypeChapterLinks from './scripts/rehype-chapter-links.mjs';
import rehypeGlossary from './scripts/rehype-glossary.mjs';
import rehypeMathsFlag from './scripts/rehype-maths-flag.mjs';
import afterBuild from './scripts/after-build.mjs';
import { quietLogger } from './scripts/quiet-build.mjs';
import { siteBase, noShipSlugs } from './scripts/site-env.mjs';
import { offline } from './scripts/offline.mjs';
import { d3Shims, keptSchemes } from './scripts/d3-shims.mjs';

// The canonical origin. Override with SITE_URL when deploying elsewhere.
const site = process.env.SITE_URL ?? 'https://vanishing-gradients.github.io';
// The sub-path the site is served under ("/" at a domain root; "/vanishing-gradients/" for a
// GitHub Pages project site). Every internal URL is built from it.
const base = siteBase();

export default defineConfig({
  site,
  base,
  // Separate output folders let several builds run side by side (e.g. parallel work trees).
  // It must stay inside the project: prerender chunks written elsewhere cannot resolve packages
  // from node_modules (withastro/astro#4006).
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [
    quietLogger(),
    mdx(),
    preact(),
    sitemap({
      // Test pages (/<lang>/kit/) and pages that show borrowed content from the other language
      // (untranslated chapters, noindex) are not for search engines. The root only chooses a
      // language; its own canonical is /es/, so listing it would duplicate /es/.
      filter: (page) => {
        const path = new URL(page).pathname.slice(base.length - 1);
        if (path === '/') return false;
        if (/^\/(es|en)\/kit\/$/.test(path)) return false;
        return !noShipSlugs().some((p) => path === p);
      },
      i18n: { defaultLocale: 'es', locales: { es: 'es', en: 'en' } },
    }),
    afterBuild(),
    offline(),
  ],
  i18n: {
    defaultLocale: 'es',
    locales: ['es', 'en'],
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // No chapter has a code block; Shiki's inline styles would also clash with the CSP.
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }],
        rehypeScrollableMath,
        rehypeChapterLinks,
        rehypeGlossary,
        rehypeMathsFlag,
      ],
    }),
  },
  devToolbar: { enabled: false },
  // Plot imports d3 modules the site never runs (maps, Delaunay, dates, most colour schemes):
  // the browser bundle gets stand-ins (src/widgets/charts/shims/README.md).
  vite: {
    resolve: { alias: d3Shims() },
    plugins: [keptSchemes()],
    build: {
      sourcemap: process.env.VG_SOURCEMAP === '1',
      rolldownOptions: {
        // Islands import src/lib, the chart builders and the series helpers through one export list
        // each (index.ts). Without these two settings such an import made every module behind the
        // list a dependency of every island, so a page that uses one activation loaded the whole
        // library in one chunk (11.8 KB gzip), and every chart builder. These folders are pure by
        // their rules (src/lib: no module-level state; charts/, series/: functions of their
        // arguments), so nothing happens on import and a module is bundled where its exports are
        // used, and only there. A module added to them must stay free of import-time effects.
        experimental: { lazyBarrel: true },
        treeshake: { moduleSideEffects: [{ test: /\/src\/(lib|widgets\/series)\//, sideEffects: false }] },
      },
    },
  },
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
      // 'wasm-unsafe-eval' lets the search (Pagefind) compile its WebAssembly index reader;
      // it permits WebAssembly compilation only, not eval() or new Function().
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: inlineScriptHashes() },
      // KaTeX and Plot position glyphs and marks with style attributes; those are not
      // scripts, and style-src-attr is the narrowest place to allow them.
      styleDirective: {
        // style-src itself defaults to 'self' (our stylesheets) when no plain resource is listed.
        resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
});
