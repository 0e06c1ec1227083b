import { describe, expect, it } from 'vitest';
import { clampNumber, defaults, parseValue, QUOTE_MAX, quotable, readState, writeState, type Schema } from '../../../src/widgets/kit/params.ts';
import { createRng } from '../../../src/lib/index.ts';

const schema = {
  depth: { kind: 'number', min: 1, max: 30, step: 1, default: 10 },
  lr: { kind: 'number', min: 0.001, max: 2, step: 0.001, default: 0.1 },
  act: { kind: 'enum', options: ['sigmoid', 'relu'], default: 'sigmoid' },
  tanh: { kind: 'bool', default: false },
} as const satisfies Schema;

describe('clampNumber', () => {
  it('clamps below the minimum and says so', () => {
    expect(clampNumber(schema.depth, -4)).toEqual({ value: 1, adjusted: 'below' });
  });
  it('clamps above the maximum and says so', () => {
    expect(clampNumber(schema.depth, 99)).toEqual({ value: 30, adjusted: 'above' });
  });
  it('snaps onto the step grid without float noise', () => {
    expect(clampNumber(schema.lr, 0.12345)).toEqual({ value: 0.123, adjusted: 'step' });
    expect(clampNumber(schema.depth, 7)).toEqual({ value: 7, adjusted: null });
  });
  it('turns NaN into the default and says it was not a number', () => {
    expect(clampNumber(schema.depth, NaN)).toEqual({ value: 10, adjusted: 'invalid' });
  });
  it('treats infinities as out of range, so the value matches the label "above"/"below"', () => {
    expect(clampNumber(schema.depth, Infinity)).toEqual({ value: 30, adjusted: 'above' });
    expect(clampNumber(schema.depth, -Infinity)).toEqual({ value: 1, adjusted: 'below' });
    expect(clampNumber(schema.depth, Number('9'.repeat(400)))).toEqual({ value: 30, adjusted: 'above' });
  });
});

describe('URL state', () => {
  it('round-trips every kind of setting', () => {
    const values = { depth: 25, lr: 0.003, act: 'relu', tanh: true } as const;
    const search = writeState(schema, 'lab', values, '');
    expect(readState(schema, 'lab', search)).toEqual({ values, rejected: [], fromUrl: true });
  });

  it('leaves defaults out of the link and keeps other figures’ keys', () => {
    const search = writeState(schema, 'lab', { ...defaults(schema), depth: 3 }, '?other.seed=4');
    const params = new URLSearchParams(search);
    expect(params.get('other.seed')).toBe('4');
    expect(params.get('lab.depth')).toBe('3');
    expect(params.has('lab.lr')).toBe(false);
  });

  it('clamps an out-of-range number with a notice, ignores unusable values field by field, and never echoes unknown names', () => {
    const parsed = readState(schema, 'lab', '?lab.depth=500&lab.act=relu&lab.lr=abc&lab.evil=1&lab.tanh=maybe');
    expect(parsed.values).toEqual({ ...defaults(schema), depth: 30, act: 'relu' });
    expect(parsed.rejected).toEqual([
      { name: 'depth', value: '500', action: 'clamped', to: 30 },
      { name: 'lr', value: 'abc', action: 'ignored' },
      { name: null, value: '1', action: 'ignored' },
      { name: 'tanh', value: 'maybe', action: 'ignored' },
    ]);
  });

  it('quotes only a sanitised, truncated value: no markup, no sentence from the link', () => {
    const evil = '<script>alert(1)</script> Your account is locked, call 555';
    const parsed = readState(schema, 'lab', `?lab.lr=${encodeURIComponent(evil)}&lab.${encodeURIComponent('Click here now')}=1`);
    expect(parsed.rejected[0].name).toBe('lr');
    expect(parsed.rejected[0].value).toBe(`${quotable(evil)}`);
    expect(parsed.rejected[0].value.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(parsed.rejected[0].value).not.toMatch(/[<> ]/);
    expect(parsed.rejected[1].name).toBeNull();
    expect(quotable('1e999999999999999')).toBe('1e9999999999…');
  });

  it('does not read settings from prototype keys', () => {
    const parsed = readState(schema, 'lab', '?lab.__proto__=1&lab.constructor=2&lab.toString=3');
    expect(parsed.values).toEqual(defaults(schema));
    expect(parsed.rejected).toHaveLength(3);
    expect(parsed.rejected.every((n) => n.name === null)).toBe(true);
  });

  it('never throws on random garbage, and always returns valid values', () => {
    const rng = createRng(2024);
    const alphabet = 'lab.depthactnh=&?%#;+-_e0123456789.\u0000\u00e9\ud83d\ude00<>"\'';
    for (let trial = 0; trial < 2000; trial++) {
      let s = '';
      const len = Math.floor(rng.next() * 60);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
      const { values } = readState(schema, 'lab', s);
      expect(values.depth).toBeGreaterThanOrEqual(1);
      expect(values.depth).toBeLessThanOrEqual(30);
      expect(['sigmoid', 'relu']).toContain(values.act);
      expect(typeof values.tanh).toBe('boolean');
    }
  });

  it('rejects numbers written in forms a person would not type', () => {
    expect(parseValue(schema.depth, '0x10')).toBeNull();
    expect(parseValue(schema.depth, '1e1')).toBe(10);
    expect(parseValue(schema.depth, ' ')).toBeNull();
    expect(parseValue(schema.depth, 'Infinity')).toBeNull();
  });
});
