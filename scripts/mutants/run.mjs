#!/usr/bin/env node
// Mutation run: applies each mutant of mutants.mjs, one at a time, to a scratch copy of this
// checkout (never to the checkout itself), runs the mutant's vitest files there and records
// whether they failed (killed) or passed (survived), then puts the file back.
//   node scripts/mutants/run.mjs            every mutant
//   node scripts/mutants/run.mjs M07 M14    only these
// Exits 1 when a mutant survives or the unmutated files fail. Needs node_modules installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { MUTANTS } from './mutants.mjs';

const repo = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const only = process.argv.slice(2);
const chosen = only.length ? MUTANTS.filter((m) => only.includes(m.id)) : MUTANTS;
if (chosen.length === 0) throw new Error(`no mutant named ${only.join(', ')}`);

// The scratch copy: every file git tracks or would track, as it is in the working tree now.
const scratch = mkdtempSync(join(tmpdir(), 'mutants-'));
const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
for (const f of listed) {
  const src = join(repo, f);
  if (!existsSync(src)) continue;
  mkdirSync(dirname(join(scratch, f)), { recursive: true });
  cpSync(src, join(scratch, f));
}
symlinkSync(join(repo, 'node_modules'), join(scratch, 'node_modules'));
if (existsSync(join(repo, '.astro'))) cpSync(join(repo, '.astro'), join(scratch, '.astro'), { recursive: true });

const vitest = (files, filter) => {
  const args = ['run', ...files, ...(filter ? ['-t', filter] : [])];
  const r = spawnSync(join(scratch, 'node_modules/.bin/vitest'), args, { cwd: scratch, encoding: 'utf8', timeout: 600_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
};

function apply(m) {
  const path = join(scratch, m.file);
  const original = readFileSync(path, 'utf8');
  let text = original;
  for (const [find, replace, count = 1] of m.edits) {
    const n = text.split(find).length - 1;
    if (n !== count) throw new Error(`${m.id}: expected ${count} occurrence(s) of ${JSON.stringify(find)} in ${m.file}, found ${n}`);
    text = text.split(find).join(replace);
  }
  writeFileSync(path, text);
  return () => writeFileSync(path, original);
}

const results = [];
try {
  // The files must pass before any mutant is applied, or "killed" means nothing.
  const files = [...new Set(chosen.flatMap((m) => m.tests))];
  const base = vitest(files);
  if (!base.ok) {
    console.error(base.out.slice(-4000));
    throw new Error('the unmutated test files fail');
  }
  for (const m of chosen) {
    let restore;
    try {
      restore = apply(m);
    } catch (err) {
      // The code moved: the mutant's text is gone. Say so (it counts as not killed) and go on.
      results.push({ id: m.id, what: m.what, result: 'stale', seconds: 0, by: [String(err instanceof Error ? err.message : err)] });
      console.log(`${m.id}\tstale\t${m.what}\n\t\t${results.at(-1).by[0]}`);
      continue;
    }
    const t0 = Date.now();
    let r;
    try {
      r = vitest(m.tests, m.filter);
    } finally {
      restore();
    }
    const failed = (r.out.match(/^\s*FAIL\s.*$/gm) ?? []).slice(0, 2).map((l) => l.trim().slice(0, 140));
    const row = { id: m.id, what: m.what, result: r.ok ? 'survived' : 'killed', seconds: Math.round((Date.now() - t0) / 1000), by: failed };
    results.push(row);
    console.log(`${row.id}\t${row.result}\t${row.seconds}s\t${row.what}${row.by.length ? `\n\t\t${row.by.join('\n\t\t')}` : ''}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const killed = results.filter((r) => r.result === 'killed').length;
console.log(`\nmutation score: ${killed} of ${results.length} killed`);
process.exit(killed === results.length ? 0 : 1);
