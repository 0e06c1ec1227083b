// The phase diagram: the map and its χ1 = 1 line against the closed forms of the chapter
// (ReLU: χ1 = σw²/2; tanh without bias: χ1 = σw² up to 1), and the live random network's
// measured per-layer ratio against χ1, over seeds 1..3, at the points the text names.
import { describe, expect, it } from 'vitest';
import { meanField } from '../../../src/lib/index.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatNumber } from '../../../src/widgets/kit/format.ts';
import { GRID_COLS, GRID_ROWS, MARKERS, PHASE_SCHEMA, SB2_RANGE, SW2_RANGE, criticalSw2, meanRatio, meanSaturated, nudge, phaseMap, phaseOf, probe, type PhaseValues, type Probe } from '../../../src/widgets/phase-diagram/model.ts';
import { mapChart, phaseSummary, phaseTable, ratioChart } from '../../../src/widgets/phase-diagram/view.ts';

const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.phaseDiagram.') });
const v = (patch: Partial<PhaseValues>): PhaseValues => ({ ...defaults(PHASE_SCHEMA), ...patch }) as PhaseValues;
const cache = new Map<string, Probe>();
const at = (patch: Partial<PhaseValues>) => {
  const key = JSON.stringify(v(patch));
  if (!cache.has(key)) cache.set(key, probe(v(patch)));
  return cache.get(key)!;
};
/** Geometric mean of the measured ratios over a range of layers (1-based, inclusive). */
const gmean = (p: Probe, from: number, to: number) => {
  const r = p.ratios.slice(from - 1, to);
  return Math.exp(r.reduce((a, x) => a + Math.log(x), 0) / r.length);
};

