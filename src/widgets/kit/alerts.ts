import type { Lang } from '../../i18n/index.ts';
import type { Trainer } from '../runner/useTrainer.ts';
import { formatNumber, formatSci } from './format.ts';
import { tr, type Strings } from './strings.ts';

/** The alert FigureShell shows when training diverged or the worker failed, with Reset as the way out. */
export function trainingAlert(trainer: Trainer, s: Strings, lang: Lang): { message: string; action: { label: string; run(): void } } | null {
  const action = { label: tr(s, 'kit.reset'), run: trainer.reset };
  const d = trainer.diverged;
  if (d) return { message: tr(s, `kit.diverged.${d.reason}`, { step: formatNumber(d.step, lang, 0), loss: formatSci(d.loss, lang) }), action };
  if (trainer.error) return { message: tr(s, 'kit.workerError', { message: trainer.error }), action };
  return null;
}
