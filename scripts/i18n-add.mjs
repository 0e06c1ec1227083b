// Adds UI strings to both dictionaries at once, so they can never drift apart:
//   node scripts/i18n-add.mjs strings.json
// where strings.json is { "es": { "key": "..." }, "en": { "key": "..." } } with the same keys.
import { readFileSync, writeFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const esKeys = Object.keys(input.es ?? {}).sort();
const enKeys = Object.keys(input.en ?? {}).sort();
if (esKeys.join('\n') !== enKeys.join('\n')) {
  const only = (a, b) => a.filter((k) => !b.includes(k));
  console.error(`Keys differ. Only in es: ${only(esKeys, enKeys).join(', ') || '-'}; only in en: ${only(enKeys, esKeys).join(', ') || '-'}`);
  process.exit(1);
}
for (const lang of ['es', 'en']) {
  const file = new URL(`../src/i18n/${lang}.json`, import.meta.url);
  const dict = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(dict, input[lang]);
  writeFileSync(file, JSON.stringify(dict, null, 2) + '\n');
}
console.log(`Added or updated ${esKeys.length} keys in es.json and en.json.`);
