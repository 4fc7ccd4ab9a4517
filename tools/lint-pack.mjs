#!/usr/bin/env node
// Lint of what a user downloads, for one package (run in the package dir, part of
// its `lint` script): `pnpm pack` (which rewrites `workspace:` ranges, as
// `pnpm publish` does) into a temp dir, then publint --strict and
// @arethetypeswrong/cli (profile esm-only: Node 20.19+ can require() our ESM) on
// that tarball, and no `workspace:` range left in its package.json.
// A package without importable entries (the bin-only CLI) skips attw.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'gage-lint-pack-'));
let failed = false;

function run(label, cmd, args, quietArgs = []) {
  // Quiet first; on a failure, again with the report.
  if (quietArgs.length && spawnSync(cmd, [...args, ...quietArgs], { stdio: 'inherit' }).status === 0) return;
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`lint-pack: ${label} failed on the packed ${pkg.name}`);
    failed = true;
  }
}

try {
  execFileSync('pnpm', ['pack', '--pack-destination', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
  run('publint', bin('publint'), ['run', tarball, '--strict']);
  if (pkg.exports || pkg.main) run('attw', bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], ['--quiet']);
  const packed = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  const manifest = JSON.parse(packed);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        console.error(`lint-pack: the packed ${pkg.name} keeps ${field}.${name} = ${range}: publish with pnpm, which rewrites it`);
        failed = true;
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(`lint-pack: ${pkg.name} ok (publint, ${pkg.exports || pkg.main ? 'attw, ' : ''}no workspace: ranges)`);
