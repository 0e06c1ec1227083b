import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, INIT_NAMES } from '../../../src/lib/index.ts';
import { readState } from '../../../src/widgets/kit/params.ts';
import { createSession, sessionData, type SessionConfig } from '../../../src/widgets/runner/session.ts';
import { checkToWorker } from '../../../src/widgets/runner/protocol.ts';
import { LAB_DEFAULTS, LAB_ID, LAB_SCHEMA, labConfig, labHref, labPath } from '../../../src/widgets/lab/settings.ts';
import { labStateFromConfig } from './labState.ts';
import { chapterUrl } from '../../../src/utils/urls.ts';
import { historyTable, viewOfSession } from '../../../src/widgets/lab/model.ts';

describe('the lab settings table', () => {
  it('offers the issue\'s ranges, every activation and every init scheme', () => {
    expect([LAB_SCHEMA.depth.min, LAB_SCHEMA.depth.max, LAB_SCHEMA.width.min, LAB_SCHEMA.width.max]).toEqual([1, 50, 1, 128]);
    expect(LAB_SCHEMA.activation.options).toEqual(ACTIVATION_NAMES);
    for (const name of INIT_NAMES) expect(LAB_SCHEMA.init.options).toContain(name);
  });

  it('clamps out-of-range values from a link with a notice, and refuses junk', () => {
    const r = readState(LAB_SCHEMA, LAB_ID, '?lab.depth=80&lab.width=-3&lab.activation=evil&lab.lr=1e9&lab.bogus=1');
    expect(r.values.depth).toBe(50);
    expect(r.values.width).toBe(1);
    expect(r.values.activation).toBe(LAB_DEFAULTS.activation);
    expect(r.values.lr).toBe(10);
    expect(r.rejected.map((n) => [n.name, n.action])).toEqual([['depth', 'clamped'], ['width', 'clamped'], ['activation', 'ignored'], ['lr', 'clamped'], [null, 'ignored']]);
  });

  it('maps every knob into the session config', () => {
    const c = labConfig({ ...LAB_DEFAULTS, depth: 3, width: 7, activation: 'elu', eluAlpha: 0.5, residual: true, residualScale: 0.5, norm: 'layer', init: 'customUniform', initScale: 0.2, biasInit: 0.1, loss: 'mse', optimizer: 'adam', beta1: 0.8, beta2: 0.99, lr: 0.002, batch: 32, clip: 1.5, dataset: 'moons', points: 100, noise: 0.2, testFraction: 0.1, seed: 7 });
    expect(c.spec).toEqual({ sizes: [2, 7, 7, 7, 1], activation: 'elu', alpha: 0.5, output: 'sigmoid', init: { kind: 'uniform', limit: 0.2 }, biasInit: 0.1, seed: 7, residual: true, residualScale: 0.5, norm: 'layer' });
    expect(c.data).toEqual({ name: 'moons', n: 100, noise: 0.2, seed: 7, testFraction: 0.1 });
    expect([c.loss, c.optimizer, c.beta1, c.beta2, c.lr, c.batchSize, c.clipNorm]).toEqual(['mse', 'adam', 0.8, 0.99, 0.002, 32, 1.5]);
  });

  it('labStateFromConfig inverts labConfig for every setting a config carries', () => {
    const v = { ...LAB_DEFAULTS, depth: 12, width: 33, activation: 'leakyRelu' as const, leakyAlpha: 0.2, norm: 'batch' as const, init: 'customOrthogonal' as const, initScale: 1.3, optimizer: 'momentum' as const, momentum: 0.8, lr: 0.0123, batch: 16, clip: 2, dataset: 'spiral' as const, seed: 42 };
    expect({ ...LAB_DEFAULTS, ...labStateFromConfig(labConfig(v)) }).toEqual(v);
  });

  it('labStateFromConfig reads a chapter figure\'s config (uneven widths take the widest)', () => {
    const figure: SessionConfig = { spec: { sizes: [2, 8, 16, 1], activation: 'sigmoid', output: 'sigmoid', init: 'classic', seed: 3 }, data: { name: 'circle', n: 240, noise: 0.08, seed: 3 }, lr: 3, loss: 'bce', recordEvery: 5, maxSteps: 3000 };
    expect(labStateFromConfig(figure)).toMatchObject({ depth: 2, width: 16, activation: 'sigmoid', init: 'classic', lr: 3, seed: 3, optimizer: 'sgd', batch: 0, clip: 0 });
  });

  it('labHref writes only what differs from the defaults, at the lab chapter\'s URL', () => {
    expect(labPath('es')).toBe(chapterUrl('es', 'lab'));
    expect(labHref('en', {})).toBe(`${chapterUrl('en', 'lab')}#lab`);
    const href = labHref('es', { depth: 10, activation: 'sigmoid' });
    const search = href.slice(href.indexOf('?'), href.indexOf('#'));
    expect(readState(LAB_SCHEMA, LAB_ID, search).values).toEqual({ ...LAB_DEFAULTS, depth: 10, activation: 'sigmoid' });
  });
});

