#!/usr/bin/env node
// The issue's proof that the suite does not flake: `npm test` several times in a row while
// another CPU-heavy process competes for the cores, with each run's wall time, CPU time and
// exit code in one table. The load is started first and killed at the end (also on Ctrl-C),
// by process group, so nothing is left spinning.
//
//   node scripts/loaded-test.mjs                    # npm test, 3 runs, 1 busy core
//   node scripts/loaded-test.mjs --runs 1 --cmd "npm run test:unit"
//   CI=1 node scripts/loaded-test.mjs --load 2      # CI's retry backstop, two busy cores
//   node scripts/loaded-test.mjs --load-cmd "npm run bench"   # a real workload, in a loop
//
// Each run's output goes to <out>/run-<n>.log (default test-results/loaded/); the table is
// printed at the end and written to <out>/summary.md. Exit code: 0 only if every run passed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

function parseArgs(argv) {
  const o = { runs: 3, load: 1, cmd: 'npm test', loadCmd: null, out: 'test-results/loaded' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--load') o.load = Number(next());
    else if (a === '--cmd') o.cmd = next();
    else if (a === '--load-cmd') o.loadCmd = next();
    else if (a === '--out') o.out = next();
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(o.load) || o.load < 0) throw new Error('--load must be 0 or more');
  return o;
}

const opts = parseArgs(process.argv.slice(2));
mkdirSync(opts.out, { recursive: true });

// GNU time gives the run's CPU time (user + sys of the whole process tree); without it the
// table shows wall time only.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0 ? '/usr/bin/time' : null;

/** The competing load: busy loops (one core each) or a command restarted whenever it ends. */
const loads = [];
function startLoad() {
  for (let k = 0; k < opts.load; k++) {
    const script = opts.loadCmd
      ? `while true; do ${opts.loadCmd} >/dev/null 2>&1; done`
      : `exec ${JSON.stringify(process.execPath)} -e "for (;;) {}"`;
    // detached: its own process group, so the whole loop (and its children) can be killed.
    const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
    loads.push(child);
  }
}
function stopLoad() {
  for (const child of loads.splice(0)) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
/** The run in progress, stopped with the load on Ctrl-C. */
let current = null;
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  stopLoad();
  if (current && current.exitCode === null) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  process.exit(130);
});
process.on('exit', stopLoad);

function runOnce(n) {
  return new Promise((resolve) => {
    const log = join(opts.out, `run-${n}.log`);
    const cpuFile = join(opts.out, `run-${n}.cpu`);
    const stream = createWriteStream(log);
    const argv = gnuTime ? [gnuTime, '-o', cpuFile, '-f', '%U %S', 'sh', '-c', opts.cmd] : ['sh', '-c', opts.cmd];
    const t0 = process.hrtime.bigint();
    // Its own process group too, so that Ctrl-C here stops the run's whole tree (preview server, browsers).
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, detached: true });
    current = child;
    child.stdout.pipe(stream, { end: false });
    child.stderr.pipe(stream, { end: false });
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      // Read the log only once it is flushed.
      stream.end(() => finish(code, signal, wall));
    });
    const finish = (code, signal, wall) => {
      let cpu = null;
      if (gnuTime && existsSync(cpuFile)) {
        const [u, s] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
        if (Number.isFinite(u) && Number.isFinite(s)) cpu = u + s;
      }
      const text = readFileSync(log, 'utf8');
      const flaky = [...text.matchAll(/^FLAKY: .*$/gm)].map((m) => m[0]);
      resolve({ n, code: code ?? 128, signal, wall, cpu, log, flaky });
    };
  });
}

const fmt = (s) => (s === null ? '–' : `${Math.floor(Math.round(s) / 60)}:${String(Math.round(s) % 60).padStart(2, '0')}`);

startLoad();
console.log(`${opts.runs} × \`${opts.cmd}\` under ${opts.load} load process(es)${opts.loadCmd ? ` (\`${opts.loadCmd}\` in a loop)` : ' (busy loops)'}; logs in ${opts.out}/`);
const results = [];
for (let n = 1; n <= opts.runs; n++) {
  const r = await runOnce(n);
  results.push(r);
  console.log(`run ${n}: exit ${r.code}${r.signal ? ` (${r.signal})` : ''}, wall ${fmt(r.wall)}, cpu ${fmt(r.cpu)}${r.flaky.length ? `, ${r.flaky.length} flaky` : ''}  (${r.log})`);
  for (const f of r.flaky) console.log(`  ${f}`);
}
stopLoad();

const lines = [
  `${opts.runs} × \`${opts.cmd}\`, ${opts.load} competing load process(es), ${new Date().toISOString()}`,
  '',
  '| run | exit | wall (m:ss) | CPU user+sys (m:ss) | flaky tests |',
  '|---|---|---|---|---|',
  ...results.map((r) => `| ${r.n} | ${r.code} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${r.flaky.length ? r.flaky.map((f) => f.replace(/^FLAKY: /, '')).join('; ') : 'none'} |`),
];
writeFileSync(join(opts.out, 'summary.md'), lines.join('\n') + '\n');
console.log('\n' + lines.join('\n'));
const ok = results.every((r) => r.code === 0);
console.log(ok ? `\nall ${opts.runs} runs green` : `\n${results.filter((r) => r.code !== 0).length} of ${opts.runs} runs failed`);
process.exit(ok ? 0 : 1);
