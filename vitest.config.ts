/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  {
    test: {
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
      // Vitest's default for `vitest run` is one worker fewer than the cores: on a 2-core
      // machine that is one file at a time, and the suite took twice its CPU time in wall time.
      maxWorkers: '100%',
      // Files share a worker's module graph instead of re-importing src/lib, the i18n
      // dictionaries and the chapters for each file (a third of the light files' CPU time).
      // Safe because src/ keeps no module-level mutable state beyond pure memo caches; a
      // test that stubs a global or spies on a module is undone after each test by these:
      isolate: false,
      unstubGlobals: true,
      unstubEnvs: true,
      restoreMocks: true,
    },
  },
  { devToolbar: { enabled: false } },
);
