#!/usr/bin/env node
// `pnpm release [--dry-run]`: version, build and publish every @gage package (the
// non-private packages/*) to the registry of the user's npm config. README "Releasing".
//
//   1. refuse a work tree with uncommitted changes;
//   2. pending changesets: `changeset version` (the fixed group: one version for
//      all, CHANGELOGs), committed as "Version packages";
//   3. build, typecheck, lint (publint and attw on the packed tarballs);
//   4. ask the registry which of the versions it has: all of them is an error
//      (nothing to publish), some of them is a resumed release (only the missing
//      ones are published), an unreachable registry is an error;
//   5. `changeset publish` (pnpm publish: `workspace:` ranges become versions; each
//      package's prepublishOnly guard runs), then check that the registry has all.
//
// --dry-run does 1 and 3, reads the versions step 2 would write from
// `changeset status`, and prints what step 5 would publish. `--publish-only` does
// steps 4 and 5 (resume by hand; the registry test uses it with --registry URL).
// --no-git-tag is passed on to changeset publish.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const known = ['--dry-run', '--publish-only', '--no-git-tag', '--registry'];
for (const a of args) {
  if (a.startsWith('-') && !known.includes(a)) fail(`unknown option ${a} (options: ${known.join(', ')} URL)`);
}
const dryRun = flag('--dry-run');
const publishOnly = flag('--publish-only');

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

/** Runs a command in the root; a failure ends the release unless `mayFail` (then: whether it passed). */
function sh(cmd, cmdArgs, opts = {}, mayFail = false) {
  console.log(`\n$ ${cmd.replace(`${root}/`, '')} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0 && !mayFail) fail(`'${cmd} ${cmdArgs.join(' ')}' failed (exit ${r.status ?? r.signal}): nothing was published`);
  return r.status === 0;
}

/** The non-private packages under packages/, read from their package.json. */
function publishable() {
  return readdirSync(join(root, 'packages'))
    .map((d) => ({ dir: join(root, 'packages', d), manifest: JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8')) }))
    .filter((p) => !p.manifest.private);
}

function npmConfig(key) {
  const v = execFileSync('npm', ['config', 'get', key], { cwd: root, encoding: 'utf8' }).trim();
  return v === 'undefined' || v === '' ? undefined : v;
}

/** Whether the registry has `name@version`: true, false, or throws when it cannot say. */
async function published(registry, name, version) {
  const r = await promisify(execFile)('npm', ['view', `${name}@${version}`, 'version', '--json', `--registry=${registry}`, '--fetch-retries=0'], {
    cwd: root,
    encoding: 'utf8',
  }).catch((err) => err);
  if (!(r instanceof Error)) return r.stdout.trim() !== '';
  const out = `${r.stdout}\n${r.stderr}`;
  if (/E404|is not in this registry|No match found/.test(out)) return false;
  const why = (out.match(/"summary":\s*"([^"]*)"/)?.[1] ?? out.match(/npm error (.*)/)?.[1] ?? out.trim()).slice(0, 300);
  throw new Error(`cannot ask ${registry} about ${name}@${version}: ${why}`);
}

function gitDirty() {
  return execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
}

function pendingChangesets() {
  return readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
}

const registry = option('--registry') ?? npmConfig('@gage:registry') ?? npmConfig('registry');
if (!registry || registry.startsWith('--')) fail('--registry needs a URL');
const changeset = join(root, 'node_modules', '.bin', 'changeset');
let packages = publishable();
const versions = new Map(packages.map((p) => [p.manifest.name, p.manifest.version]));

if (!publishOnly) {
  const dirty = gitDirty();
  if (dirty.length && process.env.GAGE_RELEASE_ALLOW_DIRTY !== '1') {
    fail(`the work tree has ${dirty.length} uncommitted change(s) (first: '${dirty[0].slice(3)}'): commit or stash them first`);
  }
  const pending = pendingChangesets();
  if (pending.length && dryRun) {
    const dir = mkdtempSync(join(tmpdir(), 'gage-release-'));
    try {
      sh(changeset, ['status', `--output=${join(dir, 'status.json')}`]);
      for (const r of JSON.parse(readFileSync(join(dir, 'status.json'), 'utf8')).releases) versions.set(r.name, r.newVersion);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (pending.length) {
    sh(changeset, ['version']);
    packages = publishable();
    for (const p of packages) versions.set(p.manifest.name, p.manifest.version);
    const v = [...new Set(versions.values())].join(', ');
    sh('git', ['add', '-A']);
    sh('git', ['commit', '-m', `Version packages: ${v}`, '-m', `changeset version: ${pending.length} changeset(s).`]);
  } else {
    console.log('release: no pending changesets: publishing the versions in package.json');
  }
  sh('pnpm', ['turbo', 'run', 'build', 'typecheck', 'lint'], { env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
}

const have = [];
const missing = [];
try {
  const found = await Promise.all(packages.map((p) => published(registry, p.manifest.name, versions.get(p.manifest.name))));
  packages.forEach((p, i) => (found[i] ? have : missing).push(p));
} catch (err) {
  fail(`${err.message}\nIs the registry up, and is it the one you mean (npm config get registry, or --registry URL)? Nothing was published.`);
}
const label = (p) => `${p.manifest.name}@${versions.get(p.manifest.name)}`;
if (!missing.length) {
  fail(`${have.map(label).join(', ')} are already on ${registry}: nothing to publish. Add a changeset ('pnpm changeset') and run 'pnpm release' again.`);
}
if (have.length) console.log(`release: resuming: ${have.map(label).join(', ')} already on ${registry}; publishing the other ${missing.length}`);

if (dryRun) {
  console.log(`\nrelease --dry-run: would publish to ${registry}:`);
  const packs = await Promise.all(
    missing.map((p) => promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: p.dir, encoding: 'utf8' })),
  );
  for (const [i, p] of missing.entries()) {
    const [info] = JSON.parse(packs[i].stdout);
    console.log(`  ${label(p).padEnd(24)} ${String(info.entryCount).padStart(4)} files ${(info.size / 1024).toFixed(1).padStart(8)} kB packed`);
  }
  process.exit(0);
}

// changeset publish reads the registry from npm_config_registry (not from .npmrc).
const env = { ...process.env, npm_config_registry: registry, 'npm_config_@gage:registry': registry };
sh(changeset, ['publish', ...(flag('--no-git-tag') ? ['--no-git-tag'] : [])], { env }, true);
const after = await Promise.all(missing.map((p) => published(registry, p.manifest.name, versions.get(p.manifest.name)).catch(() => false)));
const still = missing.filter((_, i) => !after[i]);
if (still.length) {
  fail(
    `${
      still.map(label).join(', ')
    } did not reach ${registry} (see above). The rest is published; fix the cause and run 'pnpm release' again: it publishes only what is missing.`,
  );
}
console.log(`\nrelease: ${packages.map(label).join(', ')} on ${registry}`);
