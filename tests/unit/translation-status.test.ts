// Lunaria on a throwaway git repository: a change to one language's chapter must show the
// other language as outdated, in either direction, and "fix typo" commits must not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/translation-status.mjs', import.meta.url));
let repo = '';
let clock = Date.parse('2026-01-01T10:00:00Z');

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
/** Commits everything with its own timestamp: Lunaria compares commit dates, so each commit is a minute apart. */
function commit(message: string) {
  clock += 60_000;
  const date = new Date(clock).toISOString();
  git(repo, 'add', '-A');
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}
function write(path: string, text: string) {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}
type Row = { source: string; missing: boolean; outdated: boolean; sourceCommit: string; translatedCommit: string | null; history: string | null };
function status(cwd = repo): { unavailable: string | null; es: Row[]; en: Row[] } {
  const out = join(cwd, 'out');
  execFileSync(process.execPath, [script, '--out', out], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(readFileSync(join(out, 'translation-status', 'status.json'), 'utf8'));
}
const row = (rows: Row[], source: string) => rows.find((r) => r.source === source);

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'vg-lunaria-'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 't@example.org');
  git(repo, 'config', 'user.name', 'Test');
  const chapter = (t: string) => `---\ntitle: ${t}\n---\n\n## One\n\nText.\n`;
  write('src/content/chapters/es/sigmoid.mdx', chapter('La sigmoide'));
  write('src/content/chapters/en/sigmoid.mdx', chapter('The sigmoid'));
  write('src/content/chapters/es/relu.mdx', chapter('ReLU'));
  write('src/content/chapters/en/relu.mdx', chapter('ReLU'));
  write('src/i18n/es.json', '{ "a": "uno" }\n');
  write('src/i18n/en.json', '{ "a": "one" }\n');
  commit('Both languages');
}, 30_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('translation status (Lunaria, both directions)', () => {
  it('starts with everything up to date', () => {
    const s = status();
    expect(s.unavailable).toBeNull();
    expect([...s.es, ...s.en].filter((r) => r.outdated || r.missing)).toEqual([]);
  }, 30_000);

  it('an English change makes only the Spanish twin outdated, with the commits to look at', () => {
    const before = git(repo, 'rev-parse', 'HEAD');
    write('src/content/chapters/en/sigmoid.mdx', '---\ntitle: The sigmoid\n---\n\n## One\n\nNew text.\n');
    commit('Rewrite the English sigmoid opening');
    const s = status();
    const es = row(s.es, 'src/content/chapters/en/sigmoid.mdx')!;
    expect(es.outdated).toBe(true);
    expect(es.translatedCommit).toBe(before);
    expect(es.sourceCommit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(es.history).toMatch(/commits\/main\/src\/content\/chapters\/en\/sigmoid\.mdx\?since=/);
    expect(row(s.en, 'src/content/chapters/es/sigmoid.mdx')!.outdated).toBe(false);
    expect(row(s.es, 'src/content/chapters/en/relu.mdx')!.outdated).toBe(false);
    // What changed, without reading git: the commits and the diff of the English text since.
    const diff = execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/translation-diff.mjs', import.meta.url)), 'es', 'sigmoid'], { cwd: repo, encoding: 'utf8' });
    expect(diff).toContain('Rewrite the English sigmoid opening');
    expect(diff).toContain('+New text.');
    expect(diff).not.toContain('Both languages');
  }, 30_000);

  it('updating the Spanish twin clears it; a Spanish change then makes English outdated', () => {
    write('src/content/chapters/es/sigmoid.mdx', '---\ntitle: La sigmoide\n---\n\n## Uno\n\nTexto nuevo.\n');
    commit('Traducir el nuevo comienzo');
    write('src/content/chapters/es/relu.mdx', '---\ntitle: ReLU\n---\n\n## Uno\n\nMás texto.\n');
    commit('Ampliar ReLU en español');
    const s = status();
    expect(row(s.es, 'src/content/chapters/en/sigmoid.mdx')!.outdated).toBe(false);
    expect(row(s.en, 'src/content/chapters/es/relu.mdx')!.outdated).toBe(true);
    expect(row(s.es, 'src/content/chapters/en/relu.mdx')!.outdated).toBe(false);
  }, 30_000);

  it('a "fix typo" commit does not make the other language outdated; a missing twin is missing', () => {
    write('src/content/chapters/en/relu.mdx', '---\ntitle: ReLU\n---\n\n## One\n\nText!\n');
    commit('fix typo in relu');
    write('src/content/chapters/en/new.mdx', '---\ntitle: New\nuntranslated: true\n---\n\nOnly English.\n');
    commit('A new English chapter');
    const s = status();
    // English changed only by a typo fix: Spanish stays up to date (and English is still behind Spanish).
    expect(row(s.es, 'src/content/chapters/en/relu.mdx')!.outdated).toBe(false);
    expect(row(s.es, 'src/content/chapters/en/new.mdx')!.missing).toBe(true);
  }, 30_000);

  it('a shallow clone is deepened from its origin, so the status is the same as in the full history', () => {
    const clone = mkdtempSync(join(tmpdir(), 'vg-lunaria-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
      expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
      const s = status(clone);
      expect(s.unavailable).toBeNull();
      expect(row(s.en, 'src/content/chapters/es/relu.mdx')!.outdated).toBe(true);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 60_000);

  it('a shallow clone that cannot be deepened gets placeholder pages, not a failed build', () => {
    const clone = mkdtempSync(join(tmpdir(), 'vg-lunaria-offline-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
      git(clone, 'remote', 'set-url', 'origin', join(clone, 'no-such-remote'));
      const s = status(clone);
      expect(s.unavailable).toMatch(/shallow/);
      expect(readFileSync(join(clone, 'out', 'translation-status', 'es', 'index.html'), 'utf8')).toMatch(/no está disponible/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 60_000);
});
