// "Open in the lab": every training figure's link must reproduce the figure's experiment in
// the lab: the lab's settings read back from the link train the same network on the same
// data with the same optimiser. A pair opens as A/B, and B reproduces the second session.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ELU_ALPHA, DEFAULT_LEAKY_ALPHA } from '../../../src/lib/activations.ts';
import { defaults, readState, type Schema, type Values } from '../../../src/widgets/kit/params.ts';
import { LAB_LINK_ACTS_KEY, LAB_LINK_B_ID, LAB_LINK_FIELDS, LAB_LINK_ID, labLinkValues, openInLabHref } from '../../../src/widgets/kit/openInLab.ts';
import type { SessionConfig } from '../../../src/widgets/runner/session.ts';
import { LAB_DEFAULTS, LAB_ID, LAB_SCHEMA, labConfig, labHref, type LabValues } from '../../../src/widgets/lab/settings.ts';
import { labStateFromConfig } from '../widgets/labState.ts';
import { ACTS_KEY } from '../../../src/widgets/lab/acts.ts';
import { COMPARED_KEYS } from '../../../src/widgets/lab/compare/diff.ts';
import { LAB_B_ID, readCompare, sideB, writeCompare, type Overrides } from '../../../src/widgets/lab/compare/link.ts';
import { DEAD_SCHEMA, deadConfig } from '../../../src/widgets/dead-units/model.ts';
import { GLOROT_SCHEMA, glorotConfig } from '../../../src/widgets/glorot-reproduction/model.ts';
import { VANISHING_SCHEMA, vanishingConfig } from '../../../src/widgets/vanishing-lab/model.ts';
import { HE_SCHEMA, heConfigs } from '../../../src/widgets/he-reproduction/model.ts';
import { RACE_SCHEMA, raceConfigs } from '../../../src/widgets/intro-race/model.ts';
import { PAIR_SCHEMA, pairConfigs } from '../../../src/widgets/relu-vs-sigmoid/model.ts';
import { RESIDUAL_SCHEMA, residualConfigs } from '../../../src/widgets/residual-connections/model.ts';
import { EXPLODING_SCHEMA, explodingConfigs } from '../../../src/widgets/exploding-gradients/model.ts';
import { NORM_SCHEMA, normConfigs } from '../../../src/widgets/normalization-lab/model.ts';

interface Fig {
  id: string;
  schema: Schema;
  configs(v: Values<Schema>): SessionConfig[];
}
const fig = <S extends Schema>(id: string, schema: S, configs: (v: Values<S>) => SessionConfig | SessionConfig[]): Fig => ({
  id,
  schema,
  configs: (v) => [configs(v as Values<S>)].flat(),
});

const FIGURES: Fig[] = [
  fig('vanishing-lab', VANISHING_SCHEMA, vanishingConfig),
  fig('intro-race', RACE_SCHEMA, raceConfigs),
  fig('relu-vs-sigmoid', PAIR_SCHEMA, pairConfigs),
  fig('dead-units', DEAD_SCHEMA, deadConfig),
  fig('exploding-gradients', EXPLODING_SCHEMA, explodingConfigs),
  fig('residual-connections', RESIDUAL_SCHEMA, residualConfigs),
  fig('normalization-lab', NORM_SCHEMA, normConfigs),
  fig('he-reproduction', HE_SCHEMA, heConfigs),
  fig('glorot-reproduction', GLOROT_SCHEMA, glorotConfig),
];

/** Every setting at the other end of its range, or its last option: far from the defaults. */
function extreme(schema: Schema): Values<Schema> {
  const v = defaults(schema) as Record<string, unknown>;
  for (const [k, p] of Object.entries(schema)) v[k] = p.kind === 'number' ? p.max : p.kind === 'enum' ? p.options[p.options.length - 1] : !p.default;
  return v as Values<Schema>;
}

/** What decides a run: the network, its initial weights, the data, the loss and the optimiser. */
function experiment(c: SessionConfig) {
  return {
    sizes: c.spec.sizes,
    activation: c.spec.activation,
    // An unset α is the library's default for the activation that has one.
    alpha: c.spec.activation === 'leakyRelu' ? (c.spec.alpha ?? DEFAULT_LEAKY_ALPHA) : c.spec.activation === 'elu' ? (c.spec.alpha ?? DEFAULT_ELU_ALPHA) : undefined,
    init: c.spec.init,
    biasInit: c.spec.biasInit ?? 0,
    seed: c.spec.seed,
    residual: c.spec.residual ?? false,
    residualScale: c.spec.residual ? (c.spec.residualScale ?? 1) : undefined,
    norm: c.spec.norm ?? 'none',
    data: { name: c.data.name, n: c.data.n, noise: c.data.noise, seed: c.data.seed, testFraction: c.data.testFraction ?? 0.25 },
    lr: c.lr,
    loss: c.loss,
    optimizer: c.optimizer ?? 'sgd',
    clipNorm: c.clipNorm,
    batchSize: c.batchSize,
  };
}

