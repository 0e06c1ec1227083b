// The lab's "Runs compared": pinned runs and A/B compare, as pure models, on real runs of
// the session code the worker trains.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { renderChartToString } from '../../../src/widgets/kit/ssr.ts';
import { datasetPoints } from '../../../src/widgets/runner/session.ts';
import { viewOfSession } from '../../../src/widgets/lab/model.ts';
import { LAB_CHARTS, labCharts } from '../../../src/widgets/lab/view.ts';
import { readState } from '../../../src/widgets/kit/params.ts';
import { createSession, type Session } from '../../../src/widgets/runner/session.ts';
import type { Trainer } from '../../../src/widgets/runner/useTrainer.ts';
import { LAB_DEFAULTS, LAB_ID, LAB_SCHEMA, labConfig, type LabValues } from '../../../src/widgets/lab/settings.ts';
import {
  COMPARED_KEYS,
  MAX_PINS,
  NO_PINS,
  PIN_LOSS_POINTS,
  PIN_RECORDS,
  abDiffText,
  formatSetting,
  addPin,
  compareAlert,
  compareCanRun,
  compareConfigs,
  firstOther,
  ghostCurves,
  ghostProfiles,
  inUse,
  pinDiffText,
  readCompare,
  removePin,
  settingDiffs,
  sideB,
  writeCompare,
  type RunHistory,
} from '../../../src/widgets/lab/compare/index.ts';

const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'series.'), ...pick(lang, 'widget.lab.') });
const small: LabValues = { ...LAB_DEFAULTS, depth: 3, width: 8, points: 120, lr: 0.3 };

function run(v: LabValues, steps: number): { session: Session; history: RunHistory } {
  const session = createSession(labConfig(v));
  session.run(steps);
  const st = session.state();
  return { session, history: { step: st.step, initialLoss: st.initialLoss, losses: session.lossHistory.slice(), records: session.layerHistory.slice(), diverged: st.diverged } };
}

describe('pinned runs', () => {
  const h = run(small, 40).history;

  it(`keeps at most ${MAX_PINS}: a fifth pin replaces the oldest and says which`, () => {
    let pins = NO_PINS;
    const replaced: (number | null)[] = [];
    for (let k = 0; k < 5; k++) {
      const r = addPin(pins, h, { ...small, seed: k + 1 });
      pins = r.pins;
      replaced.push(r.replaced?.id ?? null);
    }
    expect(pins.runs.map((p) => p.id)).toEqual([2, 3, 4, 5]);
    expect(replaced).toEqual([null, null, null, null, 1]);
    expect(pins.runs.map((p) => p.settings.seed)).toEqual([2, 3, 4, 5]);
  });

  it('removing a pin keeps the others and their numbers; a new pin never reuses a number', () => {
    let pins = addPin(addPin(addPin(NO_PINS, h, small).pins, h, small).pins, h, small).pins;
    pins = removePin(pins, 2);
    expect(pins.runs.map((p) => p.id)).toEqual([1, 3]);
    expect(addPin(pins, h, small).added.id).toBe(4);
  });

  it('a pin is a copy: changing the settings object or the history later does not change it', () => {
    const v = { ...small };
    const live = { ...h, losses: h.losses.slice(), records: h.records.slice() };
    const pin = addPin(NO_PINS, live, v).added;
    v.depth = 20;
    live.losses.push(99);
    live.records.length = 0;
    expect(pin.settings.depth).toBe(3);
    expect(pin.losses.at(-1)?.value).toBe(h.losses.at(-1));
    expect(pin.records.length).toBe(h.records.length);
  });

  it('a long run is thinned: loss extremes, the first and the last record are kept', () => {
    const long = run({ ...small, depth: 2, width: 4, points: 60 }, 3000).history;
    // A spike the thinning must not lose.
    long.losses[1234] = 5;
    const pin = addPin(NO_PINS, long, small).added;
    expect(pin.losses.length).toBeLessThanOrEqual(PIN_LOSS_POINTS + 2);
    expect(pin.losses[0]).toEqual({ step: 0, value: long.initialLoss });
    expect(pin.losses.at(-1)).toEqual({ step: 3000, value: long.losses[2999] });
    expect(pin.losses.some((p) => p.step === 1235 && p.value === 5)).toBe(true);
    expect(long.records.length).toBeGreaterThan(PIN_RECORDS);
    expect(pin.records.length).toBe(PIN_RECORDS);
    expect(pin.records[0].step).toBe(0);
    expect(pin.records.at(-1)?.step).toBe(3000);
  });

  it('pins become ghosts with their labels: the loss curve and the per-layer profile at the end', () => {
    const pins = addPin(addPin(NO_PINS, h, small).pins, run({ ...small, activation: 'sigmoid' }, 20).history, small).pins.runs;
    const en = ghostCurves(pins, 'loss', strings('en'));
    expect(en.map((g) => g.label)).toEqual(['Run 1', 'Run 2']);
    expect(ghostCurves(pins, 'loss', strings('es')).map((g) => g.label)).toEqual(['Ejecución 1', 'Ejecución 2']);
    expect(en[0].points.at(-1)).toEqual({ step: 40, value: h.losses[39] });
    const grad = ghostProfiles(pins, 'grad', strings('en'));
    expect(grad[0].values).toEqual(h.records.at(-1)!.layers.map((l) => l.weightGradNorm));
    expect(grad[0].values.length).toBe(small.depth + 1);
    const start = ghostProfiles(pins, 'grad', strings('en'), 'start');
    expect(start[0].values).toEqual(h.records[0].layers.map((l) => l.weightGradNorm));
  });

  it('pins are compared at the current step: curves stop there, profiles are taken from then', () => {
    const pins = addPin(NO_PINS, h, small).pins.runs;
    const curve = ghostCurves(pins, 'loss', strings('en'), 15)[0].points;
    expect(curve.at(-1)?.step).toBe(15);
    expect(curve.every((p) => p.step <= 15)).toBe(true);
    // Records every 10 steps: at step 25 the profile is step 20's.
    const r20 = h.records.find((r) => r.step === 20)!;
    expect(ghostProfiles(pins, 'grad', strings('en'), 25)[0].values).toEqual(r20.layers.map((l) => l.weightGradNorm));
    // Past its end, a pin shows its last profile.
    expect(ghostProfiles(pins, 'grad', strings('en'), 10_000)[0].values).toEqual(h.records.at(-1)!.layers.map((l) => l.weightGradNorm));
  });
});

