import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Engine } from './engine.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { HistogramProbe, UnitProbe } from './probe.ts';
import type { Divergence, LayerRecord, SessionState } from './session.ts';
import type { AnyConfig } from './sequenceSession.ts';

/** Everything the island knows about one session, accumulated from the worker's deltas. */
export interface SessionView {
  state: SessionState;
  /** Loss at steps 1..n. */
  losses: number[];
  records: LayerRecord[];
  grid: Float64Array | null;
  /** The per-unit probe, when the session's config asks for one. */
  probe: UnitProbe | null;
  /** The activation-histogram probe, when the session's config asks for one (latest received). */
  histograms: HistogramProbe | null;
}

/** Where the sessions train: in a Web Worker, or on the page when no worker could start. */
export type TrainerHost = { kind: 'worker' } | { kind: 'page'; reason: 'unsupported' | 'failed'; message: string };

/**
 * The one handle every training figure gets. `version` changes whenever new data arrived,
 * so an island memoises on it instead of building keys out of step counts by hand.
 */
export interface Trainer {
  sessions: SessionView[];
  /** Which build of the sessions `sessions` belongs to: changes on every reset or new config. */
  generation: number;
  /** Changes whenever `sessions` changed (new steps, a reset, a new config). Memoise on it. */
  version: number;
  playing: boolean;
  /** First divergence among the sessions, if any. */
  diverged: Divergence | null;
  /** Steps taken so far (sessions run in lockstep, so the first session's count). */
  stepCount: number;
  /** Play and Step can do something: sessions exist, none diverged, not all finished. */
  canRun: boolean;
  error: string | null;
  host: TrainerHost;
  play(): void;
  pause(): void;
  step(n?: number): void;
  /** Rebuilds every session from its config (new network, same seed); after a failure, a new worker too. */
  reset(): void;
}

/** Anything that takes ToWorker messages: a real Worker, or the engine on the main thread. */
interface Channel {
  send(m: ToWorker): void;
  close(): void;
}

/** While training runs, the island re-renders at most this often (about ten times a second). */
const LIVE_RENDER_MS = 100;

/** Main-thread slices are shorter than the worker's: here they compete with the page itself. */
const PAGE_SLICE_MS = 6;

/**
 * Opens a worker, or falls back to the engine on the main thread when the browser has no
 * workers or constructing one throws (blocked by policy, for instance). Never throws.
 */
export function openChannel(onMessage: (m: FromWorker) => void, onFailure: (message: string) => void, force?: 'page'): { channel: Channel; host: TrainerHost } {
  const page = (reason: 'unsupported' | 'failed', message: string) => {
    // The engine (and the training half of src/lib it needs) loads only when a page trains
    // on the main thread, which is rare: every other page gets it inside the worker, so it
    // is not part of the page's own JavaScript. Messages sent meanwhile wait, in order.
    let engine: Engine | null = null;
    let closed = false;
    const waiting: ToWorker[] = [];
    import('./engine.ts').then(
      ({ createEngine }) => {
        if (closed) return;
        engine = createEngine(onMessage, PAGE_SLICE_MS);
        for (const m of waiting.splice(0)) engine.receive(m);
      },
      (err: unknown) => onFailure(err instanceof Error ? err.message : String(err)),
    );
    const send = (m: ToWorker) => (engine ? engine.receive(m) : waiting.push(m));
    const close = () => {
      closed = true;
      engine?.stop();
    };
    return { channel: { send, close }, host: { kind: 'page', reason, message } as TrainerHost };
  };
  if (force === 'page') return page('failed', '');
  if (typeof Worker === 'undefined') return page('unsupported', 'Worker is not defined');
  try {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    // A worker that fails to load or throws at the top level lands here; it is not coming back.
    w.onerror = (e) => {
      e.preventDefault?.();
      onFailure(e.message || 'the training worker failed');
    };
    w.onmessageerror = () => onFailure('a message from the training worker could not be read');
    return { channel: { send: (m: ToWorker) => w.postMessage(m), close: () => w.terminate() }, host: { kind: 'worker' } };
  } catch (err) {
    return page('failed', err instanceof Error ? err.message : String(err));
  }
}

/**
 * Runs sessions in a module Web Worker (or, failing that, on the page) and hands the island
 * at most one update every LIVE_RENDER_MS while training runs. `active` false (off screen,
 * hidden tab) pauses training; it resumes when active again if it was playing.
 */
