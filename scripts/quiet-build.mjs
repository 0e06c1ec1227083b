// Known, harmless upstream warnings, filtered so a newcomer's build log shows only what matters.
// Each filter names the upstream issue; delete it once that issue is fixed upstream.

/** @param {{ code?: string; message?: string }} warning */
export function isKnownUpstreamWarning(warning) {
  // withastro/astro#18087: every MDX file compiled with propagated assets carries the module-level
  // directive "use astro:head-inject", and the bundler warns (one 8-line box per MDX file) that
  // it "may not be preserved". Astro reads the directive before bundling, so nothing is lost.
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message ?? '').includes('astro:head-inject');
}

/** @returns {import('astro').AstroIntegration} */
export function quietLogger() {
  return {
    name: 'vg:quiet-build',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        /** @type {(warning: any, warn: (w: any) => void) => void} */
        const onwarn = (warning, warn) => {
          if (!isKnownUpstreamWarning(warning)) warn(warning);
        };
        updateConfig({ vite: { build: { rollupOptions: { onwarn }, rolldownOptions: { onwarn } } } });
      },
    },
  };
}
