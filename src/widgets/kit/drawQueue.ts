// The page's chart draws take turns: at most one chart is redrawn per frame.
//
// Why one queue for the whole page: a chart's cost is not only Plot building its SVG (a task
// of its own) but also the style, layout and paint of the new SVG, which the browser does in
// the next frame for every chart replaced since the last one. Six charts replaced in one frame
// made one rendering task six charts long (about 80–100 ms of CPU at 4× throttling in the
// 30 × 64 lab, measured with `npm run bench:ui`). Drawing one chart per frame bounds every task
// by the cost of one chart, whichever islands the charts belong to. The queue holds nothing
// but pending draws, so islands still share no state.
//
// The cadence follows the frame budget: after a draw, the next one waits at least twice as
// long as the last draw and its frame took (REST), so charts use at most about a third of the
// main thread and input and training snapshots always get a turn. A chart asked to redraw while it waits keeps
// its place and draws only its newest options (coalescing); once drawn, it goes to the back
// (round robin), so a chart that changes every frame cannot starve the others.

// A draw may come in parts: each part may return the next, which runs in a task of its own
// right after it (Chart builds the chart's options in one, renders them with Plot in the
// next, and shows the result in the last). Each part is shorter than the whole, and the chart
// on screen is always whole: only the last part touches it.

/** A draw, or its first part: what it returns, when a function, is its next part. */
type Draw = () => unknown;

/**
 * How long the queue rests after a draw, in multiples of that draw's cost: charts take at
 * most 1 / (1 + REST) of the main thread. At 2, a third: each redraw builds a few hundred
 * DOM nodes that become garbage, and at half the thread a 30 × 64 lab reached a major
 * garbage collection every few seconds at 4x CPU throttling, 25-33 ms of CPU inside
 * whichever task was running (npm run bench:ui, BENCH_TRACE_OUT).
 */
const REST = 2;

const pending = new Map<object, Draw>();
let scheduled = false;
let notBefore = 0;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const nextFrame = (f: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(f) : setTimeout(f, 16));

function pump(): void {
  if (scheduled || pending.size === 0) return;
  scheduled = true;
  nextFrame(() => {
    // Draw in a task of its own, just after this frame, so the frame that shows the previous
    // chart is not made longer by this one.
    setTimeout(() => {
      scheduled = false;
      // Every pending draw may have been cancelled (a figure re-rendered or unmounted) since
      // this turn was scheduled.
      if (pending.size === 0) return;
      if (now() < notBefore) {
        pump();
        return;
      }
      const [owner, draw] = pending.entries().next().value!;
      pending.delete(owner);
      const t0 = now();
      // Measure up to the frame that renders this chart: its style, layout and paint belong
      // to its cost.
      const done = () =>
        nextFrame(() => {
          notBefore = now() + REST * (now() - t0);
          pump();
        });
      runChain(draw, done);
    }, 0);
  });
}

/**
 * Runs a draw and then each part it returns, one task per part, and calls `done` once after
 * the last (or after the one that threw: a broken chart must not stop the queue).
 */
function runChain(part: Draw, done: () => void, track?: (t: ReturnType<typeof setTimeout>) => void): void {
  let rest: unknown;
  try {
    rest = part();
  } catch (err) {
    done();
    throw err;
  }
  if (typeof rest !== 'function') done();
  else {
    const t = setTimeout(() => runChain(rest as Draw, done, track), 0);
    track?.(t);
  }
}

const first = new Map<object, ReturnType<typeof setTimeout>>();

/**
 * Asks for `owner`'s chart to be drawn with `draw` on a coming frame (replacing any pending
 * draw). A chart's first draw, which replaces the build-time SVG when its island hydrates,
 * does not wait for a turn: it runs in a task of its own at once, as it always did, so a
 * figure answers pointer input on its live charts as soon as it has hydrated.
 */
export function requestDraw(owner: object, draw: Draw, firstDraw = false): void {
  if (firstDraw) {
    pending.delete(owner);
    clearTimeout(first.get(owner));
    // Every part's timer is kept, so that cancelDraw stops the chain wherever it is.
    const track = (t: ReturnType<typeof setTimeout>) => first.set(owner, t);
    track(setTimeout(() => runChain(draw, () => first.delete(owner), track), 0));
    return;
  }
  pending.set(owner, draw);
  pump();
}

/** Drops `owner`'s pending draw (unmount, or nothing to draw any more). */
export function cancelDraw(owner: object): void {
  pending.delete(owner);
  clearTimeout(first.get(owner));
  first.delete(owner);
}
