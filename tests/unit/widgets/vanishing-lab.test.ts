// The vanishing-gradient lab: the presets show what their names promise, over several
// seeds, computed with the same session code the worker runs.
import { describe, expect, it } from 'vitest';
import { sigmoidBound, type LayerStats } from '../../../src/lib/index.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { createSession, type Session } from '../../../src/widgets/runner/session.ts';
import { LAB_SCHEMA, PRESETS, firstToLast, labConfig, sigmoidEnvelope, verdict, type LabValues, type PresetName } from '../../../src/widgets/vanishing-lab/model.ts';
import { labSummary } from '../../../src/widgets/vanishing-lab/view.ts';

const LN2 = Math.log(2);
const SEEDS = [1, 2, 3];
const STEPS = 1000;

function values(preset: PresetName, seed: number): LabValues {
  return { ...defaults(LAB_SCHEMA), ...PRESETS[preset], seed } as LabValues;
}

interface Run {
  ratio0: number;
  ratioEnd: number;
  loss0: number;
  lossEnd: number;
  firstEnd: number;
}

const cache = new Map<string, Run>();
function run(preset: PresetName, seed: number): Run {
  const key = `${preset}/${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const s: Session = createSession({ ...labConfig(values(preset, seed)), maxSteps: STEPS });
  const ratio0 = firstToLast(s.state().layers);
  s.run(STEPS);
  const st = s.state();
  const r: Run = { ratio0, ratioEnd: firstToLast(st.layers), loss0: st.initialLoss, lossEnd: st.loss, firstEnd: st.layers[0].weightGradNorm };
  cache.set(key, r);
  return r;
}

describe('vanishing-lab schema', () => {
  it('every default lies in its range and every preset uses valid values', () => {
    for (const [name, p] of Object.entries(LAB_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else if (p.kind === 'enum') expect(p.options, name).toContain(p.default);
    }
    for (const [preset, patch] of Object.entries(PRESETS)) {
      for (const [name, v] of Object.entries(patch)) {
        const spec = LAB_SCHEMA[name as keyof typeof LAB_SCHEMA];
        if (spec.kind === 'number') expect(v as number, `${preset}.${name}`).toBeGreaterThanOrEqual(spec.min);
        if (spec.kind === 'number') expect(v as number, `${preset}.${name}`).toBeLessThanOrEqual(spec.max);
        if (spec.kind === 'enum') expect(spec.options as readonly string[], `${preset}.${name}`).toContain(v);
      }
    }
  });

  it('labConfig builds [2, width x depth, 1] with the chosen activation and seed', () => {
    const v = values('deepSigmoid', 7);
    const c = labConfig(v);
    expect(c.spec.sizes).toEqual([2, ...Array(v.depth).fill(v.width), 1]);
    expect(c.spec.activation).toBe('sigmoid');
    expect(c.spec.seed).toBe(7);
    expect(c.data.seed).toBe(7);
  });
});

describe('vanishing-lab model maths', () => {
  const fake = (norms: number[]): LayerStats[] =>
    norms.map((g) => ({ weightGradNorm: g, biasGradNorm: 0, deltaRms: 0, activationMean: 0, activationStd: 0, deadFraction: 0, saturatedFraction: 0, updateRatio: 0, weightNorm: 0 }));

  it('firstToLast divides the first norm by the last', () => {
    expect(firstToLast(fake([2e-6, 1e-3, 4e-2]))).toBeCloseTo(2e-6 / 4e-2, 15);
    expect(Number.isNaN(firstToLast([]))).toBe(true);
  });

  it('the sigmoid envelope is the output norm times 0.25 per layer back', () => {
    const env = sigmoidEnvelope(fake([1, 1, 1, 0.8]));
    expect(env[3]).toBeCloseTo(0.8, 12);
    expect(env[0]).toBeCloseTo(0.8 * 0.25 ** 3, 12);
    expect(env[1] / env[2]).toBeCloseTo(sigmoidBound(1), 12);
  });

  it('the verdict calls a chance-level loss after 300 steps stuck, whatever the ratio', () => {
    expect(verdict(0.5, LN2, 400)).toBe('stuck');
    expect(verdict(1e-6, 0.3, 400)).toBe('stalled');
    expect(verdict(1e-2, 0.3, 400)).toBe('slow');
    expect(verdict(0.5, 0.3, 400)).toBe('flows');
  });

  it('the verdict calls a network whose every gradient has collapsed stuck, even before step 300', () => {
    expect(verdict(0.27, 0.693, 80, 3e-10)).toBe('stuck');
    expect(verdict(0.27, 0.693, 80, 0.05)).toBe('flows');
    // At step 0 the network has not had the chance to collapse: the ratio speaks.
    expect(verdict(5e-10, 0.693, 0, 0.1)).toBe('stalled');
  });
});

describe('vanishing-lab presets over seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`deep sigmoid, seed ${seed}: the first layer gets less than 10⁻³ of the last layer's gradient at step 0, and the loss stays at ln 2`, () => {
      const r = run('deepSigmoid', seed);
      expect(r.ratio0).toBeLessThan(1e-3);
      // The 0.25-per-layer bound, anchored at the output layer, holds at initialisation.
      expect(r.ratio0).toBeLessThan(sigmoidBound(PRESETS.deepSigmoid.depth));
      expect(Math.abs(r.lossEnd - LN2)).toBeLessThan(0.01);
      // It is not learning: the first layer's gradient has vanished for good.
      expect(r.firstEnd).toBeLessThan(1e-6);
    }, 30_000);

    it(`deep ReLU, seed ${seed}: the first layer keeps more than 10⁻² of the last layer's gradient and the network learns`, () => {
      const r = run('deepRelu', seed);
      expect(r.ratio0).toBeGreaterThan(1e-2);
      expect(r.ratioEnd).toBeGreaterThan(1e-2);
      expect(r.lossEnd).toBeLessThan(LN2 / 2);
    }, 30_000);

    it(`shallow sigmoid, seed ${seed}: it learns, loss well below ln 2 after ${STEPS} steps`, () => {
      const r = run('shallowSigmoid', seed);
      // Two sigmoid layers between the loss and the first weights: far from vanishing.
      expect(r.ratio0).toBeGreaterThan(run('deepSigmoid', seed).ratio0 * 1e4);
      expect(r.ratioEnd).toBeGreaterThan(1e-2);
      expect(r.lossEnd).toBeLessThan(LN2 - 0.15);
    }, 30_000);
  }
});

describe('vanishing-lab summary', () => {
  it('states the ratio in each language with its own notation', () => {
    const s = createSession(labConfig(values('deepSigmoid', 1)));
    const st = s.state();
    const view = { step: 0, loss: st.loss, initialLoss: st.initialLoss, testAccuracy: st.testAccuracy, layers: st.layers, losses: [], records: s.layerHistory, grid: null, diverged: null };
    const ratio = firstToLast(st.layers);
    for (const lang of ['es', 'en'] as const) {
      const strings = { ...pick(lang, 'kit.'), ...pick(lang, 'widget.lab.') };
      const text = labSummary(view, strings, lang);
      expect(text).toContain(formatSci(ratio, lang));
      expect(text).not.toContain('⟦');
    }
    expect(formatSci(ratio, 'es')).toMatch(/,/);
    expect(formatSci(ratio, 'en')).toMatch(/\./);
  });
});
