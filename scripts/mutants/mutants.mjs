// The code review's 31 mutants (shared/reviews/code.md §B2), rewritten against today's code:
// each is one realistic bug, given as exact text replacements (each `find` must occur exactly
// `count` times, 1 unless said), and the smallest vitest files expected to catch it.
const LIB = 'tests/unit/lib/';
const KIT = 'tests/unit/kit/';
const W = 'tests/unit/widgets/';

export const MUTANTS = [
  { id: 'M01', what: "sigmoid f' x 1/2 in the activation record", file: 'src/lib/activations.ts', edits: [['return s * (1 - s); }, 0.25)', 'return 0.5 * s * (1 - s); }, 0.25)']], tests: [LIB + 'activations.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M02', what: "sigmoid f' x 1/2 in the backprop fast path", file: 'src/lib/backprop.ts', edits: [['d[i] = g[i] * v * (1 - v); }', 'd[i] = 0.5 * g[i] * v * (1 - v); }']], tests: [LIB + 'gradients.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M03', what: "ReLU f'(0) = 1 in the record", file: 'src/lib/activations.ts', edits: [['(z) => (z > 0 ? 1 : 0), 1, true)', '(z) => (z >= 0 ? 1 : 0), 1, true)']], tests: [LIB + 'activations.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M04', what: "ReLU f'(0) = 1 in the fast path", file: 'src/lib/backprop.ts', edits: [['d[i] = g[i] * +(z[i] > 0);', 'd[i] = g[i] * +(z[i] >= 0);']], tests: [LIB + 'gradients.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M05', what: 'He normal gain 2 -> 1', file: 'src/lib/init.ts', edits: [["heNormal: ['normal', 2, false]", "heNormal: ['normal', 1, false]"]], tests: [LIB + 'init.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M06', what: 'Xavier uniform with fan-in only', file: 'src/lib/init.ts', edits: [["xavierUniform: ['uniform', 6, true]", "xavierUniform: ['uniform', 6, false]"]], tests: [LIB + 'init.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M07', what: 'Xavier fan = n_in + n_in', file: 'src/lib/init.ts', edits: [['both ? nIn + nOut : nIn', 'both ? nIn + nIn : nIn']], tests: [LIB + 'init.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M08', what: 'momentum term sign (m <- -mu m + g)', file: 'src/lib/optim.ts', edits: [['const mi = mu * m[i] + c * gi;', 'const mi = -mu * m[i] + c * gi;']], tests: [LIB + 'train.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M09', what: 'update sign (w <- w + lr u)', file: 'src/lib/optim.ts', edits: [['const w = p[i] - k * g[i];', 'const w = p[i] + k * g[i];'], ['const w = p[i] - lr * u;', 'const w = p[i] + lr * u;']], tests: [LIB + 'train.test.ts'] },
  { id: 'M10', what: "Adam's bias correction removed", file: 'src/lib/optim.ts', edits: [['const bc1 = adaptive ? 1 - Math.pow(mu, t) : 1;', 'const bc1 = 1;'], ['const bc2 = adaptive ? 1 - Math.pow(beta2, t) : 1;', 'const bc2 = 1;']], tests: [LIB + 'train.test.ts'] },
  { id: 'M11', what: 'clipping threshold ignored', file: 'src/lib/optim.ts', edits: [['const scale = clip !== undefined && gradNorm > clip ? clip / gradNorm : 1;', 'const scale = 1;']], tests: [LIB + 'train.test.ts'] },
  { id: 'M12', what: 'bce gradient x 2', file: 'src/lib/loss.ts', edits: [['g[i] = (yhat[i] - y[i]) * inv;', 'g[i] = 2 * (yhat[i] - y[i]) * inv;']], tests: [LIB + 'gradients.test.ts'] },
  { id: 'M13', what: "bce: sigmoid' applied twice", file: 'src/lib/backprop.ts', edits: [["if (loss === 'mse') multiplyDerivative(acts[L - 1]", "if (loss === 'mse' || true) multiplyDerivative(acts[L - 1]"]], tests: [LIB + 'gradients.test.ts'] },
  { id: 'M14', what: 'divergence rollback forgets the biases', file: 'src/lib/optim.ts', edits: [['for (let i = 0; i < n; i++) params[i].set(baks[i]);', 'for (let i = 0; i < n; i += 2) params[i].set(baks[i]);']], tests: [LIB + 'train.test.ts'] },
  { id: 'M15', what: "divergence rollback forgets Adam's v", file: 'src/lib/optim.ts', edits: [['      if (adaptive) state.v[i].set(vBak[i]);\n', '']], tests: [LIB + 'train.test.ts'] },
  { id: 'M16', what: 'clampNumber does not clamp the max', file: 'src/widgets/kit/params.ts', edits: [["  if (x > p.max) return { value: p.max, adjusted: 'above' };\n", ''], ['Math.min(p.max, Math.max(p.min, snapped))', 'Math.max(p.min, snapped)']], tests: [KIT + 'params.test.ts'] },
  { id: 'M17', what: 'clampNumber lets NaN through', file: 'src/widgets/kit/params.ts', edits: [["  if (Number.isNaN(x)) return { value: p.default, adjusted: 'invalid' };\n", '']], tests: [KIT + 'params.test.ts'] },
  { id: 'M18', what: 'Spanish formatted with a decimal point', file: 'src/widgets/kit/format.ts', edits: [["(lang === 'es' ? 'es-ES' : 'en-GB')", "(lang === 'es' ? 'en-GB' : 'en-GB')"]], tests: [KIT + 'format.test.ts'] },
  { id: 'M19', what: 'a key missing from en.json', file: 'src/i18n/en.json', edits: [['  "widget.vanishingLab.outputLayer": "The last layer is the output layer.",\n', '']], tests: ['tests/unit/parity.test.ts'] },
  { id: 'M20', what: 'placeholder renamed in en.json only ({acc} -> {accuracy})', file: 'src/i18n/en.json', edits: [['test accuracy: {acc}.', 'test accuracy: {accuracy}.']], tests: ['tests/unit/parity.test.ts'] },
  { id: 'M21', what: 'xor labels flipped', file: 'src/lib/datasets.ts', edits: [['(label === 1 ? sx : -sx) * v', '(label === 1 ? -sx : sx) * v']], tests: [LIB + 'datasets.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M22', what: 'circle labels flipped', file: 'src/lib/datasets.ts', edits: [['const r = label === 1 ? 0.5', 'const r = label === 0 ? 0.5']], tests: [LIB + 'datasets.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M23', what: 'histogram top bin k >= bins -> k > bins', file: 'src/lib/stats.ts', edits: [['k >= bins ? bins - 1 : k', 'k > bins ? bins - 1 : k']], tests: [LIB + 'theory.test.ts', LIB + 'strength.test.ts'] },
  { id: 'M24', what: "saturation threshold 10 % -> 1 % of max f'", file: 'src/lib/stats.ts', edits: [['const threshold = 0.1 * act.maxDerivative;', 'const threshold = 0.01 * act.maxDerivative;']], tests: [LIB + 'strength.test.ts'] },
  { id: 'M25', what: 'vanishing-lab default seed 1 -> 2', file: 'src/widgets/vanishing-lab/model.ts', edits: [["seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },", "seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 2 },"]], tests: [W + 'vanishing-lab.test.ts'], filter: 'default' },
  { id: 'M26', what: 'he-reproduction default seed 1 -> 2', file: 'src/widgets/he-reproduction/model.ts', edits: [["seed: { kind: 'number', min: 1, max: 999, step: 1, default: 1 },", "seed: { kind: 'number', min: 1, max: 999, step: 1, default: 2 },"]], tests: [W + 'he-reproduction.test.ts'], filter: 'opens on seed 1' },
  { id: 'M27', what: 'session test accuracy computed on the train set', file: 'src/widgets/runner/session.ts', edits: [['testAccuracy: accuracy(net, test.x, test.y, test.n),', 'testAccuracy: accuracy(net, train.x, train.y, train.n),']], tests: [KIT + 'session.test.ts'] },
  { id: 'M28', what: 'firstToLast inverted', file: 'src/widgets/series/layers.ts', edits: [['return a / b;', 'return b / a;']], tests: [W + 'relu-vs-sigmoid.test.ts'] },
  { id: 'M29', what: 'divergence rollback removed entirely', file: 'src/lib/optim.ts', edits: [['  for (let i = 0; i < n; i++) params[i].set(baks[i]);\n  if (state !== null) {\n    for (let i = 0; i < n; i++) {\n      state.m[i].set(mBak[i]);\n      if (adaptive) state.v[i].set(vBak[i]);\n    }\n  }\n  return false;', '  return false;']], tests: [LIB + 'train.test.ts'] },
  { id: 'M30', what: "tr() renders a missing key as '' instead of ⟦key⟧", file: 'src/widgets/kit/strings.ts', edits: [['return `⟦${key}⟧`;', "return '';"]], tests: [KIT + 'strings.test.ts'] },
  { id: 'M31', what: "writeState drops other figures' keys", file: 'src/widgets/kit/params.ts', edits: [['for (const key of [...params.keys()]) if (key.startsWith(`${figureId}.`)) params.delete(key);', 'for (const key of [...params.keys()]) params.delete(key);']], tests: [KIT + 'params.test.ts'] },
];
