// Tests of prepublish-check.mjs, the prepublishOnly guard, on a made-up repository (node --test tools/).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = mkdtempSync(join(tmpdir(), 'gage-prepublish-'));
after(() => rmSync(root, { recursive: true, force: true }));
const pkg = join(root, 'packages', 'a');
mkdirSync(join(pkg, 'dist'), { recursive: true });
writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@x/a', version: '1.0.0', exports: { '.': './dist/index.js' }, bin: { a: './dist/a.js' } }));
writeFileSync(join(pkg, 'dist', 'index.js'), '');
const git = (...args) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: 'ignore' });
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'base');
const guard = (env = {}) =>
  spawnSync('node', [join(import.meta.dirname, 'prepublish-check.mjs')], { cwd: pkg, encoding: 'utf8', env: { ...process.env, ...env } });

test('a dirty work tree: refused, naming a changed file', () => {
  writeFileSync(join(pkg, 'notes.txt'), 'x');
  const r = guard();
  assert.equal(r.status, 1);
  assert.match(r.stderr, /prepublish: refusing to publish @x\/a@1\.0\.0: the work tree has 1 uncommitted change\(s\) \(first: 'packages\/a\/notes\.txt'\)/);
  rmSync(join(pkg, 'notes.txt'));
});

test('GAGE_RELEASE_ALLOW_DIRTY=1 skips only the work-tree check: a missing dist file is still refused', () => {
  writeFileSync(join(pkg, 'notes.txt'), 'x');
  const r = guard({ GAGE_RELEASE_ALLOW_DIRTY: '1' });
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stderr, /uncommitted/);
  assert.match(r.stderr, /\.\/dist\/a\.js \(named in package\.json\) is missing: run 'pnpm build'/);
  rmSync(join(pkg, 'notes.txt'));
});