/** The lab's sessions as a reader lands on the link: A, and B when the link holds one. */
function landed(href: string): SessionConfig[] {
  const url = new URL(href, 'https://example.org');
  const a = readState(LAB_SCHEMA, LAB_ID, url.search);
  expect(a.rejected).toEqual([]);
  const cmp = readCompare(url.search);
  expect(cmp.rejected).toEqual([]);
  return cmp.overrides ? [labConfig(a.values), labConfig(sideB(a.values, cmp.overrides))] : [labConfig(a.values)];
}

describe('"Open in the lab" reproduces every training figure', () => {
  for (const f of FIGURES)
    for (const [name, values] of [['defaults', defaults(f.schema)], ['far settings', extreme(f.schema)]] as const)
      it(`${f.id} (${name}): the lab trains the same experiment${f.configs(values).length > 1 ? ', its first two runs as A and B' : ''}`, () => {
        const configs = f.configs(values);
        for (const lang of ['es', 'en'] as const) {
          const href = openInLabHref(lang, configs);
          expect(href).toMatch(new RegExp(`^/${lang}/lab/\\?[^#]*#lab$`));
          const lab = landed(href);
          expect(lab.length).toBe(Math.min(2, configs.length));
          lab.forEach((c, i) => expect(experiment(c), `${f.id} run ${i}`).toEqual(experiment(configs[i])));
        }
      });
});

// The kit writes the lab's link format itself (it may not import a figure); these pin it to
// the lab's own settings table and to the links the lab's own functions write.
describe('the kit\'s lab link format is the lab\'s', () => {
  it('has every setting of LAB_SCHEMA but speed and skip, in order, with the same kind, default and grid', () => {
    const fields = Object.keys(LAB_SCHEMA).filter((k) => k !== 'speed' && k !== 'skip');
    expect(Object.keys(LAB_LINK_FIELDS)).toEqual(fields);
    for (const k of fields) {
      const lab = LAB_SCHEMA[k as keyof typeof LAB_SCHEMA];
      const link = LAB_LINK_FIELDS[k as keyof typeof LAB_LINK_FIELDS];
      expect({ k, kind: link.kind, default: link.default }).toEqual({ k, kind: lab.kind, default: lab.default });
      if (lab.kind === 'number' && link.kind === 'number') expect({ k, min: link.min, max: link.max, step: link.step }).toEqual({ k, min: lab.min, max: lab.max, step: lab.step });
    }
    expect([LAB_LINK_ID, LAB_LINK_B_ID, LAB_LINK_ACTS_KEY]).toEqual([LAB_ID, LAB_B_ID, ACTS_KEY]);
  });

  /** The link as the lab writes it with its own modules: labHref for A, writeCompare for B. */
  function labsOwnHref(lang: 'es' | 'en', configs: SessionConfig[]): string {
    const valuesOf = (c: SessionConfig) => ({ ...LAB_DEFAULTS, ...labStateFromConfig(c) }) as LabValues & { acts?: [] };
    const a = valuesOf(configs[0]);
    const href = labHref(lang, a);
    if (configs.length < 2) return href;
    const b = valuesOf(configs[1]);
    const overrides: Overrides = {};
    for (const k of COMPARED_KEYS) if (a[k] !== b[k]) (overrides as Record<string, unknown>)[k] = b[k];
    const [path, hash] = href.split('#');
    const q = path.indexOf('?');
    return `${q < 0 ? path : path.slice(0, q)}${writeCompare(a, overrides, q < 0 ? '' : path.slice(q))}#${hash}`;
  }

  for (const f of FIGURES)
    for (const [name, values] of [['defaults', defaults(f.schema)], ['far settings', extreme(f.schema)]] as const)
      it(`${f.id} (${name}): the same link, byte for byte, and the lab reads back the settings it carries`, () => {
        const configs = f.configs(values);
        for (const lang of ['es', 'en'] as const) expect(openInLabHref(lang, configs)).toBe(labsOwnHref(lang, configs));
        // The lab's own URL reader, on the first session's link: every setting as labLinkValues gave it, none refused.
        const href = openInLabHref('en', [configs[0]]);
        const search = href.includes('?') ? href.slice(href.indexOf('?'), href.indexOf('#')) : '';
        const read = readState(LAB_SCHEMA, LAB_ID, search);
        expect(read.rejected).toEqual([]);
        const expected = labLinkValues(configs[0]).values as Record<string, unknown>;
        for (const k of Object.keys(LAB_LINK_FIELDS)) expect({ k, v: (read.values as Record<string, unknown>)[k] }).toEqual({ k, v: expected[k] });
      });

  it('a per-layer network keeps its list of activations, as the lab writes it', () => {
    const c: SessionConfig = { ...f0(), spec: { ...f0().spec, sizes: [2, 8, 8, 8, 1], activation: ['relu', 'relu', 'tanh'] } };
    const href = openInLabHref('en', c);
    expect(href).toContain(`${ACTS_KEY}=relu*2%2Ctanh`);
    expect(href).toBe(labsOwnHref('en', [c]));
  });
});

/** A session of the first figure at its defaults, to vary. */
const f0 = (): SessionConfig => FIGURES[0].configs(defaults(FIGURES[0].schema))[0];
