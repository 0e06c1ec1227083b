// Main-thread tasks from a Chromium trace (Tracing domain, devtools.timeline categories).
// Wall time on this shared machine is inflated by other load; a task's thread CPU time
// (`tdur`, from the trace) is what it would cost on an idle core, so the budget is read from
// that, with the wall numbers reported next to it.

/** One trace event as Chromium writes it (only the fields read here). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'];

export interface Task {
  /** Start, µs (trace clock). */
  ts: number;
  /** Wall duration, ms. */
  wall: number;
  /** Thread CPU duration, ms. */
  cpu: number;
  /** Children of the task with the biggest CPU share: name (function or event) → CPU ms. */
  parts: Map<string, number>;
}

/** The renderer main threads (CrRendererMain) in the trace, as "pid:tid". */
function mainThreads(events: TraceEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') out.add(`${e.pid}:${e.tid}`);
  return out;
}

const label = (e: TraceEvent): string => {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction') {
    const fn = String(d.functionName ?? '') || '(anonymous)';
    const url = String(d.url ?? '').replace(/^.*\//, '');
    return `${e.name} ${fn}${url ? ` @${url}` : ''}`;
  }
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch') return `${e.name}${d.type ? ` ${String(d.type)}` : ''}`;
  return e.name;
};

/**
 * Top-level tasks on the renderer main thread between `from` and `to` (µs, trace clock;
 * both optional), with a breakdown of each task's CPU time by its direct children.
 */
export function mainThreadTasks(events: TraceEvent[], from = -Infinity, to = Infinity): Task[] {
  const mains = mainThreads(events);
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.ts >= from && e.ts <= to).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Chromium writes both RunTask (devtools.timeline) and ThreadControllerImpl::RunTask
  // (toplevel) for the same task; either names a top-level task, and nested ones are skipped.
  const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  const tasks: Task[] = [];
  let end = -Infinity;
  let current: Task | null = null;
  let currentEnd = -Infinity;
  for (const e of onMain) {
    if (isTask(e) && e.ts >= end) {
      end = e.ts + (e.dur ?? 0);
      current = { ts: e.ts, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000, parts: new Map() };
      currentEnd = end;
      tasks.push(current);
      continue;
    }
    // Direct children only: an event that starts inside the last child is that child's own.
    if (current && !isTask(e) && e.ts < currentEnd) {
      const key = label(e);
      const last = (current as Task & { childEnd?: number }).childEnd ?? -Infinity;
      if (e.ts >= last) {
        current.parts.set(key, (current.parts.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
        (current as Task & { childEnd?: number }).childEnd = e.ts + (e.dur ?? 0);
      }
    }
  }
  return tasks;
}

export interface TaskStats {
  maxCpu: number;
  maxWall: number;
  /** Tasks over 50 ms of CPU time. */
  overCpu: number;
  /** Tasks over 50 ms of wall time. */
  overWall: number;
  /** Total blocking time from wall durations (the sum of each task's time beyond 50 ms). */
  tbtWall: number;
  /** The same from CPU durations: what an idle core would have blocked. */
  tbtCpu: number;
}

export function taskStats(tasks: Task[]): TaskStats {
  const over = (xs: number[]) => xs.filter((d) => d > 50).length;
  const tbt = (xs: number[]) => xs.reduce((a, d) => a + Math.max(0, d - 50), 0);
  const cpu = tasks.map((t) => t.cpu);
  const wall = tasks.map((t) => t.wall);
  return { maxCpu: Math.max(0, ...cpu), maxWall: Math.max(0, ...wall), overCpu: over(cpu), overWall: over(wall), tbtWall: tbt(wall), tbtCpu: tbt(cpu) };
}

/** What the heaviest tasks spent their CPU on, summed over the `n` tasks with the most CPU. */
export function heaviest(tasks: Task[], n = 5): { cpu: number; parts: [string, number][] }[] {
  return [...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, n).map((t) => ({ cpu: t.cpu, parts: [...t.parts].sort((a, b) => b[1] - a[1]).slice(0, 6) }));
}

/** CPU ms per window spent in each kind of work (the tasks' direct children, summed), largest first. */
export function totals(tasks: Task[], n = 10): [string, number][] {
  const sum = new Map<string, number>();
  for (const t of tasks) for (const [k, v] of t.parts) sum.set(k, (sum.get(k) ?? 0) + v);
  return [...sum].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** The p-th percentile (0–100) of the tasks' CPU times. */
export function percentile(tasks: Task[], p: number): number {
  const xs = tasks.map((t) => t.cpu).sort((a, b) => a - b);
  return xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0;
}

/** Dedicated-worker threads in the trace (the figures' training workers), as "pid:tid". */
function workerThreads(events: TraceEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && /DedicatedWorker/i.test(e.args?.name ?? '')) out.add(`${e.pid}:${e.tid}`);
  return out;
}

export interface WorkerCpu {
  /** Dedicated-worker threads that ran a task in the window. */
  threads: number;
  /** Their tasks' thread CPU time, summed, ms (top-level tasks only, so nothing counts twice). */
  cpu: number;
  /** The same in wall time, ms. */
  wall: number;
  tasks: number;
}

/**
 * CPU time the page's dedicated workers spent between `from` and `to` (µs, trace clock): the
 * sum of their top-level tasks' `tdur`. A worker's task is its message handler or a timer
 * (engine.ts's training slices), so this is the training loop's whole cost: steps, refreshes,
 * snapshots and their postMessage copies.
 */
export function workerCpu(events: TraceEvent[], from = -Infinity, to = Infinity): WorkerCpu {
  const workers = workerThreads(events);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !workers.has(key) || e.ts < from || e.ts > to) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const out: WorkerCpu = { threads: 0, cpu: 0, wall: 0, tasks: 0 };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // Top-level events only: one that starts inside the previous top-level one is nested in it.
    let end = -Infinity;
    let counted = 0;
    for (const e of list) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      out.cpu += (e.tdur ?? e.dur ?? 0) / 1000;
      out.wall += (e.dur ?? 0) / 1000;
      counted++;
    }
    if (counted) out.threads++;
    out.tasks += counted;
  }
  return out;
}
