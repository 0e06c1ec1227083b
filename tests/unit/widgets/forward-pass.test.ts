// The forward-pass figure: the 2-3-1 network built from its settings computes, through
// src/lib, what the chapter's hand calculation gives, and the views say it in both languages.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { clampNumber, defaults, readState, writeState } from '../../../src/widgets/kit/params.ts';
import { FORWARD_SCHEMA, isComputed, ORDER, STEPS } from '../../../src/widgets/forward-pass/model.ts';
import { EXAMPLE, forwardPass, PARAMS, paramSymbol } from '../../../src/widgets/worked-example/example.ts';
import { forwardChart, forwardSummary, forwardTable, matrixView } from '../../../src/widgets/forward-pass/view.ts';

const S = { es: { ...pick('es', 'kit.'), ...pick('es', 'widget.forwardPass.') }, en: { ...pick('en', 'kit.'), ...pick('en', 'widget.forwardPass.') } };
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const d = defaults(FORWARD_SCHEMA) as Record<string, number | string>;

/** The chapter's arithmetic, written out independently of src/lib. */
function byHand(x: number[], W1: number[][], b1: number[], W2: number[], b2: number) {
  const z1 = W1.map((row, j) => row[0] * x[0] + row[1] * x[1] + b1[j]);
  const a1 = z1.map(sigma);
  const z2 = W2.reduce((s, w, k) => s + w * a1[k], b2);
  return { z1, a1, z2, a2: sigma(z2) };
}

describe('forward-pass model', () => {
  it('defaults are the worked example and lie inside the schema, on its grid', () => {
    expect(d.x1).toBe(EXAMPLE.x[0]);
    expect(d.x2).toBe(EXAMPLE.x[1]);
    expect(d.w1_12).toBe(EXAMPLE.W1[0][1]);
    expect(d.w2_3).toBe(EXAMPLE.W2[2]);
    expect(d.b2).toBe(EXAMPLE.b2);
    expect(PARAMS).toHaveLength(9 + 4);
    for (const [name, spec] of Object.entries(FORWARD_SCHEMA)) {
      if (spec.kind !== 'number') continue;
      expect(clampNumber(spec, spec.default).adjusted, name).toBeNull();
    }
    // The chapter asks the reader to set w¹₁₁ to 5: the slider must reach it.
    expect((FORWARD_SCHEMA as Record<string, { max?: number }>).w1_11.max).toBeGreaterThanOrEqual(5);
  });

  it('computes the chapter example: z¹ = (0.4, 0.5, −0.5), ŷ ≈ 0.656', () => {
    const r = forwardPass(d);
    const h = byHand(EXAMPLE.x as unknown as number[], EXAMPLE.W1 as unknown as number[][], EXAMPLE.b1 as unknown as number[], EXAMPLE.W2 as unknown as number[], EXAMPLE.b2);
    r.z1.forEach((z, j) => expect(z).toBeCloseTo(h.z1[j], 12));
    r.a1.forEach((a, j) => expect(a).toBeCloseTo(h.a1[j], 12));
    expect(r.z2).toBeCloseTo(h.z2, 12);
    expect(r.a2).toBeCloseTo(h.a2, 12);
    // sigma(-0.5) = 1 - sigma(0.5), as the chapter points out.
    expect(r.a1[2]).toBeCloseTo(1 - r.a1[1], 12);
    // sigma' = sigma (1 - sigma), between 0.235 and 0.240 for the three hidden units.
    r.d1.forEach((s, j) => expect(s).toBeCloseTo(r.a1[j] * (1 - r.a1[j]), 12));
    expect(Math.min(...r.d1)).toBeGreaterThan(0.235);
    expect(Math.max(...r.d1)).toBeLessThan(0.2405);
  });

  it('a large weight saturates its unit: w¹₁₁ = 5 gives z¹₁ = 4.9', () => {
    const r = forwardPass({ ...d, w1_11: 5 });
    expect(r.z1[0]).toBeCloseTo(5 * 1 - 0.4 * 0.5 + 0.1, 12);
    expect(r.a1[0]).toBeCloseTo(sigma(4.9), 12);
    expect(r.a1[0]).toBeGreaterThan(0.99);
  });

  it('every weight setting goes to the right place in the network', () => {
    for (const p of PARAMS) {
      const r0 = forwardPass(d);
      const r1 = forwardPass({ ...d, [p.key]: Number(d[p.key]) + 1 });
      if (p.layer === 1) {
        const dz = r1.z1[p.j] - r0.z1[p.j];
        expect(dz, p.key).toBeCloseTo(p.kind === 'w' ? r0.x[p.k] : 1, 12);
        r1.z1.forEach((z, j) => j !== p.j && expect(z).toBe(r0.z1[j]));
      } else expect(r1.z2 - r0.z2, p.key).toBeCloseTo(p.kind === 'w' ? r0.a1[p.k] : 1, 12);
    }
  });

  it('steps through the nodes in computation order, each layer after the whole previous one', () => {
    expect(STEPS).toBe(6);
    const layers = ORDER.map((o) => o.layer);
    expect(layers).toEqual([...layers].sort());
    expect(isComputed(0, 2, 0)).toBe(true);
    expect(isComputed(2, 1, 0)).toBe(false);
    expect(isComputed(3, 1, 0)).toBe(true);
    expect(isComputed(5, 2, 0)).toBe(false);
  });

  it('all settings survive the URL round trip', () => {
    const v = { ...d, x1: -1.5, w1_22: 2.35, b2: -0.8, sel: 'w2_3' } as typeof d;
    const search = writeState(FORWARD_SCHEMA, 'forward-pass', v as never, '');
    const back = readState(FORWARD_SCHEMA, 'forward-pass', search);
    expect(back.rejected).toEqual([]);
    expect(back.values).toEqual(v);
  });

  it('uses the chapter notation for parameters', () => {
    expect(PARAMS.map(paramSymbol)).toEqual(['w¹₁₁', 'w¹₁₂', 'w¹₂₁', 'w¹₂₂', 'w¹₃₁', 'w¹₃₂', 'b¹₁', 'b¹₂', 'b¹₃', 'w²₁', 'w²₂', 'w²₃', 'b²']);
  });
});

