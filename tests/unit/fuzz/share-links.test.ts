import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { clampNumber, parseValue, QUOTE_MAX, readState, type ParamSpec, type Schema } from '../../../src/widgets/kit/params.ts';
import { FIGURES, type FigureEntry } from './figures.ts';

// Seeded, so a failure reproduces; fast-check prints the counterexample and the seed.
const RUNS = { seed: 1515, numRuns: 250 };

const HOSTILE = [
  '', ' ', 'NaN', '-NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '9'.repeat(400), '1e-400', '0x10', '1_000',
  '9,999', '1.000,5', '٣', '１２', '🙂', 'e', '.', '-', '1e', 'true', 'null', 'undefined', '__proto__', 'constructor',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '%00', '%E0%A4%A', '\u202e1',
  '\u0000', '\ud800', 'x'.repeat(10_000),
];

/** A value aimed at one parameter: valid ones, off-grid and out-of-range numbers, hostile text. */
function valueFor(spec: ParamSpec | undefined): fc.Arbitrary<string> {
  const generic = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.double().map(String),
    fc.integer().map(String),
  );
  if (!spec) return generic;
  if (spec.kind === 'enum') return fc.oneof(fc.constantFrom(...spec.options), fc.constantFrom(...spec.options).map((o) => o.toUpperCase()), generic);
  if (spec.kind === 'bool') return fc.oneof(fc.constantFrom('0', '1', 'true', 'false', 'yes', 'TRUE'), generic);
  const span = spec.max - spec.min;
  return fc.oneof(
    fc.integer({ min: 0, max: Math.round(span / spec.step) }).map((k) => String(spec.min + k * spec.step)),
    fc.double({ min: spec.min - span, max: spec.max + span, noNaN: true }).map(String),
    generic,
  );
}

/** One query entry: this figure's keys, unknown keys under its prefix, other figures' keys, junk. */
function entryFor(fig: FigureEntry): fc.Arbitrary<[string, string]> {
  const names = Object.keys(fig.schema);
  const others = FIGURES.filter((f) => f.id !== fig.id);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).chain((n) => valueFor(fig.schema[n]).map((v): [string, string] => [`${fig.id}.${n}`, v])) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'toString', '', 'x'.repeat(10_000))).map((n) => [`${fig.id}.${n}`, '1'] as [string, string]) },
    { weight: 2, arbitrary: fc.constantFrom(...others).chain((o) => fc.constantFrom(...Object.keys(o.schema)).chain((n) => valueFor(o.schema[n]).map((v): [string, string] => [`${o.id}.${n}`, v]))) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })) },
  );
}

/** A query string: encoded properly, or written raw (stray %, &, =, #, duplicated keys). */
function searchFor(fig: FigureEntry): fc.Arbitrary<{ search: string; entries: [string, string][] }> {
  return fc.array(entryFor(fig), { maxLength: 8 }).chain((entries) =>
    fc.oneof(
      fc.constant({ search: `?${new URLSearchParams(entries).toString()}`, entries }),
      fc.constant({ search: `?${entries.map(([k, v]) => `${k}=${v}`).join('&')}`, entries }),
    ),
  );
}

