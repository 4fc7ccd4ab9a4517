// Tests of check-changesets.mjs on a made-up repository (node --test tools/).
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';

const root = mkdtempSync(join(tmpdir(), 'gage-check-changesets-'));
after(() => rmSync(root, { recursive: true, force: true }));
const tool = join(import.meta.dirname, 'check-changesets.mjs');

function write(path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
const git = (...args) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: 'ignore' });
const check = () => spawnSync('node', [tool], { cwd: root, encoding: 'utf8' });

git('init', '-q', '-b', 'main');
write('packages/a/package.json', JSON.stringify({ name: '@x/a', version: '1.0.0', scripts: {} }));
write('packages/a/src/a.ts', 'export const a = 1;\n');
write('packages/b/package.json', JSON.stringify({ name: '@x/b', version: '1.0.0' }));
write('packages/b/src/b.ts', 'export const b = 1;\n');
write('packages/p/package.json', JSON.stringify({ name: '@x/p', private: true }));
git('add', '-A');
git('commit', '-qm', 'base');
git('checkout', '-qb', 'topic');

test('on main itself, nothing changed: passes', () => {
  assert.equal(check().status, 0);
});

test('tests, the version, scripts and a private package are not changes', () => {
  write('packages/a/src/a.test.ts', 'test\n');
  write('packages/a/package.json', JSON.stringify({ name: '@x/a', version: '1.0.1', scripts: { lint: 'x' } }));
  write('packages/p/src/p.ts', 'export const p = 1;\n');
  const r = check();
  assert.equal(r.status, 0, r.stderr);
});

test('a changed package without a changeset: fails and names it, and only it', () => {
  write('packages/b/src/b.ts', 'export const b = 2;\n');
  const r = check();
  assert.equal(r.status, 1);
  assert.match(r.stderr, /check-changesets: @x\/b changed since main \(packages\/b\/src\/b\.ts\) but no changeset names it/);
  assert.doesNotMatch(r.stderr, /@x\/a/);
});

test('a changeset that names the package: passes', () => {
  write('.changeset/fix-b.md', '---\n"@x/b": patch\n---\n\nFix b.\n');
  const r = check();
  assert.equal(r.status, 0, r.stderr);
});
