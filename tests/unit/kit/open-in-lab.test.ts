// "Open in the lab": every training figure's link must reproduce the figure's experiment in
// the lab: the lab's settings read back from the link train the same network on the same
// data with the same optimiser. A pair opens as A/B, and B reproduces the second session.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ELU_ALPHA, DEFAULT_LEAKY_ALPHA } from '../../../src/lib/activations.ts';
import { defaults, readState, type Schema, type Values } from '../../../src/widgets/kit/params.ts';
import { openInLabHref } from '../../../src/widgets/kit/openInLab.ts';
import type { SessionConfig } from '../../../src/widgets/runner/session.ts';
import { LAB_ID, LAB_SCHEMA, labConfig } from '../../../src/widgets/lab/settings.ts';
import { readCompare, sideB } from '../../../src/widgets/lab/compare/link.ts';
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
