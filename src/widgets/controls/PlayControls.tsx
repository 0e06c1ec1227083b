import { tr, type Strings } from '../kit/strings.ts';

interface Props {
  strings: Strings;
  playing: boolean;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onReset(): void;
  /** Play and Step are disabled once training cannot go on (diverged or finished). */
  canRun: boolean;
  step: number;
  format(step: number): string;
  /** Steps one press of Step takes; the button says so when it is more than one. */
  stepBy?: number;
}

export function PlayControls({ strings, playing, onPlay, onPause, onStep, onReset, canRun, step, format, stepBy = 1 }: Props) {
  return (
    <div class="ctl ctl-play" role="group" aria-label={tr(strings, 'kit.training')}>
      {playing ? (
        <button type="button" class="btn btn--primary" onClick={onPause}>
          <span aria-hidden="true">❚❚</span> {tr(strings, 'kit.pause')}
        </button>
      ) : (
        <button type="button" class="btn btn--primary" onClick={onPlay} disabled={!canRun}>
          <span aria-hidden="true">▶</span> {tr(strings, 'kit.play')}
        </button>
      )}
      <button type="button" class="btn" onClick={onStep} disabled={!canRun || playing}>
        {stepBy > 1 ? tr(strings, 'kit.stepMany', { n: format(stepBy) }) : tr(strings, 'kit.step')}
      </button>
      <button type="button" class="btn" onClick={onReset}>
        {tr(strings, 'kit.reset')}
      </button>
      <span class="ctl-play__counter">{tr(strings, 'kit.stepCount', { step: format(step) })}</span>
    </div>
  );
}
