// The lab's worker-side costs (issue 13's throughput, issue 17's "worker's own overhead"): the
// test loss is computed forward-only and must equal the library's gradients() loss bit for
// bit; big networks evaluate their records less often but with the same values; and the
// refresh budget never leaves a paused or finished run showing stale extras.
import { describe, expect, it } from 'vitest';
import { forward, gradients } from '../../../src/lib/index.ts';
import { LAB_DEFAULTS, labConfig, type LabValues } from '../../../src/widgets/lab/settings.ts';
import { createEngine } from '../../../src/widgets/runner/engine.ts';
import type { FromWorker, SessionDelta } from '../../../src/widgets/runner/protocol.ts';
import { EVAL_EVERY_BIG, createSession, sessionData, type SessionConfig } from '../../../src/widgets/runner/session.ts';

const lab = (v: Partial<LabValues>): SessionConfig => labConfig({ ...LAB_DEFAULTS, ...v });

/** The old evaluation: test loss from a full gradients() pass, accuracies from forward(). */
function reference(config: SessionConfig, steps: number) {
  const s = createSession(config);
  s.run(steps);
  const { train, test } = sessionData(config.data);
  const acc = (x: Float64Array, y: Float64Array, n: number) => {
    if (n === 0) return NaN;
    const out = forward(s.net, x, n);
    let ok = 0;
    for (let i = 0; i < n; i++) if ((out[i] > 0.5 ? 1 : 0) === y[i]) ok++;
    return ok / n;
  };
  return {
    testLoss: test.n ? gradients(s.net, test.x, test.y, test.n, config.loss).loss : NaN,
    trainAccuracy: acc(train.x, train.y, train.n),
    testAccuracy: acc(test.x, test.y, test.n),
  };
}

describe('forward-only test loss', () => {
  const cases: [string, Partial<LabValues>][] = [
    ['the lab defaults (tanh, bce, full batch)', {}],
    ['batch norm, mini-batches (the split is normalised by its own statistics, as gradients() does)', { norm: 'batch', batch: 32 }],
    ['layer norm, residual, Adam', { norm: 'layer', residual: true, optimizer: 'adam', lr: 0.003 }],
    ['mse on xor, half the points held out', { loss: 'mse', dataset: 'xor', testFraction: 0.5 }],
  ];
  for (const [name, v] of cases) {
    it(`equals gradients()'s loss bit for bit, and the accuracies forward()'s: ${name}`, () => {
      const config = lab(v);
      const s = createSession(config);
      s.run(60);
      s.evaluate();
      const st = s.state();
      const ref = reference(config, 60);
      expect(st.testLoss).toBe(ref.testLoss);
      expect(st.trainAccuracy).toBe(ref.trainAccuracy);
      expect(st.testAccuracy).toBe(ref.testAccuracy);
      // A trained network's loss, not the default of an empty split.
      expect(Number.isFinite(st.testLoss)).toBe(true);
      // Each record's values are those of a fresh evaluation at that step.
      const rec = s.layerHistory.find((r) => r.step === 30);
      expect(rec?.testLoss).toBe(reference(config, 30).testLoss);
    });
  }
  it('a split with no test points has NaN test numbers, as before', () => {
    const s = createSession(lab({ testFraction: 0 }));
    s.run(5);
    s.evaluate();
    expect(s.state().testLoss).toBeNaN();
    expect(s.state().testAccuracy).toBeNaN();
    expect(s.state().trainAccuracy).toBeGreaterThan(0);
  });
});

