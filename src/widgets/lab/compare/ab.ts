/**
 * A/B compare: two configurations trained in lockstep from the same seed. A reader who
 * compares a setting that blows up with one that does not wants to watch the survivor go
 * on, so both sessions are `independent`: B diverging does not stop A (nor A, B), and the
 * alert names the side that diverged. Reset restarts both.
 */
import type { Lang } from '../../../i18n/index.ts';
import type { FigureAlert } from '../../kit/FigureShell.tsx';
import { formatNumber, formatSci } from '../../kit/format.ts';
import { tr, type Strings } from '../../kit/strings.ts';
import type { Divergence, SessionConfig } from '../../runner/session.ts';
import type { Trainer } from '../../runner/useTrainer.ts';

export type Side = 'a' | 'b';
export const SIDES: readonly Side[] = ['a', 'b'];

/** The sessions to train: A alone, or A and B side by side, neither stopping the other. */
export function compareConfigs(a: SessionConfig, b: SessionConfig | null): SessionConfig[] {
  return b ? [{ ...a, independent: true }, { ...b, independent: true }] : [a];
}

/** The side letter as the reader sees it. */
export const sideName = (side: Side, s: Strings) => tr(s, `widget.lab.compare.side.${side}`);

type Alerting = Pick<Trainer, 'sessions' | 'error' | 'host' | 'reset'>;

/**
 * The alert for a comparison: which side diverged, at which step and how, and whether the
 * other side trains on. Null when neither diverged (the lab's own alert covers the rest).
 */
export function compareAlert(trainer: Alerting, s: Strings, lang: Lang): FigureAlert | null {
  if (trainer.sessions.length < 2 || trainer.error) return null;
  const d = SIDES.map((_, i) => trainer.sessions[i]?.state.diverged ?? null);
  if (!d[0] && !d[1]) return null;
  const part = (side: Side, x: Divergence) =>
    tr(s, `widget.lab.compare.diverged.${x.reason}`, { side: sideName(side, s), step: formatNumber(x.step, lang, 0), loss: formatSci(x.loss, lang) });
  const message =
    d[0] && d[1]
      ? `${part('a', d[0])} ${part('b', d[1])}`
      : `${part(d[0] ? 'a' : 'b', (d[0] ?? d[1]) as Divergence)} ${tr(s, 'widget.lab.compare.trainsOn', { side: sideName(d[0] ? 'b' : 'a', s) })}`;
  return { message, action: { label: tr(s, 'widget.lab.compare.resetBoth'), run: trainer.reset } };
}

/**
 * Whether Play and Step can still do something in a comparison: one side diverging leaves the
 * other to train (trainer.canRun is false as soon as any session diverged).
 */
export function compareCanRun(trainer: Pick<Trainer, 'sessions' | 'error'>): boolean {
  return !trainer.error && trainer.sessions.some((x) => !x.state.diverged && !x.state.finished);
}