function inRange(spec: ParamSpec, v: unknown): boolean {
  if (spec.kind === 'bool') return typeof v === 'boolean';
  if (spec.kind === 'enum') return typeof v === 'string' && spec.options.includes(v);
  if (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max) return false;
  const k = (v - spec.min) / spec.step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

function assertValid(schema: Schema, values: Record<string, unknown>) {
  expect(Object.keys(values).sort()).toEqual(Object.keys(schema).sort());
  for (const [name, spec] of Object.entries(schema)) expect(inRange(spec, values[name]), `${name} = ${String(values[name])}`).toBe(true);
}

describe('share-link fuzz: every figure survives any query string', () => {
  it('lists every figure folder (every folder with an .astro wrapper) of src/widgets', () => {
    const root = new URL('../../../src/widgets/', import.meta.url);
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'kit' && readdirSync(new URL(`${d.name}/`, root)).some((f) => f.endsWith('.astro')))
      .map((d) => d.name)
      .sort();
    expect(FIGURES.map((f) => f.id).sort()).toEqual(folders);
  });

  for (const fig of FIGURES) {
    describe(fig.id, () => {
      it('defaults are valid values of its own table', () => {
        const parsed = readState(fig.schema, fig.id, '');
        assertValid(fig.schema, parsed.values);
        expect(parsed.rejected).toEqual([]);
      });

      it('any link parses to in-range values without throwing, and a corrupted one yields a notice', () => {
        fc.assert(
          fc.property(searchFor(fig), ({ search }) => {
            const parsed = readState(fig.schema, fig.id, search);
            assertValid(fig.schema, parsed.values);
            // What the browser would read: the same URLSearchParams the figure parses.
            const own = [...new URLSearchParams(search)].filter(([k]) => k.startsWith(`${fig.id}.`));
            const bad = own.filter(([k, v]) => {
              const name = k.slice(fig.id.length + 1);
              return !Object.hasOwn(fig.schema, name) || parseValue(fig.schema[name], v) === null;
            });
            expect(parsed.rejected.length).toBe(bad.length);
            // The notice quotes only trusted text: a name from the table (or none) and a short, sanitised value.
            for (const r of parsed.rejected) {
              expect(r.name === null || Object.hasOwn(fig.schema, r.name), `name ${String(r.name)}`).toBe(true);
              expect(r.value.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
              expect(r.value).toMatch(/^[A-Za-z0-9.,+\-_]*…?$/);
            }
            // A good value is honoured: the last valid occurrence of each setting wins.
            for (const [k, v] of own) {
              const name = k.slice(fig.id.length + 1);
              if (!Object.hasOwn(fig.schema, name)) continue;
              const p = parseValue(fig.schema[name], v);
              const later = own.slice(own.findLastIndex(([k2]) => k2 === k));
              if (p !== null && later.length === 1 && later[0][1] === v) expect(parsed.values[name]).toBe(p);
            }
            // Out-of-range numbers are moved to the nearest setting (and told); the rest are ignored.
            const usable = own.filter(([k, v]) => {
              const name = k.slice(fig.id.length + 1);
              if (!Object.hasOwn(fig.schema, name)) return false;
              const spec = fig.schema[name];
              return parseValue(spec, v) !== null || (spec.kind === 'number' && /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(v.trim()) && Number.isFinite(Number(v)));
            });
            expect(parsed.fromUrl).toBe(usable.length > 0);
          }),
          RUNS,
        );
      });

      it('other figures’ keys never change its values or raise its notice', () => {
        const others = FIGURES.filter((f) => f.id !== fig.id);
        fc.assert(
          fc.property(
            fc.array(fc.constantFrom(...others).chain((o) => fc.constantFrom(...Object.keys(o.schema)).chain((n) => valueFor(o.schema[n]).map((v): [string, string] => [`${o.id}.${n}`, v]))), { maxLength: 6 }),
            (entries) => {
              const parsed = readState(fig.schema, fig.id, `?${new URLSearchParams(entries)}`);
              expect(parsed.rejected).toEqual([]);
              expect(parsed.values).toEqual(readState(fig.schema, fig.id, '').values);
            },
          ),
          RUNS,
        );
      });
    });
  }

  it('clampNumber brings any double into range, onto the grid, and says which way it moved', () => {
    const numberSpecs = FIGURES.flatMap((f) => Object.values(f.schema)).filter((s): s is Extract<ParamSpec, { kind: 'number' }> => s.kind === 'number');
    fc.assert(
      fc.property(fc.constantFrom(...numberSpecs), fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 1e309, -0)), (spec, x) => {
        const { value, adjusted } = clampNumber(spec, x);
        expect(inRange(spec, value)).toBe(true);
        // The message must not contradict the value: "above" means set to the maximum, "below" to the minimum.
        if (adjusted === 'above') expect(value).toBe(spec.max);
        if (adjusted === 'below') expect(value).toBe(spec.min);
        if (adjusted === null) expect(Math.abs(value - x), `${value} is ${x}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
      }),
      { seed: 1515, numRuns: 2000 },
    );
  });
});