describe('forward-pass view', () => {
  const r = forwardPass(d);
  it('summary states the example numbers in each language', () => {
    const es = forwardSummary(r, 0, S.es, 'es');
    const en = forwardSummary(r, 0, S.en, 'en');
    expect(es).toContain('z¹ = (0,4; 0,5; −0,5)');
    expect(es).toContain('ŷ = 0,656');
    expect(en).toContain('z¹ = (0.4, 0.5, −0.5)');
    expect(en).toContain('a¹ = (0.599, 0.622, 0.378)');
    expect(en).toContain('z² = 0.648');
    expect(en).not.toMatch(/⟦/);
    expect(es).not.toMatch(/⟦/);
    expect(forwardSummary(forwardPass({ ...d, w1_11: 5 }), 0, S.en, 'en')).toContain('Saturated');
  });

  it('the matrix view writes out the highlighted row', () => {
    const hidden1 = matrixView(r, 3, 'en');
    expect(hidden1.blocks).toHaveLength(1);
    expect(hidden1.blocks[0].row).toBe(0);
    expect(hidden1.line).toBe('z¹₁ = 0.5 · 1 + (−0.4) · 0.5 + 0.1 = 0.4;  a¹₁ = σ(0.4) = 0.599');
    const out = matrixView(r, 6, 'es');
    expect(out.line).toContain('ŷ = σ(0,648) = 0,656');
    // Before a unit is computed, its z and a are not shown.
    expect(matrixView(r, 3, 'en').blocks[0].z).toEqual(['0.4', '?', '?']);
    expect(matrixView(r, 0, 'en').blocks).toHaveLength(2);
  });

  it('the chart names itself and the table holds every node and parameter', () => {
    const c = forwardChart(r, 0, S.es, 'dark', 'es');
    expect(c.ariaLabel).toBe(S.es['widget.forwardPass.chart']);
    const t = forwardTable(r, d, S.en);
    expect(t.rows).toHaveLength(2 + 3 + 1 + 13);
    expect(t.rows[5][2]).toBe(r.a2);
  });
});
