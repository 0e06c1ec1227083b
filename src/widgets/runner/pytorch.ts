/**
 * "Export as PyTorch script": one experiment of the site (a runner SessionConfig) written out
 * as a self-contained Python file that rebuilds the same network with the same initial weights
 * and the same data, and trains it with the same optimiser, on CPU or CUDA.
 *
 * The weights and the data are embedded rather than regenerated: porting the seeded RNG, the
 * initialisers and the data sets to Python would agree only as long as both ports stay in step,
 * while the float64 bytes themselves make step 0 identical by construction. Training runs in
 * float64 so that the two implementations differ only in summation order.
 *
 * Pure: no DOM, so the build, the browser and the tests all produce the same text.
 */
import { createNetwork, type Network } from '../../lib/index.ts';
import { sessionData, type SessionConfig } from './session.ts';

/** Coefficients the runner leaves at src/lib's defaults; the lab may set them. */
export interface OptimizerCoefficients {
  momentum?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export interface TorchExportOptions {
  /** Default number of steps of the script (its --steps flag overrides it). */
  steps: number;
  coefficients?: OptimizerCoefficients;
  /** A line for the docstring, e.g. the figure's title in the reader's language. */
  title?: string;
  /** Where the experiment came from (a share link), quoted in the docstring. */
  source?: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the bytes of a Float64Array (little-endian, as every engine lays them out). */
export function float64ToBase64(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63]);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + '==');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out.push(B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '=');
  }
  return out.join('');
}

/** A Python literal for a finite number, exact: JS prints the shortest round-trip decimal. */
function py(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`pytorch export: ${x} cannot be written as a Python float`);
  const s = String(x);
  return /[.eEn]/.test(s) ? s : `${s}.0`;
}

const pyString = (s: string) => JSON.stringify(s);

// One Python expression per src/lib activation, with the same formula (GELU is the tanh form).
const ACTIVATION_PY: Record<string, string> = {
  sigmoid: 'torch.sigmoid(z)',
  tanh: 'torch.tanh(z)',
  relu: 'torch.relu(z)',
  leakyRelu: 'F.leaky_relu(z, LEAKY_ALPHA)',
  elu: 'F.elu(z, ELU_ALPHA)',
  gelu: "F.gelu(z, approximate='tanh')",
  swish: 'z * torch.sigmoid(z)',
  linear: 'z',
  selu: 'F.selu(z)',
};

function activationPy(name: string): string {
  const expr = ACTIVATION_PY[name];
  if (expr === undefined) throw new Error(`pytorch export: activation '${name}' has no PyTorch counterpart here`);
  return expr;
}

interface SpecExtras {
  alpha?: number;
  residual?: boolean;
  residualScale?: number;
  norm?: 'none' | 'batch' | 'layer';
}