describe('custom points and batches in a session', () => {
  const points: [number, number, number][] = Array.from({ length: 40 }, (_, i) => [Math.cos(i), Math.sin(i), i % 2]);

  it('trains on exactly the given points, split by the seed', () => {
    const { train, test } = sessionData({ name: 'circle', n: 240, noise: 0, seed: 5, testFraction: 0.25, points });
    expect([train.n, test.n]).toEqual([30, 10]);
    const all = [...Array.from({ length: train.n }, (_, i) => train.x[2 * i]), ...Array.from({ length: test.n }, (_, i) => test.x[2 * i])].sort();
    expect(all).toEqual(points.map((p) => p[0]).sort());
  });

  it('the lab passes the reader\'s points only for the custom data set, and the worker protocol checks them', () => {
    const custom = [{ x: 0.1, y: 0.2, label: 1 as const }, { x: -0.3, y: 0.4, label: 0 as const }];
    expect(labConfig({ ...LAB_DEFAULTS, dataset: 'custom' }, custom).data.points).toEqual([[0.1, 0.2, 1], [-0.3, 0.4, 0]]);
    expect(labConfig({ ...LAB_DEFAULTS }, custom).data.points).toBeUndefined();
    const ok = labConfig({ ...LAB_DEFAULTS, dataset: 'custom' }, custom);
    expect('ok' in checkToWorker({ type: 'init', generation: 1, configs: [ok] })).toBe(true);
    const bad = { ...ok, data: { ...ok.data, points: [[0, 'x', 1]] } };
    expect(checkToWorker({ type: 'init', generation: 1, configs: [bad] })).toMatchObject({ error: expect.stringMatching(/points/) });
  });

  it('a batch size trains on windows of the training set and gives a different curve from full batch', () => {
    const full = createSession(labConfig(LAB_DEFAULTS));
    const mini = createSession(labConfig({ ...LAB_DEFAULTS, batch: 16 }));
    full.run(20);
    mini.run(20);
    expect(mini.lossHistory).toHaveLength(20);
    expect(mini.lossHistory[5]).not.toBe(full.lossHistory[5]);
  });
});

describe('the history export', () => {
  it('holds every step\'s loss and every record\'s per-layer series', () => {
    const s = createSession(labConfig({ ...LAB_DEFAULTS, depth: 2 }));
    s.run(25);
    const t = historyTable(viewOfSession(s));
    expect(t.rows).toHaveLength(26);
    expect(t.columns.slice(0, 5)).toEqual(['step', 'loss', 'test_loss', 'train_accuracy', 'test_accuracy']);
    expect(t.columns).toContain('grad_L3');
    const col = (name: string) => t.columns.indexOf(name);
    expect(t.rows[25][col('loss')]).toBe(s.lossHistory[24]);
    expect(t.rows[20][col('grad_L1')]).toBe(s.layerHistory.find((r) => r.step === 20)!.layers[0].weightGradNorm);
    expect(t.rows[21][col('grad_L1')]).toBe('');
    expect(typeof t.rows[10][col('test_loss')]).toBe('number');
  });
});
