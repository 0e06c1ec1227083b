import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetwork } from '../../../src/lib/index.ts';
import { float64ToBase64, pytorchScript } from '../../../src/widgets/runner/pytorch.ts';
import { createSession, type SessionConfig } from '../../../src/widgets/runner/session.ts';
import { VANISHING_SCHEMA, vanishingConfig, type VanishingValues } from '../../../src/widgets/vanishing-lab/model.ts';
import * as lab from '../../../src/widgets/lab/settings.ts';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const STEPS = 100;

function torchAvailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? null : `${PYTHON} cannot import torch (${(r.stderr || r.error?.message || '').trim().split('\n').pop()}). Install Debian's python3-torch: apt-get install -y python3-torch`;
}

/**
 * Runs exported scripts in ONE Python process (torch takes seconds to import), each as
 * `python3 script.py --steps N --json --device cpu` would, and returns their losses.
 */
function runScripts(jobs: { script: string; steps: number }[]): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'vg-torch-'));
  const files = jobs.map((job, i) => {
    const file = join(dir, `lab_experiment_${i}.py`);
    writeFileSync(file, job.script);
    return [file, job.steps];
  });
  const driver = `
import contextlib, io, json, runpy, sys
out = []
for file, steps in json.loads(sys.argv[1]):
    sys.argv = [file, '--steps', str(steps), '--json', '--device', 'cpu']
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(file, run_name='__main__')
    out.append(json.loads(buf.getvalue().strip().splitlines()[-1])['losses'])
print(json.dumps(out))
`;
  const r = spawnSync(PYTHON, ['-c', driver, JSON.stringify(files)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`the exported script failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '[]') as number[][];
}

function libLosses(config: SessionConfig, steps: number): number[] {
  const s = createSession({ ...config, maxSteps: steps });
  s.run(steps);
  return s.lossHistory.slice();
}

function maxRelativeError(a: number[], b: number[]): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
  return worst;
}

const defaults = Object.fromEntries(Object.entries(VANISHING_SCHEMA).map(([k, f]) => [k, f.default])) as VanishingValues;

describe('base64 of float64 bytes', () => {
  it('matches Node\'s encoder for lengths that leave 0, 1 and 2 bytes over', () => {
    for (const n of [1, 2, 3, 7]) {
      const v = Float64Array.from({ length: n }, (_, i) => Math.PI * (i + 1) * (i % 2 ? -1 : 1));
      expect(float64ToBase64(v)).toBe(Buffer.from(v.buffer).toString('base64'));
    }
    const odd = new Uint8Array([1, 2, 3, 4, 5]);
    const view = new Float64Array(1);
    new Uint8Array(view.buffer).set(odd);
    expect(float64ToBase64(view)).toBe(Buffer.from(view.buffer).toString('base64'));
  });
});

describe('the PyTorch export', () => {
  it('embeds the initial weights exactly', () => {
    const config = vanishingConfig(defaults);
    const script = pytorchScript(config, { steps: 10 });
    const net = createNetwork(config.spec);
    for (const l of net.layers) expect(script).toContain(float64ToBase64(l.weights));
  });

  it('refuses bce without a sigmoid output, naming the field', () => {
    const config = vanishingConfig(defaults);
    expect(() => pytorchScript({ ...config, spec: { ...config.spec, output: 'linear' } }, { steps: 1 })).toThrow(/output 'sigmoid'/);
  });

  it('needs python3-torch, and says so instead of passing', () => {
    // A missing torch is a failure with the install command, never a skip.
    expect(torchAvailable()).toBeNull();
  }, 60_000);

  it(`trains like src/lib for ${STEPS} steps: the lab's default, momentum, Adam and clipping within 1e-6; 20-layer residual nets with norm within 1e-4`, () => {
    const base = vanishingConfig({ ...defaults, depth: 4, width: 8, activation: 'tanh', init: 'xavier' });
    const configs: [string, SessionConfig, number][] = [
      ['lab default', vanishingConfig(defaults), STEPS],
      ['momentum', { ...base, optimizer: 'momentum', lr: 0.1 }, 50],
      ['adam', { ...base, optimizer: 'adam', lr: 0.01 }, 50],
      ['clipped sgd', { ...base, lr: 3, clipNorm: 0.05 }, 50],
    ];
    const deep = vanishingConfig({ ...defaults, depth: 20, width: 16, activation: 'relu', init: 'he' });
    const residual = { ...deep.spec, residual: true, residualScale: 0.5 };
    configs.push(
      // The bar for a deep residual network with layer norm and Adam is 1e-4.
      ['20-layer residual, layer norm, Adam', { ...deep, spec: { ...residual, norm: 'layer' }, optimizer: 'adam', lr: 0.003 }, STEPS],
      ['20-layer residual, batch norm, momentum', { ...deep, spec: { ...residual, norm: 'batch' }, optimizer: 'momentum', lr: 0.01 }, STEPS],
    );
    const tolerance = (name: string) => (name.startsWith('20-layer') ? 1e-4 : 1e-6);
    const theirs = runScripts(configs.map(([, config, steps]) => ({ script: pytorchScript(config, { steps }), steps })));
    configs.forEach(([name, config, steps], i) => {
      const ours = libLosses(config, steps);
      expect(theirs[i], name).toHaveLength(steps);
      expect(maxRelativeError(theirs[i], ours), name).toBeLessThan(tolerance(name));
    });
  }, 180_000);
});

