// Known, harmless upstream warnings, filtered so a newcomer's build log shows only what matters.
// Each filter names the upstream issue; delete it once that issue is fixed upstream.

/** @param {string} text */
export function isKnownUpstreamWarning(text) {
  // withastro/astro#18087: every MDX file compiled with propagated assets carries the module-level
  // directive "use astro:head-inject", and the bundler warns (one 8-line box per MDX file) that
  // it "may not be preserved". Astro reads the directive before bundling, so nothing is lost.
  return text.includes('MODULE_LEVEL_DIRECTIVE') && text.includes('astro:head-inject');
}

/** @returns {import('astro').AstroIntegration} */
export function quietLogger() {
  return {
    name: 'vg:quiet-build',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Astro builds in several Vite environments and replaces their bundler options, so the
        // filter sits on Vite's logger, which every environment shares, rather than on onwarn.
        /** @type {import('vite').Plugin} */
        const plugin = {
          name: 'vg:quiet-upstream-warnings',
          configResolved(config) {
            const warn = config.logger.warn.bind(config.logger);
            config.logger.warn = (msg, options) => {
              if (!isKnownUpstreamWarning(String(msg))) warn(msg, options);
            };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
