import type { Strings } from '../kit/strings.ts';
import type { Trainer } from '../runner/useTrainer.ts';
import { PlayControls } from './PlayControls.tsx';

interface Props {
  trainer: Trainer;
  strings: Strings;
  /** Steps taken by one press of Step (a recording interval, so charts gain a point). */
  stepBy: number;
  format(step: number): string;
}

/** Play/Pause/Step/Reset bound to a trainer (useTrainer): the wiring every training figure shares. */
export function TrainerControls({ trainer, strings, stepBy, format }: Props) {
  return (
    <PlayControls
      strings={strings}
      playing={trainer.playing}
      onPlay={trainer.play}
      onPause={trainer.pause}
      onStep={() => trainer.step(stepBy)}
      onReset={trainer.reset}
      canRun={trainer.canRun}
      step={trainer.stepCount}
      format={format}
      stepBy={stepBy}
    />
  );
}
