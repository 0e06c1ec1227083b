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
});