describe('phase-diagram settings and map', () => {
  it('every default lies in its range, and depth goes up to 50', () => {
    for (const [name, p] of Object.entries(PHASE_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else expect(p.options as readonly string[], name).toContain(p.default);
    }
    expect(PHASE_SCHEMA.depth.max).toBe(50);
  });

  it('Xavier and He sit at σw² = 1 and 2 with no bias, inside the map', () => {
    expect(MARKERS.map((m) => [m.key, m.sw2, m.sb2])).toEqual([['xavier', 1, 0], ['he', 2, 0]]);
    for (const m of MARKERS) {
      expect(m.sw2).toBeGreaterThan(SW2_RANGE[0]);
      expect(m.sw2).toBeLessThan(SW2_RANGE[1]);
    }
  });

  it('for ReLU the χ1 = 1 line is the vertical σw² = 2 at every σb², and He is on it', () => {
    const map = phaseMap('relu');
    expect(map.cells).toHaveLength(GRID_COLS * GRID_ROWS);
    expect(map.critical.length).toBe(GRID_ROWS + 1);
    for (const c of map.critical) expect(c.sw2).toBeCloseTo(2, 4);
    for (const c of map.cells) expect(c.chi1).toBeCloseTo(c.sw2 / 2, 6);
  }, 120_000);

  it('for tanh the line starts at σw² = 1 (Xavier) and bends to larger σw² as σb² grows', () => {
    expect(criticalSw2('tanh', 0)).toBeCloseTo(1, 3);
    const map = phaseMap('tanh');
    const line = map.critical;
    expect(line[0].sw2).toBeCloseTo(1, 3);
    expect(line[0].sb2).toBe(SB2_RANGE[0]);
    for (let i = 1; i < line.length; i++) expect(line[i].sw2).toBeGreaterThan(line[i - 1].sw2);
    expect(line.at(-1)!.sw2).toBeGreaterThan(1.5);
    // In every row, cells left of the line are ordered and cells right of it chaotic.
    for (const c of map.cells) {
      const crit = line.find((p) => Math.abs(p.sb2 - c.sb2) < 1e-12)!.sw2;
      if (c.sw2 < crit) expect(c.chi1).toBeLessThan(1);
      else expect(c.chi1).toBeGreaterThan(1);
    }
  }, 120_000);

  it('tanh without bias has χ1 = σw² for σw² ≤ 1, so Xavier is exactly critical', () => {
    for (const sw2 of [0.3, 0.6, 0.9]) expect(meanField('tanh', sw2, 0).chi1).toBeCloseTo(sw2, 6);
    expect(phaseOf(meanField('tanh', 1, 0).chi1)).toBe('critical');
    expect(phaseOf(meanField('relu', 2, 0).chi1)).toBe('critical');
    expect(phaseOf(meanField('relu', 1, 0).chi1)).toBe('ordered');
  });

  it('arrow keys move the point by one slider step and stay in range', () => {
    expect(nudge(v({ sw2: 1, sb2: 0 }), 1, 1)).toEqual({ sw2: 1.05, sb2: 0.01 });
    expect(nudge(v({ sw2: 1, sb2: 0 }), 0, -1)).toEqual({ sw2: 1, sb2: 0 });
    expect(nudge(v({ sw2: 4, sb2: 0.5 }), 5, 5)).toEqual({ sw2: 4, sb2: 0.5 });
  });
});

describe('phase-diagram live network against χ1, seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ordered (tanh, σw² = 0.5, σb² = 0.05): measured ratio below 1, within 10 % of χ1, and layer 1 keeps under 10⁻⁶`, () => {
      const p = at({ seed, sw2: 0.5, sb2: 0.05 });
      expect(p.chi1).toBeLessThan(1);
      expect(meanRatio(p)).toBeLessThan(1);
      expect(Math.abs(meanRatio(p) / p.chi1 - 1)).toBeLessThan(0.1);
      expect(p.relative[0]).toBeLessThan(1e-6);
    }, 60_000);

    it(`seed ${seed}: chaotic (tanh, σw² = 4, σb² = 0.05): ratio about 1.3, within 10 % of χ1; the error grows over 1000-fold back through 30 layers while a fifth of units saturate`, () => {
      const p = at({ seed, sw2: 4, sb2: 0.05 });
      expect(p.chi1).toBeGreaterThan(1.25);
      expect(p.chi1).toBeLessThan(1.35);
      expect(Math.abs(meanRatio(p) / p.chi1 - 1)).toBeLessThan(0.1);
      expect(p.relative[0]).toBeGreaterThan(1e3);
      expect(meanSaturated(p)).toBeGreaterThan(0.2);
      expect(meanSaturated(p)).toBeLessThan(0.3);
    }, 60_000);

    it(`seed ${seed}: He with ReLU keeps the ratio within 10 % of 1; Xavier with ReLU halves it`, () => {
      expect(Math.abs(meanRatio(at({ seed, activation: 'relu', sw2: 2, sb2: 0 })) - 1)).toBeLessThan(0.1);
      expect(Math.abs(meanRatio(at({ seed, activation: 'relu', sw2: 1, sb2: 0 })) - 0.5)).toBeLessThan(0.05);
    }, 60_000);

    it(`seed ${seed}: tanh with Xavier at depth 30 fades slowly: about two thirds per layer in layers 1–5, creeping towards 1 higher up; layer 1 keeps a few hundredths`, () => {
      const p = at({ seed, sw2: 1, sb2: 0, depth: 30 });
      const low = gmean(p, 1, 5);
      const mid = gmean(p, 6, 15);
      const high = gmean(p, 16, 29);
      expect(low).toBeGreaterThan(0.55);
      expect(low).toBeLessThan(0.8);
      expect(mid).toBeGreaterThan(low);
      expect(high).toBeGreaterThan(0.85);
      expect(high).toBeLessThan(1);
      expect(p.relative[0]).toBeGreaterThan(1e-3);
      expect(p.relative[0]).toBeLessThan(0.1);
    }, 60_000);
  }
});

describe('phase-diagram view', () => {
  it('the summary gives χ1, q*, the phase and the measured ratio in the reader notation', () => {
    const p = at({ seed: 1, sw2: 4, sb2: 0.05 });
    for (const lang of ['es', 'en'] as const) {
      const text = phaseSummary(p, strings(lang), lang);
      expect(text).not.toContain('⟦');
      expect(text).toContain(formatNumber(p.chi1, lang, 3));
      expect(text).toContain(formatNumber(meanRatio(p), lang, 3));
      expect(text).toContain(strings(lang)['widget.phaseDiagram.phase.chaotic']);
    }
    expect(phaseSummary(at({ seed: 1, sw2: 1, sb2: 0 }), strings('en'), 'en')).toContain('∞');
  });

  it('the table has one row per hidden layer, and the charts are labelled', () => {
    const p = at({ seed: 2 });
    expect(phaseTable(p, strings('en')).rows).toHaveLength(p.depth);
    expect(ratioChart(p, strings('en'), 'light').ariaLabel).toBe(strings('en')['widget.phaseDiagram.chart.ratio']);
    const m = mapChart(phaseMap('tanh'), { sw2: 1, sb2: 0 }, strings('es'), 'dark');
    expect(m.ariaLabel).toContain('Tanh');
  }, 120_000);
});
