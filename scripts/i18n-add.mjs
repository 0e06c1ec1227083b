#!/usr/bin/env node
// Adds UI strings to both dictionaries at once, so they can never drift apart.
// Run with no arguments (or --help) for usage.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const USAGE = `Usage: node scripts/i18n-add.mjs [--force] <strings.json>

Adds UI strings to src/i18n/es.json and src/i18n/en.json at once.
<strings.json> looks like:
  { "es": { "glossary.title": "Glosario" }, "en": { "glossary.title": "Glossary" } }
Both languages must have the same keys and the same {placeholders}. New keys go next to the
existing keys with the same prefix (the part before the first dot), or at the end.
An existing key is never replaced unless you pass --force.`;

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const force = args.includes('--force');
const files = args.filter((a) => !a.startsWith('-'));
if (files.length !== 1) fail(files.length ? 'Give exactly one strings file.' : 'No strings file given.');
if (!existsSync(files[0])) fail(`No such file: ${files[0]}`);

let input;
try {
  input = JSON.parse(readFileSync(files[0], 'utf8'));
} catch (e) {
  fail(`${files[0]} is not valid JSON: ${e instanceof Error ? e.message : e}`);
}
if (typeof input?.es !== 'object' || typeof input?.en !== 'object') fail('The file needs an "es" object and an "en" object.');

const only = (a, b) => a.filter((k) => !b.includes(k));
const esKeys = Object.keys(input.es).sort();
const enKeys = Object.keys(input.en).sort();
if (esKeys.join('\n') !== enKeys.join('\n')) {
  fail(`Keys differ. Only in es: ${only(esKeys, enKeys).join(', ') || '-'}; only in en: ${only(enKeys, esKeys).join(', ') || '-'}`);
}
// Same names in the same braces, plural variables included; t() would otherwise print "{n}".
const names = (s) => [...String(s).matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort().filter((x, i, a) => a.indexOf(x) === i).join(', ');
const mismatched = esKeys.filter((k) => names(input.es[k]) !== names(input.en[k]));
if (mismatched.length) fail(`Placeholders differ between es and en in: ${mismatched.map((k) => `${k} (es: {${names(input.es[k])}}, en: {${names(input.en[k])}})`).join('; ')}`);
const empty = esKeys.filter((k) => !String(input.es[k]).trim() || !String(input.en[k]).trim());
if (empty.length) fail(`Empty strings: ${empty.join(', ')}`);

const dicts = Object.fromEntries(['es', 'en'].map((lang) => {
  const file = new URL(`../src/i18n/${lang}.json`, import.meta.url);
  return [lang, { file, dict: JSON.parse(readFileSync(file, 'utf8')) }];
}));
const existing = esKeys.filter((k) => k in dicts.es.dict || k in dicts.en.dict);
if (existing.length && !force) fail(`These keys already exist; nothing was written (use --force to replace them): ${existing.join(', ')}`);

/** Inserts key after the last key sharing its prefix, keeping groups together. */
function insert(dict, key, value) {
  if (key in dict) return { ...dict, [key]: value };
  const prefix = key.split('.')[0] + '.';
  const keys = Object.keys(dict);
  let at = -1;
  keys.forEach((k, i) => {
    if (k.startsWith(prefix)) at = i;
  });
  if (at < 0) return { ...dict, [key]: value };
  const out = {};
  keys.forEach((k, i) => {
    out[k] = dict[k];
    if (i === at) out[key] = value;
  });
  return out;
}

for (const lang of ['es', 'en']) {
  let dict = dicts[lang].dict;
  for (const k of esKeys) dict = insert(dict, k, input[lang][k]);
  writeFileSync(dicts[lang].file, JSON.stringify(dict, null, 2) + '\n');
}
const added = esKeys.length - existing.length;
console.log(`Added ${added} key(s)${existing.length ? ` and replaced ${existing.length}` : ''} in es.json and en.json.`);
