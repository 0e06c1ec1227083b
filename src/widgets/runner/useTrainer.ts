import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { Divergence, LayerRecord, SessionConfig, SessionState } from './session.ts';

/** Everything the island knows about one session, accumulated from the worker's deltas. */
export interface SessionView {
  state: SessionState;
  /** Loss at steps 1..n. */
  losses: number[];
  records: LayerRecord[];
  grid: Float64Array | null;
}

export interface Trainer {
  sessions: SessionView[];
  /** Which build of the sessions `sessions` belongs to: changes on every reset or new config. */
  generation: number;
  playing: boolean;
  /** First divergence among the sessions, if any. */
  diverged: Divergence | null;
  /** Steps taken so far (sessions run in lockstep, so the first session's count). */
  stepCount: number;
  /** Play and Step can do something: sessions exist, none diverged, not all finished. */
  canRun: boolean;
  error: string | null;
  play(): void;
  pause(): void;
  step(n?: number): void;
  /** Rebuilds every session from its config (new network, same seed). */
  reset(): void;
}

/**
 * Runs sessions in a module Web Worker and hands the island at most one update per
 * animation frame. `active` false (off screen, hidden tab) pauses training; it resumes
 * when active again if it was playing.
 */
export function useTrainer(configs: SessionConfig[], active: boolean): Trainer {
  const worker = useRef<Worker | null>(null);
  const views = useRef<SessionView[]>([]);
  const generation = useRef(0);
  const frame = useRef(0);
  const wantPlay = useRef(false);
  const [tick, setTick] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(configs);

  const send = (m: ToWorker) => worker.current?.postMessage(m);

  useEffect(() => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.generation !== generation.current) return;
      if (m.type === 'error') {
        setError(m.message);
        setPlaying(false);
        return;
      }
      const vs = views.current;
      m.sessions.forEach((d, i) => {
        const v = (vs[i] ??= { state: d.state, losses: [], records: [], grid: null });
        v.state = d.state;
        for (const x of d.losses) v.losses.push(x);
        for (const r of d.records) v.records.push(r);
        if (d.grid) v.grid = d.grid;
      });
      if (!m.playing) wantPlay.current = wantPlay.current && m.sessions.every((s) => !s.state.diverged && !s.state.finished);
      setPlaying(m.playing);
      // Coalesce: however many snapshots arrive, the island re-renders once per frame.
      if (!frame.current) frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        setTick((t) => t + 1);
      });
    };
    w.onerror = (e) => setError(e.message || 'worker error');
    return () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      w.terminate();
      worker.current = null;
    };
  }, []);

  const init = useCallback(() => {
    generation.current++;
    views.current = [];
    setError(null);
    send({ type: 'init', configs });
    if (wantPlay.current && active) send({ type: 'play' });
    // The worker counts generations the same way: both start at 0 and add one per init.
  }, [key, active]);

  useEffect(() => {
    wantPlay.current = false;
    init();
  }, [key]);

  useEffect(() => {
    if (!active && playing) send({ type: 'pause' });
    else if (active && wantPlay.current && !playing) send({ type: 'play' });
  }, [active]);

  const sessions = views.current;
  const diverged = sessions.map((s) => s.state.diverged).find((d) => d) ?? null;
  void tick;
  return {
    sessions,
    generation: generation.current,
    stepCount: sessions[0]?.state.step ?? 0,
    canRun: sessions.length > 0 && !diverged && sessions.some((x) => !x.state.finished),
    playing,
    diverged,
    error,
    play: () => {
      wantPlay.current = true;
      send({ type: 'play' });
    },
    pause: () => {
      wantPlay.current = false;
      send({ type: 'pause' });
    },
    step: (n = 1) => {
      wantPlay.current = false;
      send({ type: 'step', n });
    },
    reset: () => {
      wantPlay.current = false;
      init();
    },
  };
}
