#!/usr/bin/env node
// What changed in a chapter's twin since this language's text was last updated:
//   npm run translation-diff -- es sigmoid     (Spanish is behind: show the English changes)
// Commits whose message holds an ignore keyword (lunaria.config.mjs) do not count as updates.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lunariaConfig } from '../lunaria.config.mjs';

const USAGE = 'Usage: npm run translation-diff -- <es|en> <slug>   e.g. npm run translation-diff -- es sigmoid';
const [lang, slug] = process.argv.slice(2);
if (!['es', 'en'].includes(lang) || !slug) {
  console.error(USAGE);
  process.exit(1);
}
const other = lang === 'es' ? 'en' : 'es';
const file = (l) => ['mdx', 'md'].map((ext) => `src/content/chapters/${l}/${slug}.${ext}`).find((p) => existsSync(p));
const mine = file(lang);
const source = file(other);
if (!source) {
  console.error(`No ${other} text for "${slug}".\n${USAGE}`);
  process.exit(1);
}
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' });
const ignore = new RegExp(lunariaConfig(lang).ignoreKeywords.join('|'), 'i');
const last = (path) =>
  git('log', '--format=%H %cI %s', '--', path)
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ hash: l.slice(0, 40), date: l.slice(41, 66), subject: l.slice(67) }))
    .find((c) => !ignore.test(c.subject));
if (!mine) {
  console.log(`${lang}/${slug} does not exist yet: translate all of ${source}.`);
  process.exit(0);
}
const since = last(mine);
if (!since) {
  console.log(`${mine} has no commits yet.`);
  process.exit(0);
}
const changes = git('log', '--format=%h %cs %s', `${since.hash}..HEAD`, '--', source).split('\n').filter(Boolean).filter((l) => !ignore.test(l));
if (changes.length === 0) {
  console.log(`${mine} is up to date with ${source} (last updated ${since.date.slice(0, 10)}, ${since.hash.slice(0, 7)}).`);
  process.exit(0);
}
console.log(`${mine} was last updated ${since.date.slice(0, 10)} (${since.hash.slice(0, 7)}). Since then ${source} changed in:\n${changes.map((c) => `  ${c}`).join('\n')}\n`);
process.stdout.write(git('diff', since.hash, 'HEAD', '--', source));
