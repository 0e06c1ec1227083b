import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

const chapters = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/chapters' }),
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
  }),
});

export const collections = { chapters };
