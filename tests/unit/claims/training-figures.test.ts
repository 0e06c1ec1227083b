// Sentences about the four training figures. Their numbers come from docs in
// /work/coord/figures.md and are pinned by each figure's own test (tests/unit/widgets);
// here: the few numbers this helper added, computed with the figures' own configs, and
// the sentences themselves in both languages, so that prose and figure cannot drift apart.
import { describe, expect, it } from 'vitest';
import { createNetwork, gradients, makeDataset } from '../../../src/lib/index.ts';
import { DEAD_SCHEMA, deadConfig, type DeadValues } from '../../../src/widgets/dead-units/model.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { VANISHING_SCHEMA, PRESETS, vanishingConfig, type VanishingValues } from '../../../src/widgets/vanishing-lab/model.ts';
import { chapter, expectBothSay, LANGS, SEEDS } from './helpers.ts';

/** The deep-sigmoid preset's first-layer weight-gradient norm at step 0, at a given depth. */
function firstLayerAtStart(depth: number, seed: number): number {
  const c = vanishingConfig({ ...defaults(VANISHING_SCHEMA), ...PRESETS.deepSigmoid, depth, seed } as VanishingValues);
  const net = createNetwork(c.spec);
  const { train } = makeDataset(c.data.name, { n: c.data.n, noise: c.data.noise, seed: c.data.seed });
  return gradients(net, train.x, train.y, train.n, 'bce').layers[0].weightGradNorm;
}

describe('vanishing-gradient lab: removing layers from the deep sigmoid', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: each removed layer lifts the first layer's step-0 gradient about sevenfold on average, never less than twofold`, () => {
      const lifts: number[] = [];
      for (let d = 10; d >= 2; d--) lifts.push(firstLayerAtStart(d - 1, seed) / firstLayerAtStart(d, seed));
      const mean = Math.exp(lifts.reduce((s, x) => s + Math.log(x), 0) / lifts.length);
      expect(mean).toBeGreaterThan(6);
      expect(mean).toBeLessThan(8);
      expect(Math.min(...lifts)).toBeGreaterThan(2);
    });
  }
  it('both versions say so', () => {
    expect(chapter('en', 'vanishing-gradient')).toContain('by a factor of about seven on average and never less than two');
    expect(chapter('es', 'vanishing-gradient')).toContain('de media unas siete veces y nunca menos de dos');
  });
});

describe('dead units at a learning rate of 3', () => {
  const final = (patch: Partial<DeadValues>) => {
    const s = createSession(deadConfig({ ...defaults(DEAD_SCHEMA), lr: '3', ...patch } as DeadValues));
    s.run(3000);
    return s.state();
  };
  for (const seed of SEEDS) {
    it(`seed ${seed}: plain ReLU ends at ln 2; leaky ReLU with α = 0.01 learns only on seed 3; with α = 0.3 it diverges`, { timeout: 120_000 }, () => {
      const relu = final({ activation: 'relu', seed });
      expect(Math.abs(relu.loss - Math.LN2)).toBeLessThan(0.02);
      const leaky = final({ activation: 'leakyRelu', alpha: 0.01, seed });
      if (seed === 3) expect(leaky.loss).toBeLessThan(0.05);
      else expect(Math.abs(leaky.loss - Math.LN2)).toBeLessThan(0.02);
      expect(final({ activation: 'leakyRelu', alpha: 0.3, seed }).diverged).not.toBeNull();
    });
  }
  it('both versions say so', () => {
    expect(chapter('en', 'leaky-relu')).toContain('it learns on seed 3 only, and with $\\alpha = 0.3$ the training diverges on every seed');
    expect(chapter('es', 'leaky-relu')).toContain('solo aprende con la semilla 3, y con $\\alpha = 0{,}3$ el entrenamiento diverge con todas');
  });
});

describe('sentences quoting figures.md (numbers pinned by the figures\' own tests)', () => {
  it('intro race: the collapse, the error still vanishing (> 8 decades), the first layer\'s drift (< 10⁻⁸) against ReLU\'s loss (< 0.03)', () => {
    expect(chapter('en', 'introduction')).toMatch(/still falls by more than eight orders of magnitude[\s\S]*less than a hundred-millionth of its size[\s\S]*below \$0\.03\$/);
    expect(chapter('es', 'introduction')).toMatch(/sigue cayendo más de ocho órdenes de magnitud[\s\S]*menos de una cienmillonésima de su tamaño[\s\S]*por debajo de \$0\{,\}03\$/);
  });
  it('lab: about 10⁻⁹ at step 0, collapse, error > 8 decades, drift < 10⁻⁷ vs > 5 %, the spike above 1.2 at rate 3', () => {
    for (const n of ['10^{-9}', '1.2', '0.06', '0.03']) expectBothSay('vanishing-gradient', n);
    expect(chapter('en', 'vanishing-gradient')).toMatch(/less than a ten-millionth of its size, while the output layer has moved by more than 5 %/);
    expect(chapter('es', 'vanishing-gradient')).toMatch(/menos de una diezmillonésima de su tamaño, mientras que la de salida se ha movido más de un 5 %/);
    // The lab no longer draws a 0.25^L line: the chapter must not describe one.
    for (const lang of LANGS) expect(chapter(lang, 'vanishing-gradient')).not.toMatch(/envelope|envolvente/);
  });
  it('relu-vs-sigmoid: 10⁻⁶..10⁻⁴ and a factor of five at step 0; ReLU\'s error shrinks 30 to 300 times; drift < 10⁻³ vs > 10 %', () => {
    expect(chapter('en', 'relu')).toMatch(/between a millionth and a ten-thousandth[\s\S]*within a factor of five[\s\S]*less than a thousandth of its size, ReLU's by more than 10 %[\s\S]*by a factor of 30 to 300/);
    expect(chapter('es', 'relu')).toMatch(/entre una millonésima y una diezmilésima[\s\S]*menos de un factor cinco[\s\S]*menos de una milésima de su tamaño, y la de ReLU, más de un 10 %[\s\S]*entre 30 y 300 veces/);
  });
  it('dead units: revival at bias −0.5 on seeds 1 and 3; plain ReLU at rate 2 recovers on seeds 1 and 3; leaky at 2 worse on seed 1', () => {
    expect(chapter('en', 'leaky-relu')).toMatch(/on seeds 1 and 3 a layer's dead fraction falls back below its peak[\s\S]*At 2, plain ReLU still recovers on seeds 1 and 3[\s\S]*does worse than plain ReLU on seed 1 and learns on seeds 2 and 3/);
    expect(chapter('es', 'leaky-relu')).toMatch(/con las semillas 1 y 3, la fracción de muertas de alguna capa vuelve a bajar de su máximo[\s\S]*Con 2, la ReLU normal todavía se recupera con las semillas 1 y 3[\s\S]*sale peor que la ReLU normal con la semilla 1 y aprende con las semillas 2 y 3/);
  });
});
