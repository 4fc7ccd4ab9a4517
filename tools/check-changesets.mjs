#!/usr/bin/env node
// CI check (.ci/run): every published package (non-private packages/*) that
// changed since the branch left `main` is named by a changeset added since then
// (CONTRIBUTING.md "Changesets"). `changeset status` only fails when there is no
// changeset at all, and does not say which package lacks one; this does.
//
//   node tools/check-changesets.mjs [BASE]     # BASE: main (or origin/main)
//
// Not a change: tests (*.test.ts, test/, deno/), CHANGELOG.md, and in
// package.json the fields a user never sees (version, scripts, devDependencies).
// Without a BASE branch (a shallow clone, or on BASE itself) it says so and passes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const root = git('rev-parse', '--show-toplevel');
const candidates = process.argv[2] ? [process.argv[2]] : ['main', 'origin/main'];
const base = candidates.find((ref) => {
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
});
if (!base) {
  console.log(`check-changesets: no ${candidates.join(' or ')} branch to compare with: skipped`);
  process.exit(0);
}
const since = git('merge-base', 'HEAD', base);
const changed = [
  ...git('diff', '--name-only', since).split('\n'),
  ...git('ls-files', '--others', '--exclude-standard').split('\n'),
].filter(Boolean);

const IGNORED = [/\.test\.ts$/, /(^|\/)(test|deno)\//, /(^|\/)CHANGELOG\.md$/, /(^|\/)jest\.config\.js$/];
const UNSEEN = new Set(['version', 'scripts', 'devDependencies']);

/** Whether package.json changed in a field a user sees. */
function manifestChanged(path) {
  let before = {};
  try {
    before = JSON.parse(git('show', `${since}:${path}`));
  } catch {
    return true; // a new package
  }
  const now = JSON.parse(readFileSync(join(root, path), 'utf8'));
  const seen = (m) => JSON.stringify(Object.entries(m).filter(([k]) => !UNSEEN.has(k)));
  return seen(before) !== seen(now);
}

/** Package names in the front matter of the changesets added or edited since `since`. */
const named = new Set();
for (const file of changed.filter((f) => /^\.changeset\/[^/]+\.md$/.test(f) && !f.endsWith('README.md'))) {
  if (!existsSync(join(root, file))) continue; // consumed by `changeset version`
  const front = readFileSync(join(root, file), 'utf8').split(/^---\s*$/m)[1] ?? '';
  for (const m of front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)) named.add(m[1]);
}

const problems = [];
for (const dir of readdirSync(join(root, 'packages'))) {
  const manifestPath = `packages/${dir}/package.json`;
  if (!existsSync(join(root, manifestPath))) continue;
  const manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8'));
  if (manifest.private) continue;
  const files = changed.filter((f) => f.startsWith(`packages/${dir}/`) && !IGNORED.some((re) => re.test(f)))
    .filter((f) => f !== manifestPath || manifestChanged(f));
  if (files.length && !named.has(manifest.name)) {
    const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, and ${files.length - 3} more` : '');
    problems.push(`${manifest.name} changed since ${base} (${shown}) but no changeset names it`);
  }
}
if (problems.length) {
  for (const p of problems) console.error(`check-changesets: ${p}`);
  console.error(
    `check-changesets: add .changeset/<short-name>.md naming each package above ("@gage/<name>": patch), then one sentence (CONTRIBUTING.md "Changesets")`,
  );
  process.exit(1);
}
console.log(`check-changesets: every package changed since ${base} has a changeset`);
