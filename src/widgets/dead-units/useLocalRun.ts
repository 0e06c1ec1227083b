import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSession, type Session, type SessionConfig } from '../runner/session.ts';
import { negativeEverywhere, trainingInputs } from './model.ts';

/**
 * Trains one tiny network on the main thread, in short time slices. The kit's worker
 * sends only per-layer statistics, and this figure needs the state of every unit; the
 * network ([2, 8, 8, 8, 1] on 180 points) is small enough that a slice of a few
 * steps costs well under SLICE_MS, so the page never waits on it.
 */
const SLICE_MS = 4;
const TICK_MS = 40;
const STEPS_PER_TICK = 8;

export interface LocalRun {
  session: Session | null;
  /** negativeEverywhere() for the current weights. */
  units: boolean[][];
  playing: boolean;
  /** Bumped on every change, for memo keys. */
  version: number;
  play(): void;
  pause(): void;
  step(n: number): void;
  reset(): void;
}

export function useLocalRun(config: SessionConfig, active: boolean): LocalRun {
  const key = JSON.stringify(config);
  const inputs = useMemo(() => trainingInputs(config), [config.data.name, config.data.seed, config.data.n, config.data.noise]);
  const session = useRef<Session | null>(null);
  const units = useRef<boolean[][]>([]);
  const [version, setVersion] = useState(0);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = () => {
    const s = session.current;
    if (s) units.current = negativeEverywhere(s.net, inputs.x, inputs.n);
    setVersion((v) => v + 1);
  };

  const rebuild = () => {
    // Stop any pending slice first: it must never step the new session before the
    // re-render that pauses it.
    clearTimeout(timer.current);
    session.current = null;
    const fresh = createSession(JSON.parse(key) as SessionConfig);
    session.current = fresh;
    refresh();
  };

  // A new configuration (or the first render in the browser) starts a new session, paused.
  useEffect(() => {
    setPlaying(false);
    rebuild();
    return () => clearTimeout(timer.current);
  }, [key]);

  // The loop: a few steps per tick, never longer than SLICE_MS, then yield to the page.
  useEffect(() => {
    clearTimeout(timer.current);
    if (!playing || !active) return;
    // The loop belongs to the session that was current when it started.
    const own = session.current;
    const tick = () => {
      const s = session.current;
      if (!s || s !== own) return;
      const t0 = performance.now();
      for (let k = 0; k < STEPS_PER_TICK && performance.now() - t0 < SLICE_MS; k++) if (s.run(1) === 0) break;
      refresh();
      if (s.done()) {
        setPlaying(false);
        return;
      }
      timer.current = setTimeout(tick, TICK_MS);
    };
    timer.current = setTimeout(tick, 0);
    return () => clearTimeout(timer.current);
  }, [playing, active]);

  return {
    session: session.current,
    units: units.current,
    playing,
    version,
    play: () => {
      if (session.current && !session.current.done()) setPlaying(true);
    },
    pause: () => setPlaying(false),
    step: (n: number) => {
      setPlaying(false);
      const s = session.current;
      if (!s) return;
      s.run(n);
      refresh();
    },
    reset: () => {
      setPlaying(false);
      rebuild();
    },
  };
}
