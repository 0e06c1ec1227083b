// The lab's recurrent part: its settings map onto sequence sessions and back (so "Open in the
// lab" carries adding-problem's exact experiment), and the phenomenon it exists to show holds
// over seeds 1..3 at step 0, mid-run and at the end of a short run: the plain network's
// gradient through time falls off with distance far faster than the LSTM's.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults, readState } from '../../../src/widgets/kit/params.ts';
import { ADD_SCHEMA, addConfigs } from '../../../src/widgets/adding-problem/model.ts';
import { SEQ_LAB_DEFAULTS, SEQ_LAB_SCHEMA, SEQUENCE_LAB_ID, reachRatio, seqLabConfigs, seqStatus, type SeqCell, type SeqLabValues, type SeqRun } from '../../../src/widgets/sequence-lab/model.ts';
import { trainSeqRuns } from '../../../src/widgets/sequence-lab/static.ts';
import { seqCharts, seqStatusLine, seqSummary, seqTable } from '../../../src/widgets/sequence-lab/view.ts';
import { seqLabStateFromConfigs, sequenceLabHref } from '../../../src/widgets/runner/sequenceLab.ts';
import { createSequenceSession, type SequenceRecord } from '../../../src/widgets/runner/sequenceSession.ts';

const SEEDS = [1, 2, 3];
/** A short honest run: long enough for the LSTM to start leaving the baseline, cheap enough for a unit test. */
const END = 200;
const MID = 100;
/** The LSTM trains on to here: by then it has learned to add on every seed. */
const LSTM_END = 400;
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.sequenceLab.') });
const v = (patch: Partial<SeqLabValues> = {}): SeqLabValues => ({ ...SEQ_LAB_DEFAULTS, ...patch });
const at = (r: SeqRun, step: number) => r.records.find((x) => x.step === step);

