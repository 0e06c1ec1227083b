// The lab's status line, pinned on real runs over seeds 1–3: each failure the chapters describe
// is named as such at step 0 and later, and a well-set network is called healthy.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { viewOfSession } from '../../../src/widgets/lab/model.ts';
import { LAB_DEFAULTS, labConfig, type LabValues } from '../../../src/widgets/lab/settings.ts';
import { labStatus, type LabStatusKind } from '../../../src/widgets/lab/status.ts';
import { labStatusLine, statusInput } from '../../../src/widgets/lab/view.ts';
import { formatLoss } from '../../../src/widgets/series/index.ts';

const SEEDS = [1, 2, 3];

/** The status after each of `checkpoints` steps (cumulative), for one setting and seed. */
function statuses(patch: Partial<LabValues>, seed: number, checkpoints: number[]): LabStatusKind[] {
  const s = createSession(labConfig({ ...LAB_DEFAULTS, ...patch, seed }));
  return checkpoints.map((step) => {
    s.run(step - s.state().step);
    return labStatus(statusInput(viewOfSession(s))).kind;
  });
}

describe('the lab status line on real runs, seeds 1–3', () => {
  it('ten sigmoid layers with the classic init: vanishing at step 0, then the collapse to the prior', () => {
    for (const seed of SEEDS) {
      const [at0, at300, at700] = statuses({ depth: 10, activation: 'sigmoid', init: 'classic', lr: 1 }, seed, [0, 300, 700]);
      expect(at0, `seed ${seed}`).toBe('vanishing');
      expect([at300, at700], `seed ${seed}`).toEqual(['collapsed', 'collapsed']);
    }
  }, 120_000);

  it('ten ReLU layers with He init: healthy at step 0 and after training', () => {
    for (const seed of SEEDS) {
      const [at0, at300, at700] = statuses({ depth: 10, activation: 'relu', init: 'heNormal', lr: 0.03 }, seed, [0, 300, 700]);
      expect([at0, at300, at700], `seed ${seed}`).toEqual(['healthy', 'healthy', 'healthy']);
    }
  }, 120_000);

  it('the default experiment is healthy from start to finish', () => {
    for (const seed of SEEDS) expect(statuses({}, seed, [0, 200, 600]), `seed ${seed}`).toEqual(['healthy', 'healthy', 'healthy']);
  }, 120_000);

  it('ReLU with N(0, 1) weights: the backpropagated error explodes at step 0', () => {
    for (const seed of SEEDS) expect(statuses({ depth: 10, activation: 'relu', init: 'customNormal', initScale: 1, lr: 0.001 }, seed, [0])[0], `seed ${seed}`).toBe('exploding');
  });

  it('ReLU with every bias at −1: dead units, before and after training', () => {
    for (const seed of SEEDS) expect(statuses({ activation: 'relu', init: 'heNormal', biasInit: -1 }, seed, [0, 300]), `seed ${seed}`).toEqual(['dead', 'dead']);
  }, 60_000);

  it('a run that diverges says so', () => {
    for (const seed of [1, 3]) expect(statuses({ depth: 10, activation: 'relu', init: 'customNormal', initScale: 1, lr: 0.001 }, seed, [50])[0], `seed ${seed}`).toBe('diverged');
  });

  it('quotes the loss on screen: the last training loss, formatted as the charts format it', () => {
    const s = createSession(labConfig({ ...LAB_DEFAULTS, seed: 2 }));
    s.run(120);
    const view = viewOfSession(s);
    expect(view.loss).toBe(s.lossHistory.at(-1));
    for (const lang of ['es', 'en'] as const) {
      const strings = { ...pick(lang, 'kit.'), ...pick(lang, 'series.'), ...pick(lang, 'widget.lab.') };
      expect(labStatusLine(view, strings, lang).text).toContain(formatLoss(view.loss, lang));
    }
  });
});