describe('record evaluation on big networks', () => {
  // 6 x 64 is past the 20 000 weights where the JS forward passes cost several wasm steps.
  const big = lab({ depth: 6, width: 64, activation: 'relu', init: 'heNormal', batch: 32, lr: 0.01 });
  it(`evaluates every ${EVAL_EVERY_BIG} steps (and at step 0), with the values of an evaluation at every record`, () => {
    const s = createSession(big);
    s.run(2 * EVAL_EVERY_BIG);
    const evaluated = s.layerHistory.filter((r) => r.testLoss !== undefined).map((r) => r.step);
    expect(evaluated).toEqual([0, EVAL_EVERY_BIG, 2 * EVAL_EVERY_BIG]);
    // Every record is still there, with its per-layer stats.
    expect(s.layerHistory.map((r) => r.step)).toEqual(Array.from({ length: 2 * EVAL_EVERY_BIG / 10 + 1 }, (_, i) => 10 * i));
    const r = s.layerHistory.find((x) => x.step === EVAL_EVERY_BIG)!;
    const ref = reference(big, EVAL_EVERY_BIG);
    expect([r.testLoss, r.trainAccuracy, r.testAccuracy]).toEqual([ref.testLoss, ref.trainAccuracy, ref.testAccuracy]);
  });
  it('small networks (the lab defaults) still evaluate every record', () => {
    const s = createSession(lab({}));
    s.run(50);
    expect(s.layerHistory.every((r) => r.testLoss !== undefined)).toBe(true);
  });
  it('the lab computes no gradient bound (it draws none); figures still get theirs', () => {
    const s = createSession(lab({}));
    s.run(20);
    expect(s.layerHistory.every((r) => r.bound === undefined)).toBe(true);
    const fig = createSession({ ...lab({}), bound: undefined });
    fig.run(20);
    expect(fig.layerHistory.every((r) => Array.isArray(r.bound))).toBe(true);
  });
});

describe('the refresh budget', () => {
  // A budget no run reaches: only forced posts may refresh the extras.
  const harness = (config: SessionConfig) => {
    const got: FromWorker[] = [];
    const engine = createEngine((m) => got.push(m), 4, undefined, { ms: 1e9 });
    engine.receive({ type: 'init', generation: 1, configs: [config] });
    const snaps = () => got.filter((m): m is Extract<FromWorker, { type: 'snapshot' }> => m.type === 'snapshot');
    const until = async (ok: () => boolean) => {
      const t0 = Date.now();
      while (!ok()) {
        if (Date.now() - t0 > 20_000) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    return { engine, snaps, until, last: (): SessionDelta => snaps().at(-1)!.sessions[0] };
  };
  /** The extras a session replayed to `step` gives: what a refresh at that step must show. */
  const replay = (config: SessionConfig, step: number) => {
    const s = createSession(config);
    s.run(step);
    s.evaluate();
    return { state: s.state(), grid: s.grid(), histograms: s.histograms() };
  };

  it('skips the refreshes while playing, and refreshes at pause: grid, histograms and evaluation of the paused step', async () => {
    const config = lab({});
    const h = harness(config);
    h.engine.receive({ type: 'play' });
    await h.until(() => h.snaps().length > 4 && h.last().state.step > 20);
    h.engine.receive({ type: 'pause' });
    h.engine.stop();
    // The first two are forced (init, play); the last is the pause.
    const mid = h.snaps().slice(2, -1).map((m) => m.sessions[0]);
    expect(mid.length).toBeGreaterThan(2);
    // While playing: no grid, no histograms (the budget held them back).
    expect(mid.every((d) => d.grid === null && !d.histograms)).toBe(true);
    const end = h.last();
    const ref = replay(config, end.state.step);
    expect(end.grid).not.toBeNull();
    expect(Array.from(end.grid!)).toEqual(Array.from(ref.grid!));
    expect(end.histograms?.step).toBe(end.state.step);
    expect(end.histograms?.now).toEqual(ref.histograms?.now);
    expect(end.state.testLoss).toBe(ref.state.testLoss);
    expect(end.state.testAccuracy).toBe(ref.state.testAccuracy);
    expect(end.state.trainAccuracy).toBe(ref.state.trainAccuracy);
  });

  it('refreshes at the end of a run (maxSteps) and of a step request', async () => {
    const config = { ...lab({}), maxSteps: 37 };
    const h = harness(config);
    h.engine.receive({ type: 'play' });
    await h.until(() => h.last().state.finished);
    const end = h.last();
    expect(end.state.step).toBe(37);
    const ref = replay(config, 37);
    expect(Array.from(end.grid ?? [])).toEqual(Array.from(ref.grid!));
    expect(end.histograms?.step).toBe(37);
    expect(end.state.testLoss).toBe(ref.state.testLoss);

    const k = harness(lab({}));
    k.engine.receive({ type: 'step', n: 23 });
    await k.until(() => k.last().state.step === 23 && k.last().grid !== null);
    k.engine.stop();
    expect(Array.from(k.last().grid!)).toEqual(Array.from(replay(lab({}), 23).grid!));
    expect(k.last().state.testLoss).toBe(replay(lab({}), 23).state.testLoss);
  });
});
