import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

// Test-only chapters (tests/fixtures/chapters) join the build with VG_FIXTURES=1 and never ship.
// Ids stay "<lang>/<slug>" whichever folder a chapter comes from.
const patterns = ['src/content/chapters/**/*.{md,mdx}', ...(process.env.VG_FIXTURES === '1' ? ['tests/fixtures/chapters/**/*.{md,mdx}'] : [])];

const chapters = defineCollection({
  loader: glob({
    pattern: patterns,
    base: '.',
    generateId: ({ entry }) => entry.replace(/^.*?chapters\//, '').replace(/\.mdx?$/, ''),
  }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(20).max(200),
    // Position in the reading order; "about" sits outside it with a high number.
    order: z.number().int().nonnegative(),
    // Short label for the chapter list; defaults to the title.
    navTitle: z.string().optional(),
    // Chapters outside the main sequence (like "about") are listed apart.
    appendix: z.boolean().default(false),
    updated: z.coerce.date().optional(),
    draft: z.boolean().default(false),
    // A chapter written in one language only, on purpose: the other language serves it with a
    // notice (noindex, out of hreflang and the sitemap), and the parity test reports it without failing.
    untranslated: z.boolean().default(false),
  }),
});

export const collections = { chapters };
