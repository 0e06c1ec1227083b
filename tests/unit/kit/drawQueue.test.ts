import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelDraw, requestDraw } from '../../../src/widgets/kit/drawQueue.ts';

describe('the page-wide draw queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a turn whose only draw was cancelled meanwhile draws nothing and does not throw', () => {
    const owner = {};
    const draw = vi.fn();
    requestDraw(owner, draw);
    cancelDraw(owner);
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(draw).not.toHaveBeenCalled();
    // The queue still works afterwards.
    const later = vi.fn();
    requestDraw(owner, later);
    vi.runAllTimers();
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('draws one chart per turn, each with its newest options', () => {
    const a = {};
    const b = {};
    const calls: string[] = [];
    requestDraw(a, () => calls.push('a1'));
    requestDraw(b, () => calls.push('b1'));
    requestDraw(a, () => calls.push('a2'));
    vi.runAllTimers();
    expect(calls).toEqual(['a2', 'b1']);
  });

  it('a draw in two halves runs its second half in a task of its own, before the next chart’s turn', () => {
    const a = {};
    const b = {};
    const calls: string[] = [];
    requestDraw(a, () => {
      calls.push('a: options');
      return () => calls.push('a: render and show');
    });
    requestDraw(b, () => calls.push('b'));
    // Timer by timer: the first half's task ends with only the first half done, and the very
    // next task is the second half.
    for (let i = 0; i < 50 && calls.length === 0; i++) vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['a: options']);
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['a: options', 'a: render and show']);
    vi.runAllTimers();
    expect(calls).toEqual(['a: options', 'a: render and show', 'b']);
  });

  it('a draw in three parts (options, Plot, show) runs each in a task of its own, in order, before the next chart', () => {
    const a = {};
    const b = {};
    const calls: string[] = [];
    requestDraw(a, () => {
      calls.push('options');
      return () => {
        calls.push('render');
        return () => void calls.push('show');
      };
    });
    requestDraw(b, () => void calls.push('b'));
    for (let i = 0; i < 50 && calls.length === 0; i++) vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['options']);
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['options', 'render']);
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['options', 'render', 'show']);
    vi.runAllTimers();
    expect(calls).toEqual(['options', 'render', 'show', 'b']);
  });

  it('a first draw in three parts stops wherever it is cancelled', () => {
    const a = {};
    const calls: string[] = [];
    const three = () => {
      calls.push('options');
      return () => {
        calls.push('render');
        return () => void calls.push('show');
      };
    };
    requestDraw(a, three, true);
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['options', 'render']);
    cancelDraw(a);
    vi.runAllTimers();
    expect(calls).toEqual(['options', 'render']);
  });

  it('a draw that throws does not stop the queue', () => {
    const a = {};
    const b = {};
    const calls: string[] = [];
    requestDraw(a, () => () => {
      throw new Error('broken chart');
    });
    requestDraw(b, () => void calls.push('b'));
    expect(() => vi.runAllTimers()).toThrow('broken chart');
    vi.runAllTimers();
    expect(calls).toEqual(['b']);
  });

  it('a first draw in two halves also runs them in two tasks, and a cancel between them drops the second', () => {
    const a = {};
    const calls: string[] = [];
    const twoHalves = () => {
      calls.push('options');
      return () => calls.push('show');
    };
    requestDraw(a, twoHalves, true);
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['options']);
    vi.runAllTimers();
    expect(calls).toEqual(['options', 'show']);
    calls.length = 0;
    requestDraw(a, twoHalves, true);
    vi.advanceTimersToNextTimer();
    cancelDraw(a);
    vi.runAllTimers();
    expect(calls).toEqual(['options']);
  });
});
