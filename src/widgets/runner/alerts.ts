import type { Lang } from '../../i18n/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { FigureAlert } from '../kit/FigureShell.tsx';
import type { Trainer } from './useTrainer.ts';

/**
 * The alert FigureShell shows for a trainer: divergence or a failure, with Reset as the way
 * out; or, with no way out needed, that training runs on the page because no worker could.
 */
export function trainingAlert(trainer: Pick<Trainer, 'diverged' | 'error' | 'host' | 'reset'>, s: Strings, lang: Lang): FigureAlert | null {
  const action = { label: tr(s, 'kit.reset'), run: trainer.reset };
  const d = trainer.diverged;
  if (d) return { message: tr(s, `kit.diverged.${d.reason}`, { step: formatNumber(d.step, lang, 0), loss: formatSci(d.loss, lang) }), action };
  if (trainer.error) return { message: tr(s, 'kit.workerError', { message: trainer.error }), action };
  const h = trainer.host;
  if (h.kind === 'page') return { message: h.reason === 'unsupported' ? tr(s, 'kit.noWorker') : tr(s, 'kit.workerFailed', { message: h.message }) };
  return null;
}