describe('sequence-lab settings', () => {
  it('every default lies in its range, and the default run compares both cells at length 50', () => {
    for (const [name, p] of Object.entries(SEQ_LAB_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else if (p.kind === 'enum') expect(p.options as readonly string[], name).toContain(p.default);
    }
    expect(SEQ_LAB_DEFAULTS).toMatchObject({ task: 'adding', steps: 50, cells: 'both', optimizer: 'adam' });
  });

  it('both cells share seed, task, batches and optimiser; only the cell and its own knobs differ', () => {
    const [rnn, lstm] = seqLabConfigs(v({ seed: 7, activation: 'relu', forgetBias: 2 }));
    expect([rnn.spec.cell, lstm.spec.cell]).toEqual(['rnn', 'lstm']);
    expect(rnn.task).toEqual(lstm.task);
    expect(rnn.task.seed).toBe(7);
    expect(rnn.spec.activation).toBe('relu');
    expect(lstm.spec.activation).toBeUndefined();
    expect(lstm.spec.forgetBias).toBe(2);
    expect({ ...rnn, spec: null }).toEqual({ ...lstm, spec: null });
  });

  it('one cell trains one session; clip 0 is off; firstBit has a sigmoid output and cross-entropy', () => {
    expect(seqLabConfigs(v({ cells: 'lstm' })).map((c) => c.spec.cell)).toEqual(['lstm']);
    expect(seqLabConfigs(v({ clip: 0 }))[0].clipNorm).toBeUndefined();
    expect(seqLabConfigs(v({ clip: 2.5 }))[0].clipNorm).toBe(2.5);
    const [c] = seqLabConfigs(v({ task: 'firstBit', cells: 'rnn' }));
    expect([c.spec.inputs, c.spec.output, c.loss]).toEqual([1, 'sigmoid', 'bce']);
  });

  it('recurrent init: orthogonal takes the gain, normal a std of gain/√width, identity as is', () => {
    expect(seqLabConfigs(v({ recGain: 0.5 }))[0].spec.recurrentInit).toEqual({ kind: 'orthogonal', gain: 0.5 });
    expect(seqLabConfigs(v({ recInit: 'normal', recGain: 2, hidden: 16 }))[0].spec.recurrentInit).toEqual({ kind: 'normal', std: 0.5 });
    expect(seqLabConfigs(v({ recInit: 'identity' }))[0].spec.recurrentInit).toBe('identity');
    expect(seqLabConfigs(v({ init: 'normal', initStd: 0.3 }))[0].spec.init).toEqual({ kind: 'normal', std: 0.3 });
  });

  it('settings -> sessions -> settings is the identity, away from the defaults too', () => {
    for (const patch of [{}, { task: 'firstBit', steps: 7, cells: 'rnn', hidden: 5, activation: 'relu', init: 'normal', initStd: 0.25, recInit: 'normal', recGain: 0.5, optimizer: 'momentum', lr: 0.2, batch: 3, clip: 0, seed: 42 }, { cells: 'lstm', recInit: 'identity', forgetBias: -1.5 }] as Partial<SeqLabValues>[]) {
      const values = v(patch);
      const back = { ...SEQ_LAB_DEFAULTS, ...seqLabStateFromConfigs(seqLabConfigs(values)) };
      // The knobs of a cell that is not trained are not carried (they cannot be read back).
      if (values.cells === 'lstm') back.activation = values.activation;
      if (values.cells === 'rnn') back.forgetBias = values.forgetBias;
      expect(back).toEqual(values);
    }
  });
});

describe('"Open in the lab" from adding-problem', () => {
  for (const lang of ['es', 'en'] as const) {
    it(`${lang}: the link opens /${lang}/recurrent-lab/ at #sequence-lab and trains the figure's exact experiment`, () => {
      const add = { ...defaults(ADD_SCHEMA), steps: 70, lr: '0.03' as const, seed: 5 };
      const configs = addConfigs(add);
      const href = sequenceLabHref(lang, configs);
      const url = new URL(href, 'https://example.org');
      expect(url.pathname).toBe(`/${lang}/recurrent-lab/`);
      expect(url.hash).toBe(`#${SEQUENCE_LAB_ID}`);
      const parsed = readState(SEQ_LAB_SCHEMA, SEQUENCE_LAB_ID, url.search);
      expect(parsed.rejected).toEqual([]);
      expect(parsed.values).toMatchObject({ steps: 70, lr: 0.03, seed: 5, cells: 'both', hidden: 16, optimizer: 'adam', clip: 1, batch: 32, forgetBias: 1 });
      const labConfigs = seqLabConfigs(parsed.values);
      // Everything that decides the numbers is equal; only how often the lab records and how far it runs are its own.
      const decisive = (c: (typeof configs)[number]) => ({ spec: c.spec, task: c.task, batch: c.batch, lr: c.lr, loss: c.loss, optimizer: c.optimizer, clipNorm: c.clipNorm });
      expect(labConfigs.map(decisive)).toEqual(configs.map(decisive));
    });
  }

  it('a tampered link is clamped with a notice, not trusted', () => {
    const parsed = readState(SEQ_LAB_SCHEMA, SEQUENCE_LAB_ID, '?sequence-lab.steps=5000&sequence-lab.cells=gru&sequence-lab.lr=-1');
    expect(parsed.values.steps).toBe(100);
    expect(parsed.values.cells).toBe('both');
    expect(parsed.values.lr).toBe(SEQ_LAB_SCHEMA.lr.min);
    expect(parsed.rejected.map((n) => n.action)).toEqual(['clamped', 'ignored', 'clamped']);
  });
});

describe('sequence-lab phenomenon: the gradient through time, seeds 1..3, default settings', () => {
  // One session per cell, so the LSTM can go on to show it learns while the plain network stops at END.
  const train = (seed: number, cell: SeqCell, steps: number): SeqRun => {
    const config = seqLabConfigs(v({ seed, cells: cell }))[0];
    const s = createSequenceSession(config);
    s.run(steps);
    return { cell, step: s.state().step, testLoss: s.state().testLoss, baseline: s.baseline, records: s.layerHistory, diverged: s.state().diverged };
  };
  const runs = new Map(SEEDS.map((seed) => [seed, [train(seed, 'rnn', END), train(seed, 'lstm', LSTM_END)] as const]));
  for (const seed of SEEDS) {
    const [rnn, lstm] = runs.get(seed)!;
    it(`seed ${seed}: records at step 0, ${MID} and ${END} for both cells, one value per time step`, () => {
      for (const r of [rnn, lstm]) for (const step of [0, MID, END]) expect(at(r, step)?.hidden).toHaveLength(50);
    });
    it(`seed ${seed}: at step 0 the LSTM already keeps at least 4 times more of its gradient at t = 1 than the plain network`, () => {
      expect(reachRatio(at(lstm, 0))).toBeGreaterThan(4 * reachRatio(at(rnn, 0)));
      expect(reachRatio(at(rnn, 0))).toBeLessThan(0.05);
    });
    for (const step of [MID, END]) {
      it(`seed ${seed}: at step ${step} the plain network's gradient at t = 1 is under 10⁻⁵ of the last step's, and the LSTM's over 1000 times larger`, () => {
        expect(reachRatio(at(rnn, step))).toBeLessThan(1e-5);
        expect(reachRatio(at(lstm, step))).toBeGreaterThan(1000 * reachRatio(at(rnn, step)));
        expect(seqStatus({ ...rnn, records: rnn.records.filter((x) => x.step <= step), step })).toBe('vanishing');
      });
    }
    it(`seed ${seed}: the plain network comes down onto the baseline by step ${END}; the LSTM is under a quarter of it by step ${LSTM_END}`, () => {
      expect(rnn.records[0].testLoss).toBeGreaterThan(rnn.baseline);
      expect(rnn.testLoss).toBeGreaterThan(0.85 * rnn.baseline);
      expect(rnn.testLoss).toBeLessThan(1.2 * rnn.baseline);
      expect(lstm.testLoss).toBeLessThan(0.25 * lstm.baseline);
      expect(seqStatus(lstm)).toBe('learned');
    });
    it(`seed ${seed}: at step 0, with the usual forget bias of 1, the LSTM keeps at most twice the plain network's gradient at t = 1`, () => {
      const [r1, l1] = trainSeqRuns(v({ seed, forgetBias: 1 }), 0);
      const q = reachRatio(l1.records[0]) / reachRatio(r1.records[0]);
      expect(q).toBeLessThan(2);
    });
  }
  it('a recurrent gain of 2, unclipped: the plain network explodes through time at step 0 on seeds 1 and 2 (the chapter says "on some seeds")', () => {
    for (const seed of [1, 2]) expect(seqStatus(trainSeqRuns(v({ seed, cells: 'rnn', recGain: 2, clip: 0 }), 0)[0])).toBe('exploding');
  });
});

describe('sequence-lab status line', () => {
  const rec = (step: number, hidden: number[]): SequenceRecord => ({ step, layers: [], testLoss: NaN, baseline: 1 / 6, hidden });
  const run = (patch: Partial<SeqRun>, hidden = [1, 1]): SeqRun => ({ cell: 'rnn', step: 400, testLoss: 0.1, baseline: 1 / 6, records: [rec(0, [1, 1]), rec(400, hidden)], diverged: null, ...patch });
  it('names divergence, explosion through time, learned, stuck, vanishing and learning', () => {
    expect(seqStatus(run({ diverged: { step: 9, reason: 'nan', loss: NaN } }))).toBe('diverged');
    expect(seqStatus(run({}, [50, 1]))).toBe('exploding');
    expect(seqStatus(run({ testLoss: 0.01 }))).toBe('learned');
    expect(seqStatus(run({ testLoss: 0.16 }, [1e-6, 1]))).toBe('stuck');
    expect(seqStatus(run({ testLoss: 0.16, step: 100 }, [1e-6, 1]))).toBe('vanishing');
    expect(seqStatus(run({ testLoss: 0.1 }, [0.1, 1]))).toBe('learning');
  });
  it('stuck with a vanishing gradient says both, in each language, with the reader\'s decimal comma', () => {
    const r = run({ testLoss: 0.16 }, [2.5e-6, 1]);
    const en = seqStatusLine([r], strings('en'), 'en').text;
    const es = seqStatusLine([r], strings('es'), 'es').text;
    expect(en).toContain('stuck at the baseline');
    expect(en).toContain('vanishes through time');
    expect(en).toContain('2.5 × 10⁻⁶');
    expect(es).toContain('atascada');
    expect(es).toContain('2,5 × 10⁻⁶');
    expect(es).toContain('0,167');
    expect(es).not.toMatch(/⟦/);
  });
  it('no gradient at the last time step (a fuzzed link found it): says so, with no "NaN" in either language', () => {
    const r = run({ testLoss: 1.16 }, [0, 0]);
    expect(reachRatio(r.records.at(-1))).toBeNaN();
    expect(seqStatus(r)).toBe('silent');
    expect(seqStatus(run({ records: [] }))).not.toBe('silent');
    for (const lang of ['en', 'es'] as const) {
      const line = seqStatusLine([r], strings(lang), lang).text;
      const summary = seqSummary([r], 'adding', 50, strings(lang), lang);
      expect(line).toContain(lang === 'en' ? 'no gradient reaches the cell' : 'no le llega gradiente');
      for (const text of [line, summary]) expect(text).not.toMatch(/NaN|undefined|Infinity|⟦/);
    }
  });
});

describe('sequence-lab view', () => {
  const runs = trainSeqRuns(v({ task: 'firstBit', steps: 10, hidden: 4, batch: 8 }), 50);
  it('firstBit records an accuracy in [0, 1] and reads the loss against ln 2', () => {
    for (const r of runs) {
      expect(r.baseline).toBeCloseTo(Math.LN2, 12);
      for (const x of r.records) {
        expect(x.testAccuracy).toBeGreaterThanOrEqual(0);
        expect(x.testAccuracy).toBeLessThanOrEqual(1);
      }
    }
    expect(seqCharts(runs, 'firstBit', strings('en'), 'light', 'en').accuracy).not.toBeNull();
    expect(seqCharts(runs, 'adding', strings('en'), 'light', 'en').accuracy).toBeNull();
  });
  it('the table has a row per record and, per cell, loss, accuracy and the t = 1 ratio', () => {
    const t = seqTable(runs, strings('en'));
    expect(t.columns).toHaveLength(1 + 3 * runs.length);
    expect(t.rows).toHaveLength(runs[0].records.length);
    expect(t.rows[0][0]).toBe(0);
  });
  it('the summary names the task and every cell in both languages, without missing keys', () => {
    for (const lang of ['es', 'en'] as const) {
      const text = seqSummary(runs, 'firstBit', 10, strings(lang), lang);
      expect(text).not.toMatch(/⟦/);
      expect(text).toContain('LSTM');
      expect(text).toContain(lang === 'es' ? 'primer bit' : 'first bit');
    }
  });
});
