// Translation tracking with Lunaria (@lunariajs/core), as the Astro docs and Starlight use it.
// The chapters are written natively in both languages, so either one can be the source of a
// change. Lunaria 0.1 knows one source language per run, so we run it twice:
//   - "en": English as the translation, Spanish as its source (is English behind Spanish?)
//   - "es": Spanish as the translation, English as its source (is Spanish behind English?)
// Each dashboard speaks the language of the people who update that translation.
// Commits whose message contains one of `ignoreKeywords` (e.g. "fix typo", "lunaria-ignore") do
// not make the other language outdated; see TRANSLATING.md.
import { readFileSync } from 'node:fs';

const site = JSON.parse(readFileSync(new URL('./src/site.json', import.meta.url), 'utf8'));
const label = { es: 'Español', en: 'English' };

const ui = {
  en: {
    lang: 'en',
    'status.done': 'up to date',
    'status.outdated': 'outdated',
    'status.missing': 'missing',
    'statusByLocale.heading': 'English translation, compared with the Spanish text',
    'statusByLocale.outdatedLocalizationLink': 'English text (outdated)',
    'statusByLocale.createFileLink': 'Create the English file',
    'statusByLocale.sourceChangeHistoryLink': 'changes to the Spanish text since then',
    'statusByLocale.missingKeys': 'Missing keys',
    'statusByLocale.completeLocalization': 'Every English file is up to date with its Spanish twin.',
    'statusByFile.heading': 'Status by file',
    'statusByFile.tableRowFile': 'File',
  },
  es: {
    lang: 'es',
    'status.done': 'al día',
    'status.outdated': 'desactualizado',
    'status.missing': 'falta',
    'statusByLocale.heading': 'Traducción al español, comparada con el texto en inglés',
    'statusByLocale.detailsSummaryFormat': '{done_amount} {done_word}, {outdated_amount} {outdated_word}, {missing_amount} {missing_word}',
    'statusByLocale.outdatedLocalizationLink': 'texto en español (desactualizado)',
    'statusByLocale.incompleteLocalizationLink': 'traducción incompleta',
    'statusByLocale.createFileLink': 'Crear el archivo en español',
    'statusByLocale.sourceChangeHistoryLink': 'cambios del texto en inglés desde entonces',
    'statusByLocale.missingKeys': 'Claves que faltan',
    'statusByLocale.completeLocalization': 'Todos los archivos en español están al día con su gemelo en inglés.',
    'statusByFile.heading': 'Estado por archivo',
    'statusByFile.tableRowFile': 'Archivo',
  },
};

const dashboard = {
  en: { title: 'Translation status: English', description: 'Which English chapters and UI strings are missing or behind their Spanish twins.' },
  es: { title: 'Estado de la traducción: español', description: 'Qué capítulos y textos de la interfaz en español faltan o van por detrás de su gemelo en inglés.' },
};

/**
 * The Lunaria configuration that tracks `target` against the other language.
 * @param {'es' | 'en'} target
 * @param {{ ignore?: string[], cloneDir?: string }} [options]
 */
export function lunariaConfig(target, options = {}) {
  const source = target === 'es' ? 'en' : 'es';
  return {
    repository: { name: site.repository, branch: site.branch, rootDir: '.', hosting: 'github' },
    defaultLocale: { lang: source, label: label[source] },
    locales: [{ lang: target, label: label[target] }],
    files: [
      { type: 'universal', location: 'src/content/chapters/**/*.{md,mdx}', pattern: 'src/content/chapters/@lang/@path', ignore: options.ignore ?? [] },
      { type: 'dictionary', location: 'src/i18n/{es,en}.json', pattern: 'src/i18n/@lang.json', ignore: options.ignore ?? [] },
    ],
    ignoreKeywords: ['lunaria-ignore', 'fix typo', 'typo:', 'i18n-ignore'],
    dashboard: { ...dashboard[target], ui: ui[target], basesToHide: ['src/content/chapters/', 'src/i18n/'] },
    outDir: `./node_modules/.cache/lunaria/out-${target}`,
    // Only used if the clone is shallow and cannot be deepened with git fetch (see scripts/translation-status.mjs).
    cloneDir: options.cloneDir ?? './node_modules/.cache/lunaria/history',
  };
}
