// The forward-propagation chapter's worked example: every number it prints, from src/lib.
import { describe, expect, it } from 'vitest';
import { activation } from '../../../src/lib/index.ts';
import { chapter, expectBothSay, fixed, LANGS } from './helpers.ts';
import { B2, exampleNetwork, forwardExample, W2 } from './worked-example.ts';

const f = forwardExample();

describe('forward-propagation worked example (2–3–1)', () => {
  it('z¹ = (0.4, 0.5, −0.5) and a¹ = (0.599, 0.622, 0.378)', () => {
    expect(f.z1.map((z) => fixed(z, 1))).toEqual(['0.4', '0.5', '-0.5']);
    expect(f.a1.map((a) => fixed(a, 3))).toEqual(['0.599', '0.622', '0.378']);
    for (const lang of LANGS) {
      const sep = lang === 'en' ? ',\\ ' : ';\\ ';
      const num = (s: string) => (lang === 'en' ? s : s.replace('.', '{,}'));
      const t = chapter(lang, 'forward-propagation');
      expect(t).toContain(`a^{1} = (${['0.599', '0.622', '0.378'].map(num).join(sep)})`);
      expect(t).toContain(`z^{1} = (${['0.4', '0.5', '-0.5'].map(num).join(sep)})`);
    }
  });

  it('z² = 0.419 − 0.311 + 0.340 + 0.2 = 0.648 and ŷ = 0.656, with the output bias b² = 0.2 written out', () => {
    const terms = W2.map((w, k) => w * Number(fixed(f.a1[k], 3)));
    expect(terms.map((t) => fixed(t, 3))).toEqual(['0.419', '-0.311', '0.340']);
    expect(fixed(f.z2, 3)).toBe('0.648');
    expect(fixed(f.yhat, 3)).toBe('0.656');
    for (const n of ['0.419 - 0.311 + 0.340 + 0.2', '= 0.648', '\\approx 0.656', 'b^{2} = 0.2']) expectBothSay('forward-propagation', n);
    expect(B2).toBe(0.2);
  });

  it('the three hidden slopes lie between 0.235 and 0.240', () => {
    const slopes = f.z1.map((z) => activation('sigmoid').df(z));
    expect(Math.min(...slopes.map((s) => Number(fixed(s, 3))))).toBe(0.235);
    expect(Math.max(...slopes.map((s) => Number(fixed(s, 3))))).toBe(0.24);
    expectBothSay('forward-propagation', '0.235');
    expectBothSay('forward-propagation', '0.240');
  });

  it('setting w¹₁₁ = 5 gives z¹₁ = 4.9 and a¹₁ ≈ 0.993', () => {
    const g = forwardExample(exampleNetwork(5));
    expect(fixed(g.z1[0], 1)).toBe('4.9');
    expect(fixed(g.a1[0], 3)).toBe('0.993');
    expectBothSay('forward-propagation', '4.9');
    expectBothSay('forward-propagation', '0.993');
  });

  it('no display equation of the worked example is one long line: z² and the parameters use aligned rows', () => {
    for (const lang of LANGS) {
      const displays = chapter(lang, 'forward-propagation').split('$$').filter((_, i) => i % 2 === 1);
      const z2 = displays.find((d) => d.includes('z^{2} &='));
      expect(z2, `${lang}: z² is broken over aligned rows`).toBeDefined();
      expect(z2!.split('\\\\').length).toBeGreaterThanOrEqual(4);
      const params = displays.find((d) => d.includes('W^{1} &='));
      expect(params, `${lang}: W¹, b¹, W², b² are on separate rows`).toBeDefined();
    }
  });
});
