#!/usr/bin/env node
// The prepublishOnly guard of every published package (run in the package dir
// by `pnpm publish`, which `changeset publish` calls): refuses to publish from a
// work tree with uncommitted changes, or a package whose build is missing or
// has not succeeded on the current sources (turbo has no cached build for them). `pnpm release` builds,
// type-checks and lints first; this guard also stops a bare `pnpm publish`.
// GAGE_RELEASE_ALLOW_DIRTY=1 skips the work-tree check only (the registry test
// publishes the checkout under test, committed or not).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

if (process.env.GAGE_RELEASE_ALLOW_DIRTY !== '1') {
  let status;
  try {
    status = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    problems.push(`cannot read the git status (${String(err.stderr ?? err.message).trim()}): publish from a clone of the repository`);
  }
  const dirty = (status ?? '').split('\n').filter(Boolean);
  if (dirty.length) {
    problems.push(`the work tree has ${dirty.length} uncommitted change(s) (first: '${dirty[0].slice(3)}'): commit or stash them, then run 'pnpm release'`);
  }
}

/** Files the manifest points at: bin, main, types and every export target. */
function entryFiles(manifest) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(manifest.bin);
  walk(manifest.main);
  walk(manifest.types);
  walk(manifest.exports);
  return out.filter((f) => f !== './package.json');
}

for (const file of entryFiles(pkg)) {
  if (!existsSync(file)) problems.push(`${file} (named in package.json) is missing: run 'pnpm build'`);
}

// A failed build is not cached: turbo's dry run says whether the build of these
// exact sources (and those of the packages it depends on) succeeded.
try {
  const turbo = join(import.meta.dirname, '..', 'node_modules', '.bin', 'turbo');
  const dry = execFileSync(turbo, ['run', 'build', `--filter=${pkg.name}`, '--dry=json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  for (const task of JSON.parse(dry).tasks) {
    if (task.command !== '<NONEXISTENT>' && task.cache?.status !== 'HIT')
      problems.push(`${task.taskId} has not succeeded on the current sources: run 'pnpm release' (it builds) or 'pnpm build'`);
  }
} catch (err) {
  problems.push(`cannot ask turbo about the build (${String(err.stderr ?? err.message).trim().split('\n')[0]})`);
}

if (problems.length) {
  for (const p of problems) console.error(`prepublish: refusing to publish ${pkg.name}@${pkg.version}: ${p}`);
  process.exit(1);
}