export function useTrainer(configs: AnyConfig[], active: boolean): Trainer {
  const channel = useRef<Channel | null>(null);
  /** Set when the worker died: Reset opens a new one. */
  const dead = useRef(false);
  const views = useRef<SessionView[]>([]);
  const generation = useRef(0);
  const wantPlay = useRef(false);
  const [version, setVersion] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [host, setHost] = useState<TrainerHost>({ kind: 'worker' });
  const key = JSON.stringify(configs);
  const latest = useRef(configs);
  latest.current = configs;

  const send = (m: ToWorker) => channel.current?.send(m);
  const lastBump = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bump = (live = false) => {
    // Coalesce: however many snapshots arrive, the island re-renders at most every
    // LIVE_RENDER_MS while training runs: each re-render of an island (its controls, step
    // counter and summary) costs a few ms of main thread, as much at 4× CPU throttling as a
    // frame has. A pause, a step or a reset shows at once.
    // The re-render runs in a task of its own (a timer), never inside an animation frame: in
    // a frame it would add the island's whole render to the style, layout and paint of every
    // chart drawn since the last frame, and make one task of the two.
    if (timer.current !== undefined) {
      if (live) return;
      clearTimeout(timer.current);
    }
    const wait = live ? lastBump.current + LIVE_RENDER_MS - performance.now() : 0;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      lastBump.current = performance.now();
      setVersion((t) => t + 1);
    }, Math.max(0, wait));
  };

  const onMessage = (m: FromWorker) => {
    if (m.generation !== generation.current) return;
    if (m.type === 'error') {
      setError(m.message);
      setPlaying(false);
      wantPlay.current = false;
      return;
    }
    const vs = views.current;
    m.sessions.forEach((d, i) => {
      const v = (vs[i] ??= { state: d.state, losses: [], records: [], grid: null, probe: null, histograms: null });
      v.state = d.state;
      for (const x of d.losses) v.losses.push(x);
      for (const r of d.records) v.records.push(r);
      if (d.grid) v.grid = d.grid;
      if (d.probe) v.probe = d.probe;
      if (d.histograms) v.histograms = d.histograms;
    });
    if (!m.playing) wantPlay.current = wantPlay.current && m.sessions.every((s) => !s.state.diverged && !s.state.finished);
    setPlaying(m.playing);
    bump(m.playing);
  };

  /** Whether the current channel has answered at all: a worker that never did never started. */
  const heard = useRef(false);
  const open = (force?: 'page') => {
    channel.current?.close();
    dead.current = false;
    heard.current = false;
    const opened = openChannel(
      (m) => {
        heard.current = true;
        onMessage(m);
      },
      (message) => {
        if (!heard.current) {
          // The worker could not even start (blocked, or its script failed to load): train
          // on the page instead, and say so.
          channel.current?.close();
          const page = openChannel(onMessage, () => {}, 'page');
          channel.current = page.channel;
          setHost({ kind: 'page', reason: 'failed', message });
          send({ type: 'init', generation: generation.current, configs: latest.current });
          if (wantPlay.current) send({ type: 'play' });
          return;
        }
        dead.current = true;
        setError(message);
        setPlaying(false);
        wantPlay.current = false;
      },
      force,
    );
    channel.current = opened.channel;
    setHost(opened.host);
  };

  useEffect(() => {
    open();
    return () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      channel.current?.close();
      channel.current = null;
    };
  }, []);

  const init = useCallback(() => {
    if (dead.current) open();
    generation.current++;
    views.current = [];
    setError(null);
    bump();
    // The engine counts generations the same way: both start at 0 and add one per init.
    send({ type: 'init', generation: generation.current, configs });
    if (wantPlay.current && active) send({ type: 'play' });
  }, [key, active]);

  useEffect(() => {
    wantPlay.current = false;
    init();
  }, [key]);

  // On `playing` too, not only `active`: the worker acknowledges play and pause a slice later,
  // so a figure scrolled out and back in before the pause arrived would otherwise stay paused
  // on screen (and one scrolled away before play arrived would train off screen).
  useEffect(() => {
    if (!active && playing) send({ type: 'pause' });
    else if (active && wantPlay.current && !playing) send({ type: 'play' });
  }, [active, playing]);

  const sessions = views.current;
  const diverged = sessions.map((s) => s.state.diverged).find((d) => d) ?? null;
  return {
    sessions,
    generation: generation.current,
    version,
    stepCount: sessions[0]?.state.step ?? 0,
    canRun: sessions.length > 0 && !diverged && !error && sessions.some((x) => !x.state.finished),
    playing,
    diverged,
    error,
    host,
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
