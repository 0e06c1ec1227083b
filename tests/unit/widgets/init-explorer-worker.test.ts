// The init explorer's worker path: the service the worker runs gives explore()'s numbers,
// its answer survives a transfer intact, and the page's queue sends only the newest settings.
import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { INIT_EXPLORER_SCHEMA, explore, explorerNetwork, type InitExplorerValues } from '../../../src/widgets/init-explorer/model.ts';
import { createExplorer, latestOnly, resultKey, transferable } from '../../../src/widgets/init-explorer/explorer.ts';
import { initExplorerSummary } from '../../../src/widgets/init-explorer/view.ts';
import { pick } from '../../../src/i18n/index.ts';

const v = (patch: Partial<InitExplorerValues>): InitExplorerValues => ({ ...defaults(INIT_EXPLORER_SCHEMA), ...patch }) as InitExplorerValues;
const strings = { ...pick('en', 'kit.'), ...pick('en', 'widget.initExplorer.') };

describe('the explore worker service', () => {
  it('gives explore() bit for bit, reusing the weights across an activation change and rebuilding them for new weights settings', () => {
    const service = createExplorer();
    for (const patch of [{}, { activation: 'tanh' }, { activation: 'sigmoid', init: 'he' }, { depth: 50, width: 16, seed: 3 }, { depth: 50, width: 16, seed: 3, activation: 'leakyRelu' }] as Partial<InitExplorerValues>[]) {
      const values = v(patch);
      const got = service(values);
      const want = explore(explorerNetwork(values), values);
      expect(got.ratio).toEqual(want.ratio);
      expect(got.stats).toEqual(want.stats);
      expect(got.weightGrads.map((a) => Array.from(a))).toEqual(want.weightGrads.map((a) => Array.from(a)));
      expect(initExplorerSummary(got, strings, 'en')).toBe(initExplorerSummary(want, strings, 'en'));
    }
  });

  it('hands over arrays that own their buffers, one buffer each, and the transfer keeps every number', () => {
    const values = v({ depth: 12, width: 32 });
    const r = createExplorer()(values);
    const { result, buffers } = transferable(r);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(2 * 12);
    const copy = structuredClone(result, { transfer: buffers });
    // The sender's buffers are gone (transferred, not copied); the receiver has the numbers.
    expect(result.activations[0].length).toBe(0);
    expect(copy.activations.map((a) => Array.from(a))).toEqual(r.activations.map((a) => Array.from(a)));
    expect(copy.weightGrads.map((a) => Array.from(a))).toEqual(r.weightGrads.map((a) => Array.from(a)));
    expect(copy.stats).toEqual(r.stats);
    // The service's own result is untouched by the transfer.
    expect(r.activations[0].length).toBe(32 * r.batch);
  });

  it('tells results apart by every setting', () => {
    const keys = new Set([v({}), v({ activation: 'tanh' }), v({ depth: 29 }), v({ width: 56 }), v({ init: 'he' }), v({ seed: 2 })].map(resultKey));
    expect(keys.size).toBe(6);
  });
});

describe('the newest-only queue', () => {
  it('keeps one request in flight and sends only the newest of those asked for meanwhile', () => {
    const sent: [number, number][] = [];
    const q = latestOnly<number>((id, req) => sent.push([id, req]));
    q.want(1);
    q.want(2);
    q.want(3);
    expect(sent).toEqual([[1, 1]]);
    // The answer to 1 is stale: 3 is sent next, and 2 never.
    expect(q.done(1)).toBe(false);
    expect(sent).toEqual([[1, 1], [3, 3]]);
    expect(q.wanted()).toBe(3);
    expect(q.done(3)).toBe(true);
    expect(q.wanted()).toBe(null);
  });

  it('drops what waits when cancelled, so a late answer applies to nothing', () => {
    const sent: number[] = [];
    const q = latestOnly<string>((_, req) => sent.push(req.length));
    q.want('a');
    q.want('bb');
    q.cancel();
    expect(q.done(1)).toBe(false);
    expect(sent).toEqual([1]);
    q.want('ccc');
    expect(sent).toEqual([1, 3]);
  });
});