describe('differences between two settings', () => {
  it('lists only settings in use, in control order, never the speed or skip-ahead', () => {
    const b: LabValues = { ...small, lr: 0.03, depth: 10, speed: 'frame', skip: 50, momentum: 0.5 };
    expect(settingDiffs(small, b).map((d) => d.key)).toEqual(['depth', 'lr']);
    // The momentum counts once either side uses the momentum optimiser.
    expect(settingDiffs(small, { ...b, optimizer: 'momentum' }).map((d) => d.key)).toEqual(['depth', 'optimizer', 'momentum', 'lr']);
    expect(COMPARED_KEYS).not.toContain('speed');
    expect(settingDiffs(small, small)).toEqual([]);
  });

  it('says a pinned difference in plain words, in both languages', () => {
    const [depth, lr] = settingDiffs({ ...small, depth: 10, lr: 0.03 }, small);
    expect(pinDiffText(depth, strings('en'), 'en')).toBe('depth 10 (now 3)');
    expect(pinDiffText(depth, strings('es'), 'es')).toBe('profundidad 10 (ahora 3)');
    expect(pinDiffText(lr, strings('es'), 'es')).toBe('tasa de aprendizaje 0,03 (ahora 0,3)');
    const [act] = settingDiffs(small, { ...small, activation: 'relu' });
    expect(abDiffText(act, strings('en'), 'en')).toBe('activation: A Tanh, B ReLU');
    expect(abDiffText(act, strings('es'), 'es')).toBe('activación: A Tanh, B ReLU');
    const [clip] = settingDiffs(small, { ...small, clip: 1 });
    expect(abDiffText(clip, strings('es'), 'es')).toBe('recorte del gradiente: A sin recorte, B 1');
  });

  it('every compared setting is named and worded in both languages, whatever its value', () => {
    const adam = { ...LAB_DEFAULTS, optimizer: 'adam' } as LabValues;
    for (const lang of ['es', 'en'] as const)
      for (const k of COMPARED_KEYS) {
        const spec = LAB_SCHEMA[k];
        const values = spec.kind === 'enum' ? (spec.options as readonly string[]) : spec.kind === 'bool' ? [false, true] : [spec.min, adam[k], spec.max];
        for (const x of values) {
          const text = abDiffText({ key: k, a: adam[k], b: x as LabValues[typeof k] }, strings(lang), lang);
          expect(text, `${lang} ${k}=${String(x)}`).not.toMatch(/widget\.|\{|undefined|NaN/);
          // A difference must read as one: the two values are worded apart.
          if (x !== adam[k]) expect(formatSetting(k, x as LabValues[typeof k], strings(lang), lang), `${lang} ${k}`).not.toBe(formatSetting(k, adam[k], strings(lang), lang));
        }
      }
  });

  it('"add a difference" always proposes a value that differs from A, inside the range', () => {
    for (const v of [LAB_DEFAULTS, { ...LAB_DEFAULTS, depth: 50, lr: 0.00001, residual: true }])
      for (const k of COMPARED_KEYS) {
        const x = firstOther(k, v);
        expect(x, k).not.toBe(v[k]);
        const spec = LAB_SCHEMA[k];
        if (spec.kind === 'number') {
          expect(x as number).toBeGreaterThanOrEqual(spec.min);
          expect(x as number).toBeLessThanOrEqual(spec.max);
        }
        if (inUse(k, v)) expect(settingDiffs(v, { ...v, [k]: x }).map((d) => d.key), k).toContain(k);
      }
  });
});

describe('A/B in the share link', () => {
  const a: LabValues = { ...LAB_DEFAULTS, depth: 10, lr: 0.3 };

  it('round-trips: A in lab.*, B as its differences in labB.*, other keys kept', () => {
    const search = writeCompare(a, { activation: 'relu', lr: 0.03 }, '?lab.depth=10&other.x=1');
    const p = new URLSearchParams(search);
    expect(p.get('lab.depth')).toBe('10');
    expect(p.get('other.x')).toBe('1');
    expect(p.get('labB.compare')).toBe('1');
    expect(p.get('labB.activation')).toBe('relu');
    const back = readCompare(search);
    expect(back.rejected).toEqual([]);
    expect(back.overrides).toEqual({ activation: 'relu', lr: 0.03 });
    expect(sideB(a, back.overrides!)).toEqual({ ...a, activation: 'relu', lr: 0.03 });
    // The lab's own reader sees A exactly, and no stray notices about B's keys.
    const lab = readState(LAB_SCHEMA, LAB_ID, search);
    expect(lab.rejected).toEqual([]);
    expect(lab.values.depth).toBe(10);
    expect(lab.values.activation).toBe(LAB_DEFAULTS.activation);
  });

  it('a comparison whose sides are still equal survives; no comparison writes nothing', () => {
    expect(readCompare(writeCompare(a, {}, '')).overrides).toEqual({});
    expect(writeCompare(a, null, '?labB.compare=1&labB.depth=3&lab.depth=10')).toBe('?lab.depth=10');
    expect(readCompare('?lab.depth=10').overrides).toBeNull();
  });

  it('tampered B fields are refused or clamped with a notice, each on its own; the rest of B stands', () => {
    const r = readCompare('?labB.compare=1&labB.depth=abc&labB.lr=99&labB.activation=relu&labB.bogus=1&labB.norm=<script>');
    expect(r.overrides).toEqual({ lr: 10, activation: 'relu' });
    expect(r.rejected).toEqual([
      { name: 'depth', value: 'abc', action: 'ignored' },
      { name: 'lr', value: '99', action: 'clamped', to: 10 },
      { name: null, value: '1', action: 'ignored' },
      { name: 'norm', value: 'script', action: 'ignored' },
    ]);
    // Only refused fields: still a comparison, with B equal to A where refused.
    const only = readCompare('?labB.compare=1&labB.depth=-');
    expect(only.overrides).toEqual({});
    expect(only.rejected.length).toBe(1);
    // A tampered switch and nothing else: no comparison, and a notice.
    const off = readCompare('?labB.compare=maybe');
    expect(off.overrides).toBeNull();
    expect(off.rejected).toEqual([{ name: 'compare', value: 'maybe', action: 'ignored' }]);
  });
});

describe('A/B training', () => {
  const a: LabValues = { ...small, lr: 0.3 };
  const b: LabValues = { ...small, lr: 10, init: 'customNormal', initScale: 3, activation: 'relu', depth: 6, width: 32 };

  it('trains both from the same seed, each independent of the other', () => {
    const configs = compareConfigs(labConfig(a), labConfig(b));
    expect(configs.map((c) => c.independent)).toEqual([true, true]);
    expect(configs[0].spec.seed).toBe(configs[1].spec.seed);
    expect(configs[0].data).toEqual(configs[1].data);
    expect(compareConfigs(labConfig(a), null)).toEqual([labConfig(a)]);
  });

  it('when B diverges, the alert names B and says A trains on; Play stays possible for A', () => {
    const sa = run(a, 200).session;
    const sb = run(b, 200).session;
    expect(sb.state().diverged).not.toBeNull();
    expect(sa.state().diverged).toBeNull();
    const view = (s: Session) => ({ state: s.state(), losses: [], records: [], grid: null, probe: null, histograms: null });
    const trainer = { sessions: [view(sa), view(sb)], error: null, host: { kind: 'worker' }, reset: () => {} } as unknown as Trainer;
    const en = compareAlert(trainer, strings('en'), 'en');
    const es = compareAlert(trainer, strings('es'), 'es');
    const step = String(sb.state().diverged!.step);
    expect(en?.message).toMatch(new RegExp(`^B diverged at step ${step}: .* A keeps training\\.$`));
    expect(es?.message).toMatch(new RegExp(`^B divergió en el paso ${step}: .* A sigue entrenándose\\.$`));
    expect(en?.action?.label).toBe('Reset both');
    expect(compareCanRun(trainer)).toBe(true);
    // Neither diverged: no comparison alert.
    expect(compareAlert({ ...trainer, sessions: [view(sa), view(sa)] }, strings('en'), 'en')).toBeNull();
  });
});

describe('the lab charts with pins and B', () => {
  const a: LabValues = { ...small, lr: 0.3 };
  const b: LabValues = { ...small, lr: 0.3, activation: 'relu' };
  const sa = run(a, 60).session;
  const sb = run(b, 60).session;
  const va = viewOfSession(sa);
  const vb = viewOfSession(sb);
  const pts = datasetPoints(labConfig(a).data);
  const svgOf = (o: ReturnType<typeof labCharts>, name: (typeof LAB_CHARTS)[number], w = 300) => renderChartToString(o[name](w), 'en');

  it('without pins or B the charts are exactly the lab\'s own', () => {
    for (const lang of ['es', 'en'] as const) {
      const plain = labCharts(va, a, pts, strings(lang), 'light');
      const empty = labCharts(va, a, pts, strings(lang), 'light', { compare: { pins: [], b: null } });
      for (const name of LAB_CHARTS) expect(svgOf(empty, name), name).toBe(svgOf(plain, name));
    }
  });

  it('pins are ghosts on every curve and per-layer chart, never on the heatmap, histograms or boundary', () => {
    const pins = addPin(addPin(NO_PINS, run({ ...a, depth: 4 }, 30).history, a).pins, run({ ...a, activation: 'sigmoid' }, 30).history, a).pins.runs;
    const o = labCharts(va, a, pts, strings('en'), 'light', { compare: { pins, b: null } });
    for (const name of ['loss', 'accuracy', 'grad', 'error', 'drift', 'dead'] as const) expect(svgOf(o, name).match(/class="chart-ghost"/g)?.length, name).toBe(2);
    for (const name of ['heatmap', 'histograms', 'boundary'] as const) expect(svgOf(o, name)).not.toContain('chart-ghost');
  });

  it('with B every curve and per-layer chart shows both sides, labelled short enough for a 300 px chart', () => {
    for (const lang of ['es', 'en'] as const) {
      const s = strings(lang);
      const o = labCharts(va, a, pts, s, 'dark', { compare: { pins: [], b: { view: vb, values: b } } });
      for (const name of ['loss', 'accuracy', 'grad', 'error', 'drift', 'dead'] as const) {
        const texts = [...svgOf(o, name).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
        for (const side of ['a', 'b']) expect(texts.some((t) => t.startsWith(s[`widget.lab.compare.side.${side}`])), `${lang} ${name} ${side}`).toBe(true);
        // Direct labels sit in a right margin of at most 30 % of 300 px: 12 characters.
        const sided = texts.filter((t) => /^[AB]( |$)/.test(t));
        expect(sided.length, `${lang} ${name}`).toBeGreaterThanOrEqual(2);
        for (const t of sided) expect(t.length, `${lang} ${name} "${t}"`).toBeLessThanOrEqual(12);
      }
    }
  });
});
