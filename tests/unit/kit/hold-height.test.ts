import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdHeight } from '../../../src/widgets/kit/hooks.ts';

// A stand-in ResizeObserver the test drives by hand, and frames that run when told.
type Entry = { contentRect: { width: number; height: number }; borderBoxSize: { inlineSize: number; blockSize: number }[] };
let report: ((entries: Entry[]) => void) | null = null;
let frames: (() => void)[] = [];
const size = (width: number, height: number, padding = 4): Entry[] => [{ contentRect: { width, height }, borderBoxSize: [{ inlineSize: width + 2 * padding, blockSize: height + 2 * padding }] }];
const flush = () => {
  const f = frames;
  frames = [];
  for (const cb of f) cb();
};

function setUp(boxSizing: string) {
  vi.stubGlobal('ResizeObserver', class {
    constructor(cb: (e: Entry[]) => void) {
      report = cb;
    }
    observe() {}
    disconnect() {
      report = null;
    }
  });
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.stubGlobal('getComputedStyle', () => ({ boxSizing }));
  return { style: { minHeight: '' } } as unknown as HTMLElement;
}

describe('a live paragraph that does not shrink back (useNoShrink)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    frames = [];
  });

  it('keeps the tallest height it has had at this width, set on the next frame', () => {
    const el = setUp('border-box');
    const stop = holdHeight(el)!;
    report!(size(600, 20)); // the first report only learns the width
    report!(size(600, 40));
    expect(el.style.minHeight).toBe('');
    flush();
    // border-box: the floor is the border box (40 + 2 × 4 padding), not the content box.
    expect(el.style.minHeight).toBe('48px');
    report!(size(600, 20)); // shorter text: the floor stays
    flush();
    expect(el.style.minHeight).toBe('48px');
    report!(size(600, 60));
    flush();
    expect(el.style.minHeight).toBe('68px');
    stop();
    expect(report).toBeNull();
  });

  it('starts over at a new width, where the text wraps differently', () => {
    const el = setUp('border-box');
    holdHeight(el);
    report!(size(600, 20));
    report!(size(600, 60));
    flush();
    expect(el.style.minHeight).toBe('68px');
    report!(size(300, 60));
    expect(el.style.minHeight).toBe('');
    report!(size(300, 40));
    flush();
    expect(el.style.minHeight).toBe('48px');
  });

  it('measures in the content box where that is the box-sizing, so the floor cannot creep up', () => {
    const el = setUp('content-box');
    holdHeight(el);
    report!(size(600, 20));
    report!(size(600, 40));
    flush();
    expect(el.style.minHeight).toBe('40px');
    report!(size(600, 40));
    flush();
    expect(el.style.minHeight).toBe('40px');
  });
});
