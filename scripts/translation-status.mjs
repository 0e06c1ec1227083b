#!/usr/bin/env node
// Builds the two Lunaria dashboards (see lunaria.config.mjs) and a combined status.json into
// <out>/translation-status/{es,en}/. Run from the root of a git checkout:
//   node scripts/translation-status.mjs --out dist
// Lunaria reads git history from the current directory. A shallow clone (CI checkouts often are)
// is deepened with `git fetch --unshallow` first; if that is impossible (no network) the pages
// say so instead of failing the build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Makes sure the full history is there; returns a reason when it cannot be. */
function ensureHistory() {
  try {
    if (git('rev-parse', '--is-inside-work-tree') !== 'true') return 'not a git checkout';
  } catch {
    return 'not a git checkout';
  }
  if (git('rev-parse', '--is-shallow-repository') !== 'true') return null;
  try {
    git('fetch', '--unshallow', '--filter=blob:none', '--quiet');
    return null;
  } catch {
    return 'shallow clone whose history could not be fetched (use fetch-depth: 0 in CI)';
  }
}

/** Files git does not know yet have no history; Lunaria would stop on them. */
function untracked() {
  try {
    return git('ls-files', '--others', '--exclude-standard', '--', 'src/content/chapters', 'src/i18n').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function placeholder(lang, reason) {
  const text = lang === 'es'
    ? `El estado de la traducción no está disponible en esta compilación: ${reason}.`
    : `The translation status is not available in this build: ${reason}.`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Translation status</title></head><body><p>${text}</p></body></html>\n`;
}

export async function buildTranslationStatus(outRoot) {
  const { lunariaConfig } = await import(new URL('../lunaria.config.mjs', import.meta.url).href);
  const outDir = join(resolve(outRoot), 'translation-status');
  const reason = ensureHistory();
  const combined = {};
  for (const target of ['es', 'en']) {
    const dir = join(outDir, target);
    mkdirSync(dir, { recursive: true });
    if (reason) {
      writeFileSync(join(dir, 'index.html'), placeholder(target, reason));
      continue;
    }
    const { lunaria } = await import('@lunariajs/core');
    const { validateConfig } = await import('@lunariajs/core/config');
    const { generateDashboard } = await import('@lunariajs/core/dashboard');
    const userConfig = lunariaConfig(target, { ignore: untracked() });
    const status = await lunaria(userConfig);
    const html = await generateDashboard(validateConfig(userConfig), undefined, status);
    // The dashboard is a page of the site, but not one for search engines. Lunaria's link blue
    // (#3b82f6) has a 3.5:1 contrast on its background; the site's own link colours pass 4.5:1.
    const css = ':root{--ln-color-link:#1d56a0}@media (prefers-color-scheme: dark){:root{--ln-color-link:#8ab8f2}}';
    writeFileSync(join(dir, 'index.html'), html.replace('<head>', '<head><meta name="robots" content="noindex">').replace('</head>', `<style>${css}</style></head>`));
    writeFileSync(join(dir, 'status.json'), JSON.stringify(status, null, 2));
    combined[target] = status.map((s) => ({
      file: s.localizations[target]?.isMissing ? null : s.localizations[target]?.path ?? null,
      source: s.sourceFile.path,
      missing: Boolean(s.localizations[target]?.isMissing),
      outdated: Boolean(s.localizations[target]?.isOutdated),
      sourceChangedAt: s.sourceFile.git.lastMajorChange,
      sourceCommit: s.sourceFile.git.lastMajorCommitHash,
      translatedAt: s.localizations[target]?.git?.lastMajorChange ?? null,
      translatedCommit: s.localizations[target]?.git?.lastMajorCommitHash ?? null,
      history: s.localizations[target]?.gitHostingHistoryURL ?? null,
    }));
  }
  writeFileSync(join(outDir, 'status.json'), JSON.stringify({ unavailable: reason, ...combined }, null, 2));
  return { reason, combined };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || !values.out) {
    console.log('Usage: node scripts/translation-status.mjs --out <folder>   (run from the root of a git checkout)');
    process.exit(values.help ? 0 : 1);
  }
  const { reason, combined } = await buildTranslationStatus(values.out);
  if (reason) console.warn(`translation status: ${reason}; placeholder pages written.`);
  else for (const [lang, rows] of Object.entries(combined)) {
    const bad = rows.filter((r) => r.missing || r.outdated);
    console.log(`translation status (${lang}): ${rows.length} files, ${bad.filter((r) => r.outdated).length} outdated, ${bad.filter((r) => r.missing).length} missing`);
  }
}
