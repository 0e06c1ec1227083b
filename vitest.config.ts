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
      // A timeout is not a speed check (those live in `npm run bench`): it only stops a hung
      // test. Vitest's 5 s default failed sub-second tests on a loaded 2-core machine.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Each file gets a fresh module graph (the default). Sharing one per worker saved about
      // 5 s of CPU, but made a chart snapshot depend on which files ran before it in the same
      // worker (it failed in the full suite and passed alone): order-dependent tests are flaky.
      isolate: true,
      unstubGlobals: true,
      unstubEnvs: true,
      restoreMocks: true,
    },
  },
  { devToolbar: { enabled: false } },
);
