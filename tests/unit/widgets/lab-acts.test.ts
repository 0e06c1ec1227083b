import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, type ActivationName } from '../../../src/lib/index.ts';
import { readState } from '../../../src/widgets/kit/params.ts';
import { ACTS_KEY, decodeActs, encodeActs, resizeActs } from '../../../src/widgets/lab/acts.ts';
import { LAB_DEFAULTS, LAB_ID, LAB_SCHEMA, labConfig, labHref, type LabValues } from '../../../src/widgets/lab/settings.ts';
import { labStateFromConfig } from './labState.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';

const mixed: ActivationName[] = ['relu', 'relu', 'relu', 'relu', 'relu', 'tanh', 'tanh', 'tanh'];

describe('the per-layer activations in a share link', () => {
  it('are written as runs of equal names and read back exactly', () => {
    expect(encodeActs(mixed)).toBe('relu*5,tanh*3');
    expect(encodeActs(['elu', 'gelu', 'elu'])).toBe('elu,gelu,elu');
    expect(decodeActs('relu*5,tanh*3', 8)).toEqual(mixed);
    // Every name, at every position, at the lab's full depth.
    const all = Array.from({ length: 50 }, (_, i) => ACTIVATION_NAMES[(i * 7) % ACTIVATION_NAMES.length]);
    expect(decodeActs(encodeActs(all), 50)).toEqual(all);
    expect(decodeActs(encodeActs(Array(50).fill('selu')), 50)).toEqual(Array(50).fill('selu'));
  });

  it('refuse a tampered value whole', () => {
    for (const raw of ['', 'relu*5,evil*3', 'relu*0,tanh*8', 'relu*-1,tanh*9', 'relu*5;tanh*3', 'relu*5,,tanh*3', 'relu*1e1', 'constructor*8', 'relu*999']) {
      expect(decodeActs(raw, 8), raw).toBeNull();
    }
  });

  it('refuse a list whose length is not the depth', () => {
    expect(decodeActs('relu*5,tanh*3', 7)).toBeNull();
    expect(decodeActs('relu*5,tanh*3', 9)).toBeNull();
  });

  it('follow the depth: new layers take the global activation, removed ones go', () => {
    expect(resizeActs(['relu', 'tanh'], 4, 'elu')).toEqual(['relu', 'tanh', 'elu', 'elu']);
    expect(resizeActs(mixed, 3, 'elu')).toEqual(['relu', 'relu', 'relu']);
  });
});

describe('the lab in per-layer mode', () => {
  const v: LabValues = { ...LAB_DEFAULTS, depth: 8, actMode: 'perLayer', leakyAlpha: 0.2 };

  it('trains the list, and the one name when the mode is "same" or the list does not fit', () => {
    expect(labConfig(v, [], mixed).spec.activation).toEqual(mixed);
    expect(labConfig({ ...v, actMode: 'same' }, [], mixed).spec.activation).toBe(v.activation);
    expect(labConfig({ ...v, depth: 7 }, [], mixed).spec.activation).toBe(v.activation);
    const s = createSession({ ...labConfig(v, [], mixed), maxSteps: 3 });
    s.run(3);
    expect(s.lossHistory).toHaveLength(3);
  });

  it('sets α from the layers that use one: leaky ReLU\'s slope wins over ELU\'s scale, as src/lib shares one', () => {
    expect(labConfig(v, [], mixed).spec.alpha).toBeUndefined();
    const withLeaky: ActivationName[] = [...mixed.slice(0, 7), 'leakyRelu'];
    expect(labConfig(v, [], withLeaky).spec.alpha).toBe(0.2);
    expect(labConfig({ ...v, eluAlpha: 0.5 }, [], [...mixed.slice(0, 7), 'elu']).spec.alpha).toBe(0.5);
    expect(labConfig({ ...v, eluAlpha: 0.5 }, [], [...withLeaky.slice(0, 6), 'elu', 'leakyRelu']).spec.alpha).toBe(0.2);
  });

  it('labStateFromConfig maps a per-layer spec back, and labHref carries it in the link', () => {
    const state = labStateFromConfig(labConfig(v, [], mixed));
    expect(state.actMode).toBe('perLayer');
    expect(state.acts).toEqual(mixed);
    // No layer uses α here, so the slope is not carried; the global name becomes the first layer's.
    expect({ ...LAB_DEFAULTS, ...state, acts: undefined }).toEqual({ ...v, leakyAlpha: LAB_DEFAULTS.leakyAlpha, activation: 'relu', acts: undefined });
    const href = labHref('en', state);
    const search = href.slice(href.indexOf('?'), href.indexOf('#'));
    const params = new URLSearchParams(search);
    expect(params.get(ACTS_KEY)).toBe('relu*5,tanh*3');
    const read = readState(LAB_SCHEMA, LAB_ID, search);
    // The kit's reader does not see (or refuse) the list's key.
    expect(read.rejected).toEqual([]);
    expect(decodeActs(params.get(ACTS_KEY) ?? '', read.values.depth)).toEqual(mixed);
  });

  it('labStateFromConfig keeps one name for a list of equal names, and the first when the depth does not fit', () => {
    const same = labStateFromConfig(labConfig(v, [], Array(8).fill('gelu')));
    expect([same.actMode, same.activation, same.acts]).toEqual(['same', 'gelu', undefined]);
    const deep = { ...labConfig(v, [], mixed), spec: { ...labConfig(v, [], mixed).spec, sizes: [2, ...Array(60).fill(4), 1], activation: Array(60).fill('tanh').map((a, i) => (i % 2 ? 'relu' : a)) } };
    const s = labStateFromConfig(deep);
    expect([s.depth, s.activation, s.actMode, s.acts]).toEqual([50, 'tanh', 'same', undefined]);
  });
});

describe('Adam\'s ε in the lab', () => {
  it('is clamped from a link and reaches the session only with Adam', () => {
    const r = readState(LAB_SCHEMA, LAB_ID, '?lab.eps=1e-30&lab.optimizer=adam');
    expect(r.values.eps).toBe(1e-10);
    expect(r.rejected.map((n) => [n.name, n.action])).toEqual([['eps', 'clamped']]);
    expect(readState(LAB_SCHEMA, LAB_ID, '?lab.eps=5').values.eps).toBe(1);
    expect(labConfig({ ...LAB_DEFAULTS, optimizer: 'adam', eps: 1e-4 }).eps).toBe(1e-4);
    expect(labConfig({ ...LAB_DEFAULTS, optimizer: 'adam' }).eps).toBeUndefined();
    expect(labConfig({ ...LAB_DEFAULTS, optimizer: 'sgd', eps: 1e-4 }).eps).toBeUndefined();
  });

  it('round-trips through the link and labStateFromConfig', () => {
    const v: LabValues = { ...LAB_DEFAULTS, optimizer: 'adam', eps: 0.001 };
    const href = labHref('es', labStateFromConfig(labConfig(v)));
    expect(readState(LAB_SCHEMA, LAB_ID, href.slice(href.indexOf('?'), href.indexOf('#'))).values).toEqual(v);
  });

  it('changes Adam\'s training when it is large', () => {
    const losses = (eps: number) => {
      const s = createSession({ ...labConfig({ ...LAB_DEFAULTS, optimizer: 'adam', lr: 0.01, eps }), maxSteps: 20 });
      s.run(20);
      return s.lossHistory.slice();
    };
    expect(losses(0.1)[19]).not.toBe(losses(1e-8)[19]);
  });
});
