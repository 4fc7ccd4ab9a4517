// gage run records provenance; show displays it (decision 18).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { BIN, gage, gageEnv, GREET } from './_helpers.js';

let project: string;
let home: string;

beforeEach(async () => {
  project = await testdir({ ...GREET, 'requirements.txt': 'numpy==2.1\n' });
  home = await testdir();
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd: project }).toString().trim();
const g = (args: string[]) => gage(['--runs', join(home, 'runs'), ...args], { cwd: project, home });

test('a run in a dirty git work tree: show has a Provenance panel, show --json a provenance object', async () => {
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
  git('remote', 'add', 'origin', 'https://user:s3cret@example.com/team/greet.git');
  await writeFile(join(project, 'hello.cjs'), GREET['hello.cjs'] + '// tweak\n');
  expect((await g(['run', '-y'])).code).toBe(0);
  const commit = git('rev-parse', 'HEAD');
  const show = await g(['show']);
  expect(show.stdout).toContain('Provenance');
  expect(show.stdout).toMatch(new RegExp(`\\| commit +${commit} +\\|`));
  expect(show.stdout).toMatch(/\| branch +main \(uncommitted changes, patch \d+ B\) +\|/);
  expect(show.stdout).toMatch(/\| remote +https:\/\/example\.com\/team\/greet\.git +\|/);
  expect(show.stdout).toMatch(/\| requirements\.txt +sha256 [0-9a-f]{12} +\|/);
  const json = JSON.parse((await g(['show', '--json'])).stdout);
  expect(json.provenance.git).toMatchObject({ commit, branch: 'main', dirty: true, remote: 'https://example.com/team/greet.git' });
  expect(JSON.stringify(json)).not.toContain('s3cret');
  const patch = execFileSync('cat', [join(json.metaDir, 'provenance.patch')]).toString();
  expect(patch).toContain('+// tweak');
});

test('a run outside git still records the machine', async () => {
  expect((await g(['run', '-y'])).code).toBe(0);
  const json = JSON.parse((await g(['show', '--json'])).stdout);
  expect(json.provenance.git).toBeUndefined();
  expect(json.provenance.platform.system).toBe('Linux');
  expect(typeof json.provenance.memory).toBe('number');
});

test('gage run -y that fails before staging (an unknown flag) stops the provenance processes it started', async () => {
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
  // A git that hangs where `git diff HEAD` would run; it writes its pid first. Unstopped, it would live 10 s (the git time limit).
  const bin = await testdir({ git: `#!/bin/sh\necho $$ > "${join(home, 'git.pid')}"\nexec sleep 30\n` });
  execFileSync('chmod', ['+x', join(bin, 'git')]);
  const path = process.env['PATH'];
  process.env['PATH'] = `${bin}:${path}`;
  try {
    const r = await g(['run', '-y', 'nosuch=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nosuch');
  } finally {
    process.env['PATH'] = path;
  }
  const pidFile = join(home, 'git.pid');
  await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'));
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const deadline = Date.now() + 5000; // half the git time limit: a process left to that limit counts as left running
  await waitFor(() => !alive(pid) || Date.now() > deadline);
  expect(alive(pid)).toBe(false);
  await removeTree(bin);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('the built gage run -y starts git diff before it loads its program, and uses that one diff (decision 18)', async () => {
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'init');
  await writeFile(join(project, 'hello.cjs'), GREET['hello.cjs'] + '// early\n');
  const log = join(home, 'events.log');
  // One log for both: every module the bin loads (a module hook) and every git call (a git first on PATH).
  const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
  const bin = await testdir({ git: `#!/bin/sh\necho "git $*" >> "${log}"\nexec "${realGit}" "$@"\n` });
  execFileSync('chmod', ['+x', join(bin, 'git')]);
  await writeFile(join(home, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return next(url, context);
}
`);
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(join(home, 'hooks.mjs')).href)})`;
  const r = spawnSync('node', ['--import', register, BIN, '--runs', join(home, 'runs'), 'run', '-y', '-q'], {
    cwd: project,
    env: { ...gageEnv({ home }), PATH: `${bin}:${process.env['PATH'] ?? ''}` },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const events = readFileSync(log, 'utf8').split('\n');
  const diffs = events.filter((e) => e.startsWith('git diff HEAD'));
  expect(diffs).toHaveLength(1);
  const program = events.findIndex((e) => /\/dist\/main-[A-Z0-9]+\.js$/.test(e));
  expect(program).toBeGreaterThan(0);
  expect(events.indexOf(diffs[0] as string)).toBeLessThan(program);
  const json = JSON.parse((await g(['show', '--json'])).stdout);
  expect(readFileSync(join(json.metaDir, 'provenance.patch'), 'utf8')).toContain('+// early');
  await removeTree(bin);
});