describe('the PyTorch export of per-layer activations', () => {
  it(`trains a mixed-activation network like src/lib for ${STEPS} steps within 1e-6, and leaky ReLU and ELU keep their own default alpha`, () => {
    const base = vanishingConfig({ ...defaults, depth: 4, width: 8, activation: 'tanh', init: 'xavier' });
    const configs: [string, SessionConfig][] = [
      ['tanh, relu, sigmoid, leakyRelu (sgd)', { ...base, spec: { ...base.spec, activation: ['tanh', 'relu', 'sigmoid', 'leakyRelu'] }, lr: 0.3 }],
      ['elu, leakyRelu, gelu, swish (adam)', { ...base, spec: { ...base.spec, activation: ['elu', 'leakyRelu', 'gelu', 'swish'] }, optimizer: 'adam', lr: 0.01 }],
      ['selu, linear, tanh, elu with alpha 0.5 (momentum)', { ...base, spec: { ...base.spec, activation: ['selu', 'linear', 'tanh', 'elu'], alpha: 0.5 }, optimizer: 'momentum', lr: 0.05 }],
    ];
    const scripts = configs.map(([, config]) => pytorchScript(config, { steps: STEPS }));
    expect(scripts[0]).toContain('ACTIVATION = ["tanh", "relu", "sigmoid", "leakyRelu"]');
    const theirs = runScripts(scripts.map((script) => ({ script, steps: STEPS })));
    configs.forEach(([name, config], i) => {
      const ours = libLosses(config, STEPS);
      expect(theirs[i], name).toHaveLength(STEPS);
      expect(maxRelativeError(theirs[i], ours), name).toBeLessThan(1e-6);
    });
  }, 180_000);
});

describe('the PyTorch export of the lab (src/widgets/lab)', () => {
  it(`trains like src/lib for ${STEPS} steps: the lab's default, mini-batches on the reader's points with its own momentum, within 1e-6; a 20-layer residual layer-norm Adam run within 1e-4`, () => {
    const points = Array.from({ length: 60 }, (_, i) => ({ x: Math.cos(i * 0.7) * (i % 2 ? 1 : 0.4), y: Math.sin(i * 0.7) * (i % 2 ? 1 : 0.4), label: (i % 2) as 0 | 1 }));
    const configs: [string, SessionConfig, number][] = [
      ['lab default', lab.labConfig(lab.LAB_DEFAULTS), STEPS],
      ['lab custom points, batch 16, momentum 0.8', lab.labConfig({ ...lab.LAB_DEFAULTS, dataset: 'custom', batch: 16, optimizer: 'momentum', momentum: 0.8, lr: 0.05 }, points), STEPS],
      ['20-layer residual, layer norm, Adam (lab settings)', lab.labConfig({ ...lab.LAB_DEFAULTS, depth: 20, width: 16, activation: 'relu', init: 'heNormal', residual: true, residualScale: 0.5, norm: 'layer', optimizer: 'adam', beta1: 0.85, lr: 0.003 }), STEPS],
    ];
    const theirs = runScripts(configs.map(([, config, steps]) => ({ script: pytorchScript(config, { steps }), steps })));
    configs.forEach(([name, config, steps], i) => {
      const ours = libLosses(config, steps);
      expect(theirs[i], name).toHaveLength(steps);
      expect(maxRelativeError(theirs[i], ours), name).toBeLessThan(name.startsWith('20-layer') ? 1e-4 : 1e-6);
    });
  }, 180_000);
});
