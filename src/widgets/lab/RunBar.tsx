import type { Lang } from '../../i18n/index.ts';
import { TrainerControls } from '../controls/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { LabRunner } from './useLabRunner.ts';
import { LAB_RECORD_EVERY } from './settings.ts';

interface Props {
  runner: LabRunner;
  strings: Strings;
  lang: Lang;
  skip: number;
  finished: boolean;
  reduced: boolean;
}

/** Play, Pause, Step, Reset, and "Skip ahead N steps" (trained without drawing). */
export function RunBar({ runner, strings: s, lang, skip, finished, reduced }: Props) {
  const int = (x: number) => formatNumber(x, lang, 0);
  const t = runner.trainer;
  return (
    <div class="fig-controls lab-runbar">
      <TrainerControls trainer={t} strings={s} stepBy={LAB_RECORD_EVERY} format={int} />
      <div class="ctl lab-skip">
        <button type="button" class="btn" disabled={!t.canRun || runner.skipTarget !== null} onClick={() => runner.skip(skip)}>
          {tr(s, 'widget.lab.skipButton', { n: int(skip) })}
        </button>
        <p class="ctl-message" role="status">
          {runner.skipTarget !== null ? tr(s, 'widget.lab.skipping', { step: int(t.stepCount), target: int(runner.skipTarget) }) : ''}
        </p>
      </div>
      {reduced && <p class="ctl-note">{tr(s, 'kit.reducedMotion')}</p>}
      {finished && <p class="ctl-note" role="status">{tr(s, 'kit.finished', { steps: int(t.stepCount) })}</p>}
    </div>
  );
}
