// Steps that need the finished site: the search index (Pagefind reads the built HTML) and the
// translation dashboards (Lunaria reads git history). Both run inside `astro build`, so every
// build (npm start, npm test, CI, deploys) has them.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** @returns {import('astro').AstroIntegration} */
export default function afterBuild() {
  return {
    name: 'vg:after-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        // One index per language: Pagefind splits by <html lang>, and the search box loads the
        // index of the page's language. Only elements marked data-pagefind-body are indexed.
        const pagefind = await import('pagefind');
        const { index } = await pagefind.createIndex({});
        if (!index) throw new Error('Pagefind could not start');
        const added = await index.addDirectory({ path: out });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${out}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);

        // Lunaria runs in a child process: it reads git from the working directory and exits
        // the process on errors, which must not take the build down with it.
        const t0 = performance.now();
        try {
          const msg = execFileSync(process.execPath, [fileURLToPath(new URL('./translation-status.mjs', import.meta.url)), '--out', out], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          for (const line of msg.trim().split('\n')) logger.info(`${line} (${Math.round(performance.now() - t0)} ms)`);
        } catch (e) {
          logger.warn(`translation status not built: ${String(/** @type {any} */ (e).stderr || e).trim().split('\n').slice(-3).join(' ')}`);
        }
      },
    },
  };
}
