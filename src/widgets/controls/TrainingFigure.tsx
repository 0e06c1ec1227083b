import type { ComponentChildren } from 'preact';
import { useMemo, useRef, type MutableRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { FigureShell, type FigureAlert, type ShellState } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useAutoplayOnce, useReducedMotion, useTheme, useThrottled } from '../kit/hooks.ts';
import type { ParamSpec } from '../kit/params.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import type { Theme } from '../theme.ts';
import { trainingAlert } from '../runner/alerts.ts';
import { isSequenceConfig, type AnyConfig } from '../runner/sequenceSession.ts';
import type { SessionConfig } from '../runner/session.ts';
import { useTrainer, type SessionView, type Trainer } from '../runner/useTrainer.ts';
import { NumberInput } from './NumberInput.tsx';
import { TrainerControls } from './TrainerControls.tsx';

/** Who the figure is: its id, its reader's language and strings, its i18n prefix and its settings. */
export interface TrainingFigureOf {
  figureId: string;
  lang: Lang;
  strings: Strings;
  /** The figure's i18n prefix (`widget.<figureId in camelCase>`): the seed's label is `<prefix>.seed`. */
  prefix: string;
  state: SeededState;
}

/** What a training island works with: its trainer and the page state its charts follow. */
export interface Training extends TrainingFigureOf {
  trainer: Trainer;
  /** The configs the trainer runs, as the island built them. */
  configs: readonly AnyConfig[];
  /** Every session has reported (the readiness test the island gave); autoplay starts then. */
  ready: boolean;
  /** `trainer.version`, throttled to the figure's redraw rate: memoise charts on it. */
  version: number;
  theme: Theme;
  reduced: boolean;
  /** The element whose visibility pauses training (TrainingFigure attaches it). */
  root: MutableRef<HTMLDivElement | null>;
}

const hasRecords = (s: SessionView) => s.records.length > 0;

/**
 * The trainer of a training figure, started once it is on screen and every session is
 * `ready` (by default: has its first record), paused off screen and in hidden tabs.
 * `configs` must be memoised by the island: a new array is a new experiment.
 */
export function useTraining(figure: TrainingFigureOf, configs: AnyConfig[], options: { ready?: (s: SessionView) => boolean; redrawMs?: number } = {}): Training {
  const root = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const reduced = useReducedMotion();
  const active = useActive(root);
  const trainer = useTrainer(configs, active);
  const ready = trainer.sessions.length === configs.length && trainer.sessions.every(options.ready ?? hasRecords);
  useAutoplayOnce(ready, trainer.play);
  const version = useThrottled(trainer.version, options.redrawMs ?? 150);
  return { ...figure, trainer, configs, ready, version, theme, reduced, root };
}

/** A figure state with a `seed` setting: the one control every training figure has. */
export interface SeededState extends ShellState {
  values: { seed: number };
  set(key: 'seed', value: number): void;
}

const EMPTY: DataTable = { columns: [], rows: [] };

/** What "Open in the lab" carries: the one session, or the pair (A/B); nothing for sequence models, which the lab cannot train. */
function labOf(configs: readonly AnyConfig[]): SessionConfig | readonly SessionConfig[] | undefined {
  if (configs.length === 0 || configs.some(isSequenceConfig)) return undefined;
  const feedForward = configs as readonly SessionConfig[];
  return feedForward.length === 1 ? feedForward[0] : feedForward;
}

interface Props {
  training: Training;
  /** The seed's spec in the figure's schema (the field sits right before the play controls). */
  seed: Extract<ParamSpec, { kind: 'number' }>;
  /**
   * The figure's own settings, before the seed. They are drawn again only when the figure's
   * settings, language or strings change, so they must depend on nothing else.
   */
  settings: ComponentChildren;
  /** Notes after the play controls (the reduced-motion notice follows them). */
  notes?: ComponentChildren;
  /** Steps one press of Step takes: a recording interval, so the charts gain a point. */
  stepBy: number;
  summary: string;
  /** The table of the live run; null until there is one (then `staticData` shows). */
  data: DataTable | null;
  staticData?: DataTable;
  /** Replaces the usual training alert (divergence, failure, training on the page). */
  alert?: FigureAlert | null;
  /** The trainer the play controls drive, when it is not `training.trainer` as it is. */
  controls?: Trainer;
  /** Strings for the play controls, when the figure renames a button. */
  playStrings?: Strings;
  /** The play controls come first, before every setting (a figure whose point is to press Play). */
  playFirst?: boolean;
  /** The charts. */
  children: ComponentChildren;
}

/**
 * The frame of every training figure: FigureShell with the training alert and "Open in the
 * lab" (the sessions the figure trains), the figure's settings, the seed,
 * Play/Pause/Step/Reset and the reduced-motion notice, then its charts.
 * An island is left to say which settings and charts it has.
 */
export function TrainingFigure({ training, seed, settings, notes, stepBy, summary, data, staticData, alert, controls, playStrings, playFirst, children }: Props) {
  const { trainer, reduced, figureId, lang, strings: s, state } = training;
  const fmtInt = (x: number) => formatNumber(x, lang, 0);
  const play = <TrainerControls trainer={controls ?? trainer} strings={playStrings ?? s} stepBy={stepBy} format={fmtInt} />;
  // The figure's settings and the seed are drawn from the settings, the language and the
  // strings only: while training runs the island re-renders about ten times a second, and
  // handing Preact the same elements again lets it skip the whole group. (Their handlers
  // may be from an earlier render: state.set is a functional update, so they stay right.)
  const own = useMemo(
    () => (
      <>
        {settings}
        <NumberInput label={tr(s, `${training.prefix}.seed`)} spec={seed} value={state.values.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={fmtInt} />
      </>
    ),
    [state.values, lang, s],
  );
  return (
    <div ref={training.root}>
      <FigureShell figureId={figureId} lang={lang} strings={s} summary={summary} state={state} alert={alert === undefined ? trainingAlert(trainer, s, lang) : alert} data={data ?? EMPTY} staticData={staticData} lab={labOf(training.configs)}>
        <div class="fig-controls">
          {playFirst && play}
          {own}
          {!playFirst && play}
          {notes}
          {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
        </div>
        {children}
      </FigureShell>
    </div>
  );
}