/** The whole script for config. Throws, naming the field, for a setting PyTorch cannot mirror. */
export function pytorchScript(config: SessionConfig, options: TorchExportOptions): string {
  const spec = config.spec as SessionConfig['spec'] & SpecExtras;
  const net: Network = createNetwork(config.spec);
  const { train, test } = sessionData(config.data);
  const optimizer = config.optimizer ?? 'sgd';
  // The config's own coefficients win (the runner trains with them); options fill the rest.
  const given = options.coefficients ?? {};
  const c: OptimizerCoefficients = {
    momentum: config.momentum ?? given.momentum,
    beta1: config.beta1 ?? given.beta1,
    beta2: config.beta2 ?? given.beta2,
    eps: config.eps ?? given.eps,
  };
  const batch = config.batchSize !== undefined && config.batchSize >= 1 && config.batchSize < train.n ? Math.floor(config.batchSize) : 0;
  const dataLabel = config.data.points && config.data.points.length >= 2
    ? `custom points, n=${config.data.points.length}, seed=${config.data.seed}`
    : `${config.data.name}, n=${config.data.n}, noise=${config.data.noise}, seed=${config.data.seed}`;
  if (config.loss === 'bce' && spec.output !== 'sigmoid') {
    throw new Error("pytorch export: loss 'bce' needs output 'sigmoid' (as in src/lib)");
  }
  const steps = Math.max(0, Math.floor(options.steps));
  // src/lib's defaults are per activation (0.01 leaky slope, 1 ELU scale); a spec's alpha sets both.
  const leakyAlpha = spec.alpha ?? 0.01;
  const eluAlpha = spec.alpha ?? 1;
  const hidden = spec.activation;
  const hiddenNames = typeof hidden === 'string' ? [hidden] : [...new Set(hidden)];
  const actTable = hiddenNames.map((name) => `    ${pyString(name)}: lambda z: ${activationPy(name)},`);
  const norm = spec.norm ?? 'none';

  const layers = net.layers.map((l) => `    (${l.outputs}, ${l.inputs}, ${pyString(float64ToBase64(l.weights))}, ${pyString(float64ToBase64(l.biases))}),`);
  const optimizerPy =
    optimizer === 'sgd'
      ? 'torch.optim.SGD(params, lr=LR)'
      : optimizer === 'momentum'
        ? `torch.optim.SGD(params, lr=LR, momentum=${py(c.momentum ?? 0.9)})`
        : `torch.optim.Adam(params, lr=LR, betas=(${py(c.beta1 ?? 0.9)}, ${py(c.beta2 ?? 0.999)}), eps=${py(c.eps ?? 1e-8)})`;
  const normPy =
    norm === 'batch'
      ? 'torch.nn.BatchNorm1d(n, eps=1e-5, momentum=0.1, dtype=DTYPE)'
      : norm === 'layer'
        ? 'torch.nn.LayerNorm(n, eps=1e-5, dtype=DTYPE)'
        : 'torch.nn.Identity()';
  const lossPy =
    config.loss === 'bce'
      ? 'F.binary_cross_entropy_with_logits(logits, y)'
      : `F.mse_loss(${outputPy(spec.output)}, y)`;
  const doc = [
    options.title ? options.title : 'An experiment from Vanishing Gradients / Gradientes que se desvanecen.',
    '',
    'Rebuilds the network of the site with the same initial weights and the same data, and trains it',
    'with the same optimiser in float64, so its losses match the ones the page showed.',
    options.source ? `Source: ${options.source}` : '',
    '',
    'Usage: python3 lab_experiment.py [--steps N] [--device cpu|cuda] [--json]',
    '  --json prints {"losses": [...]} (the loss before each update) as its last line.',
  ].filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''));

  return `#!/usr/bin/env python3
"""${doc.join('\n').replace(/"""/g, "'''")}
"""
import argparse
import base64
import json
import math
import sys
from array import array

import torch
import torch.nn.functional as F

# ---- The experiment, as the site set it up ------------------------------------------
SIZES = [${net.layers.map((l) => l.inputs).concat(net.layers[net.layers.length - 1].outputs).join(', ')}]
# One name for every hidden layer, or a list with one name per hidden layer.
ACTIVATION = ${typeof hidden === 'string' ? pyString(hidden) : `[${hidden.map(pyString).join(', ')}]`}
LEAKY_ALPHA = ${py(leakyAlpha)}
ELU_ALPHA = ${py(eluAlpha)}
OUTPUT = ${pyString(spec.output)}
RESIDUAL = ${spec.residual ? 'True' : 'False'}
RESIDUAL_SCALE = ${py(spec.residualScale ?? 1)}
NORM = ${pyString(norm)}
LOSS = ${pyString(config.loss)}
OPTIMIZER = ${pyString(optimizer)}
LR = ${py(config.lr)}
CLIP_NORM = ${config.clipNorm === undefined ? 'None' : py(config.clipNorm)}
# Examples per step (0: the whole training set). Step k uses rows (k-1)*BATCH ... k*BATCH-1,
# wrapping around the training set, as the site does.
BATCH = ${batch}
DEFAULT_STEPS = ${steps}
DATA = ${pyString(dataLabel)}
SEED = ${spec.seed}

DTYPE = torch.float64


def f64(b64, *shape):
    """float64 values stored as little-endian bytes in base64: exact, and compact."""
    values = array('d')
    values.frombytes(base64.b64decode(b64))
    if sys.byteorder == 'big':
        values.byteswap()
    return torch.frombuffer(values, dtype=DTYPE).clone().reshape(*shape)


# (outputs, inputs, weights row-major outputs x inputs, biases), as nn.Linear stores them.
INITIAL_LAYERS = [
${layers.join('\n')}
]
TRAIN_X = (${train.n}, ${pyString(float64ToBase64(train.x))})
TRAIN_Y = (${train.n}, ${pyString(float64ToBase64(train.y))})
TEST_X = (${test.n}, ${pyString(float64ToBase64(test.x))})
TEST_Y = (${test.n}, ${pyString(float64ToBase64(test.y))})


ACTIVATIONS = {
${actTable.join('\n')}
}


def act(l, z):
    """The activation of hidden layer l."""
    return ACTIVATIONS[ACTIVATION if isinstance(ACTIVATION, str) else ACTIVATION[l]](z)


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linears = torch.nn.ModuleList()
        for n_out, n_in, w, b in INITIAL_LAYERS:
            lin = torch.nn.Linear(n_in, n_out, dtype=DTYPE)
            with torch.no_grad():
                lin.weight.copy_(f64(w, n_out, n_in))
                lin.bias.copy_(f64(b, n_out))
            self.linears.append(lin)
        # Normalisation of each hidden layer's pre-activation, before the activation.
        self.norms = torch.nn.ModuleList(${normPy} for (n, _, _, _) in INITIAL_LAYERS[:-1])

    def forward(self, x):
        h = x
        for l, lin in enumerate(self.linears[:-1]):
            a = act(l, self.norms[l](lin(h)))
            # Identity skip on every hidden layer after the first whose width does not change.
            h = h + RESIDUAL_SCALE * a if RESIDUAL and l >= 1 and lin.in_features == lin.out_features else a
        return self.linears[-1](h)


def loss_of(logits, y):
    return ${lossPy}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--steps', type=int, default=DEFAULT_STEPS)
    parser.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    parser.add_argument('--json', action='store_true', help='print {"losses": [...]} as the last line')
    args = parser.parse_args()
    device = torch.device(args.device)

    x = f64(TRAIN_X[1], TRAIN_X[0], SIZES[0]).to(device)
    y = f64(TRAIN_Y[1], TRAIN_Y[0], SIZES[-1]).to(device)
    model = Net().to(device)
    model.train()
    params = list(model.parameters())
    opt = ${optimizerPy}

    losses = []
    for step in range(1, args.steps + 1):
        opt.zero_grad()
        if BATCH:
            rows = torch.tensor([((step - 1) * BATCH + i) % x.shape[0] for i in range(BATCH)], device=device)
            loss = loss_of(model(x[rows]), y[rows])
        else:
            loss = loss_of(model(x), y)
        loss.backward()
        # Clipping by global norm, exactly as src/lib does it: one factor for the whole gradient.
        total = math.sqrt(sum(float((p.grad ** 2).sum()) for p in params))
        value = float(loss)
        if not (math.isfinite(value) and math.isfinite(total)):
            print(f'step {step}: the run diverged (loss {value}); the site stops here too', file=sys.stderr)
            break
        if CLIP_NORM is not None and total > CLIP_NORM:
            for p in params:
                p.grad.mul_(CLIP_NORM / total)
        opt.step()
        losses.append(value)
        if not args.json and (step % 100 == 0 or step == args.steps):
            print(f'step {step:6d}  loss {value:.6f}')

    if not args.json and TEST_X[0] > 0:
        model.eval()
        with torch.no_grad():
            xt = f64(TEST_X[1], TEST_X[0], SIZES[0]).to(device)
            yt = f64(TEST_Y[1], TEST_Y[0], SIZES[-1]).to(device)
            out = model(xt)
            pred = (out > 0).to(DTYPE) if LOSS == 'bce' else (${outputPy(spec.output, 'out')} > 0.5).to(DTYPE)
            print(f'test accuracy {float((pred == yt).to(DTYPE).mean()):.3f}')
    if args.json:
        print(json.dumps({'losses': losses}))


if __name__ == '__main__':
    main()
`;
}

/** The output activation applied to the logits, for mse. */
function outputPy(name: string, variable = 'logits'): string {
  return activationPy(name).replace(/\bz\b/g, variable);
}
