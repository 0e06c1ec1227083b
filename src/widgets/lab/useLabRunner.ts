import { useEffect, useRef, useState } from 'preact/hooks';
import type { Trainer } from '../runner/useTrainer.ts';
import { MAX_STEPS_PER_MESSAGE } from '../runner/protocol.ts';

export interface LabRunner {
  /** The trainer as TrainerControls should see it: Play follows the chosen speed. */
  trainer: Trainer;
  /** While skipping ahead: the step the jump ends at (charts hold still until then). */
  skipTarget: number | null;
  skip(n: number): void;
}

/**
 * The lab's two speeds and its jump: 'fast' is the trainer's own Play (as many steps as the
 * worker manages); 'frame' asks for one step per animation frame, so every step is drawn.
 * `skip(n)` sends one step message (at most MAX_STEPS_PER_MESSAGE) and marks the charts
 * as frozen until the worker reports the target step (or stops short: divergence, the end).
 */
export function useLabRunner(trainer: Trainer, speed: 'fast' | 'frame'): LabRunner {
  const [frames, setFrames] = useState(false);
  const [skipTarget, setSkipTarget] = useState<number | null>(null);
  const raf = useRef(0);
  const latest = useRef(trainer);
  latest.current = trainer;

  useEffect(() => {
    if (!frames) return;
    let last = -1;
    const tick = () => {
      const t = latest.current;
      if (!t.canRun) return setFrames(false);
      // One step per frame, but never ask again before the last step has come back.
      if (t.stepCount !== last) {
        last = t.stepCount;
        t.step(1);
      }
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf.current);
  }, [frames]);

  // A new run (reset, new settings) stops the frame loop and any jump.
  useEffect(() => {
    setFrames(false);
    setSkipTarget(null);
  }, [trainer.generation]);

  useEffect(() => {
    if (skipTarget === null) return;
    if (trainer.stepCount >= skipTarget || !trainer.canRun || trainer.playing) setSkipTarget(null);
  }, [trainer.version]);

  useEffect(() => {
    if (speed === 'fast') setFrames(false);
    else if (trainer.playing) {
      trainer.pause();
      setFrames(true);
    }
  }, [speed]);

  const wrapped: Trainer = {
    ...trainer,
    playing: trainer.playing || frames,
    play: () => {
      setSkipTarget(null);
      if (speed === 'frame') setFrames(true);
      else trainer.play();
    },
    pause: () => {
      setFrames(false);
      setSkipTarget(null);
      trainer.pause();
    },
    step: (n) => {
      setFrames(false);
      trainer.step(n);
    },
    reset: () => {
      setFrames(false);
      setSkipTarget(null);
      trainer.reset();
    },
  };
  return {
    trainer: wrapped,
    skipTarget,
    skip: (n: number) => {
      const k = Math.max(1, Math.min(MAX_STEPS_PER_MESSAGE, Math.floor(n)));
      setFrames(false);
      setSkipTarget(trainer.stepCount + k);
      trainer.step(k);
    },
  };
}
