// The training loop shared by the worker and the main-thread fallback: it refuses malformed
// messages with an error (never a throw), runs huge step requests in slices, and numbers
// its builds as the page does.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/widgets/runner/engine.ts';
import { checkToWorker, MAX_STEPS_PER_MESSAGE, type FromWorker } from '../../../src/widgets/runner/protocol.ts';
import type { SessionConfig } from '../../../src/widgets/runner/session.ts';

const config: SessionConfig = {
  spec: { sizes: [2, 4, 1], activation: 'tanh', output: 'sigmoid', init: 'xavierUniform', seed: 1 },
  data: { name: 'moons', n: 40, noise: 0.1, seed: 1 },
  lr: 0.1,
  loss: 'bce',
};

function harness(sliceMs = 4) {
  const got: FromWorker[] = [];
  const engine = createEngine((m) => got.push(m), sliceMs);
  const last = () => got[got.length - 1];
  const until = async (ok: () => boolean, ms = 5000) => {
    const t0 = Date.now();
    while (!ok()) {
      if (Date.now() - t0 > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { got, engine, last, until };
}

describe('checkToWorker', () => {
  it('refuses messages without a valid shape and says why', () => {
    for (const bad of [null, 42, 'play', {}, { type: 'nope' }, { type: 'step' }, { type: 'step', n: -1 }, { type: 'step', n: NaN }, { type: 'init', configs: [] }, { type: 'init', configs: [{}], generation: 1 }, { type: 'init', configs: [config] }]) {
      expect('error' in checkToWorker(bad), JSON.stringify(bad)).toBe(true);
    }
  });
  it('caps a step request', () => {
    expect(checkToWorker({ type: 'step', n: 1e12 })).toEqual({ ok: { type: 'step', n: MAX_STEPS_PER_MESSAGE } });
    expect(checkToWorker({ type: 'step', n: 2.7 })).toEqual({ ok: { type: 'step', n: 2 } });
  });
});

describe('engine', () => {
  it('answers a malformed message with an error for the current build, and keeps working', async () => {
    const h = harness();
    h.engine.receive({ type: 'init', generation: 7, configs: [config] });
    expect(h.last()).toMatchObject({ type: 'snapshot', generation: 7 });
    expect(() => h.engine.receive({ type: 'step', n: 'lots' })).not.toThrow();
    expect(h.last()).toMatchObject({ type: 'error', generation: 7 });
    h.engine.receive({ type: 'step', n: 3 });
    await h.until(() => h.last().type === 'snapshot' && (h.last() as Extract<FromWorker, { type: 'snapshot' }>).sessions[0].state.step === 3);
    h.engine.stop();
  });

  it('runs a huge step request in slices, so a pause lands between them', async () => {
    const h = harness(2);
    h.engine.receive({ type: 'init', generation: 1, configs: [config] });
    const posted = h.got.length;
    h.engine.receive({ type: 'step', n: 1e9 });
    // receive() returned before any step ran: the steps run later, in slices (no timing
    // budget here: a slow machine makes that flaky, and the order of events says it all).
    expect(h.got.slice(posted).some((m) => m.type === 'snapshot' && m.sessions[0].state.step > 0)).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    h.engine.receive({ type: 'pause' });
    const paused = h.last() as Extract<FromWorker, { type: 'snapshot' }>;
    const at = paused.sessions[0].state.step;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(MAX_STEPS_PER_MESSAGE);
    await new Promise((r) => setTimeout(r, 30));
    const again = h.got.filter((m) => m.type === 'snapshot').at(-1) as Extract<FromWorker, { type: 'snapshot' }>;
    expect(again.sessions[0].state.step).toBe(at);
    h.engine.stop();
  });

  it('stops every session at the step one of them diverged', async () => {
    const h = harness();
    const wild: SessionConfig = { ...config, spec: { ...config.spec, activation: 'relu', init: 'heNormal', sizes: [2, 16, 16, 1] }, lr: 1e6 };
    h.engine.receive({ type: 'init', generation: 1, configs: [wild, config] });
    h.engine.receive({ type: 'play' });
    await h.until(() => h.last().type === 'snapshot' && !(h.last() as Extract<FromWorker, { type: 'snapshot' }>).playing && (h.last() as Extract<FromWorker, { type: 'snapshot' }>).sessions[0].state.diverged !== null);
    const s = (h.last() as Extract<FromWorker, { type: 'snapshot' }>).sessions;
    expect(s[1].state.step).toBe(s[0].state.step);
    h.engine.stop();
  });
});
