import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, lockRun, makeRun, readFilesLogSync, readManifestSync, readMetaFileSync, runLockState, runMetaPath, runStatus } from '@gage/meta';
import { readRunOutput } from '@gage/proc';
import { OpCmd, OpDef, OpRef, parseJson, type Config, type JsonObject, type Run } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { stageRun } from './stage-run.js';
import type { StagePhase } from './stage-options.js';

afterAll(cleanupTestdirs);

/** A hook as an array command: `node -e <script>` (no shell, no quoting). */
function nodeHook(script: string): string[] {
  return ['node', '-e', script];
}

/** Writes `path` in the hook's cwd (the run dir) and prints to both streams. */
function writingHook(label: string, path: string): string[] {
  return nodeHook(
    `const fs = require('fs'); const path = require('path');` +
      `fs.mkdirSync(path.dirname(${JSON.stringify(path)}), { recursive: true });` +
      `fs.writeFileSync(${JSON.stringify(path)}, process.env.project_dir + '\\n');` +
      `console.log(${JSON.stringify(`${label} out`)}); console.error(${JSON.stringify(`${label} err`)});`,
  );
}

async function initRun(data: JsonObject, config: Config = {}): Promise<Run> {
  const run = await makeRun(await testdir());
  initRunMetaSync(run, OpRef('test', 'op'), OpDef('op', data), config, OpCmd(['node', 'op.js'], {}));
  return run;
}

/** The runner log messages (time stripped) written after `initialized`. */
async function stagingLog(run: Run): Promise<string[]> {
  const lines = (await readFile(runMetaPath(run, 'log', 'runner'), 'utf8')).split('\n').filter((l) => l !== '');
  for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} [A-Z]/);
  const messages = lines.map((l) => l.slice(l.indexOf(' ') + 1));
  return messages.slice(messages.indexOf('Writing meta initialized') + 1);
}

const DEFAULT_PATTERNS_JSON =
  '["**/* text size<100000 max-matches=500","-**/.* dir","-**/* dir sentinel=bin/activate","-**/* dir sentinel=.nocopy","-summary.json"]';

describe('stageRun() with all three staging hooks', () => {
  const srcHook = writingHook('src', 'gen/src.txt');
  const runtimeHook = writingHook('runtime', '.venv/bin/activate');
  const depsHook = writingHook('deps', 'data/dep.csv');
  let run: Run;
  let projectDir: string;
  const phases: StagePhase[] = [];
  const output: [number, string][] = [];
  const warnings: string[] = [];

  test('stages the run', async () => {
    projectDir = await testdir({ 'op.js': 'console.log(1)\n', 'b.py': 'x = 1\n', 'a/c.md': '# c\n' });
    run = await initRun({ exec: { run: 'node op.js', 'stage-sourcecode': srcHook, 'stage-runtime': runtimeHook, 'stage-dependencies': depsHook },
      config: 'b.py' }, { x: 2n });
    await stageRun(run, projectDir, {
      onPhase: (p) => phases.push(p),
      onOutput: (stream, line) => output.push([stream, Buffer.from(line).toString('utf8')]),
      onWarning: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([]);
  });

  test('emits the phase events in order', () => {
    expect(phases).toEqual(['stage-sourcecode', 'stage-config', 'stage-runtime', 'stage-dependencies', 'stage-finalize']);
  });

  test('writes the runner log lines of docs/spec/lifecycle.md 6 in order', async () => {
    const cmd = (hook: string[]) => JSON.stringify(hook);
    expect(await stagingLog(run)).toEqual([
      `Copying source code (see log/files): ${DEFAULT_PATTERNS_JSON}`,
      `Starting stage-sourcecode (see output/10_sourcecode): ${cmd(srcHook)}`,
      'Writing meta proc/lock',
      'Exit code for stage-sourcecode: 0',
      'Deleting meta proc/lock',
      'Applying configuration (see log/patched)',
      `Starting stage-runtime (see output/20_runtime): ${cmd(runtimeHook)}`,
      'Writing meta proc/lock',
      'Exit code for stage-runtime: 0',
      'Deleting meta proc/lock',
      `Starting stage-dependencies (see output/30_dependencies): ${cmd(depsHook)}`,
      'Writing meta proc/lock',
      'Exit code for stage-dependencies: 0',
      'Deleting meta proc/lock',
      'Finalizing staged files (see manifest)',
      'Writing meta staged',
    ]);
  });

  test('logs files with the type of the phase that made them', async () => {
    const entries = readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`);
    expect(entries).toEqual([
      'a s a/c.md',
      'a s b.py',
      'a s gen/src.txt',
      'a s op.js',
      'a r .venv/bin/activate',
      'a d data/dep.csv',
    ]);
    const text = await readFile(runMetaPath(run, 'log', 'files'), 'utf8');
    for (const line of text.split('\n').slice(0, -1)) expect(line).toMatch(/^a [srd] \d{16} \S+$/);
  });

  test('writes the manifest: source sorted, then runtime, then dependencies', async () => {
    const manifest = readManifestSync(run);
    expect(manifest?.map((e) => `${e.type} ${e.path}`)).toEqual([
      's a/c.md',
      's b.py',
      's gen/src.txt',
      's op.js',
      'r .venv/bin/activate',
      'd data/dep.csv',
    ]);
    // Digests are of the patched file (x = 2), not the project's.
    const bPy = manifest?.find((e) => e.path === 'b.py');
    expect(bPy?.sha256).toBe('4205c4809ab1b080fd32b6bf9640e5feaa6d1b69bf9fa684954ab710157ec141');
    expect(await readFile(join(run.runDir, 'b.py'), 'utf8')).toBe('x = 2\n');
    expect(await readFile(join(projectDir, 'b.py'), 'utf8')).toBe('x = 1\n');
  });

  test('runs the hooks in the run dir with project_dir set', async () => {
    for (const path of ['gen/src.txt', '.venv/bin/activate', 'data/dep.csv']) {
      expect(await readFile(join(run.runDir, path), 'utf8')).toBe(`${projectDir}\n`);
    }
  });

  test('makes every staged file and `staged` read-only', async () => {
    for (const entry of readManifestSync(run) ?? []) {
      expect((await stat(join(run.runDir, entry.path))).mode & 0o222).toBe(0);
    }
    expect((await stat(runMetaPath(run, 'staged'))).mode & 0o222).toBe(0);
    expect(readMetaFileSync(run, 'staged')).toMatch(/^\d{16}$/);
    expect(await runStatus(run)).toBe('staged');
  });

  test('captures hook output with stream codes and passes it to onOutput', async () => {
    for (const [name, label] of [['10_sourcecode', 'src'], ['20_runtime', 'runtime'], ['30_dependencies', 'deps']] as const) {
      const lines = await readRunOutput(run, { name });
      expect(lines.map((l) => [l.stream, l.text]).sort()).toEqual([[0, `${label} out`], [1, `${label} err`]]);
      expect((await stat(runMetaPath(run, 'output', name))).mode & 0o222).toBe(0);
    }
    const texts = output.map(([stream, text]) => [stream, text.replace(/\r?\n$/, '')]);
    expect(texts.sort()).toEqual([
      [0, 'deps out'],
      [0, 'runtime out'],
      [0, 'src out'],
      [1, 'deps err'],
      [1, 'runtime err'],
      [1, 'src err'],
    ]);
  });

  test('releases the run lock', async () => {
    expect(await runLockState(run)).toBe('none');
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
  });

  test('rejects a second staging: run <id> is already staged', async () => {
    const before = await readFile(runMetaPath(run, 'log', 'runner'), 'utf8');
    await expect(stageRun(run, projectDir)).rejects.toMatchObject({
      code: 'ERR_GAGE_ALREADY_STAGED',
      message: `run ${run.id} is already staged`,
    });
    expect(await readFile(runMetaPath(run, 'log', 'runner'), 'utf8')).toBe(before);
    expect(await runLockState(run)).toBe('none');
  });
});

describe('stageRun() with a failing hook', () => {
  test('throws RunExecError, runs no later phase and leaves the run pending and unlocked', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun({
      exec: {
        'stage-sourcecode': writingHook('src', 'src.txt'),
        'stage-runtime': nodeHook("console.error('boom'); process.exit(3)"),
        'stage-dependencies': writingHook('deps', 'deps.txt'),
      },
    });
    const phases: StagePhase[] = [];
    await expect(stageRun(run, projectDir, { onPhase: (p) => phases.push(p), onOutput: () => undefined })).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_EXEC',
      phase: 'stage-runtime',
      exitCode: 3,
    });
    expect(phases).toEqual(['stage-sourcecode', 'stage-config', 'stage-runtime']);
    expect(readMetaFileSync(run, 'staged')).toBeUndefined();
    expect(readMetaFileSync(run, 'manifest')).toBeUndefined();
    expect(readMetaFileSync(run, 'output/30_dependencies')).toBeUndefined();
    await expect(stat(join(run.runDir, 'deps.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await runStatus(run)).toBe('pending');
    const log = await stagingLog(run);
    expect(log.slice(-2)).toEqual(['Exit code for stage-runtime: 3', 'Deleting meta proc/lock']);
    expect((await readRunOutput(run, { name: '20_runtime' })).map((l) => [l.stream, l.text])).toEqual([[1, 'boom']]);
    const lock = await lockRun(run);
    await lock.release();
  });
});

describe('stageRun() stopped by its signal', () => {
  test.each(['SIGTERM', 'SIGINT'])('%s stops the running hook, runs no later phase and leaves the run pending', async (sig) => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun({
      exec: {
        'stage-runtime': nodeHook("console.log('waiting'); setInterval(() => {}, 1000)"),
        'stage-dependencies': writingHook('deps', 'deps.txt'),
      },
    });
    const controller = new AbortController();
    const phases: StagePhase[] = [];
    const staging = stageRun(run, projectDir, {
      signal: controller.signal,
      onPhase: (p) => phases.push(p),
      onOutput: () => controller.abort(sig),
    });
    await expect(staging).rejects.toMatchObject({
      code: 'ERR_GAGE_STAGING_STOPPED',
      message: `Staging of run ${run.id} was stopped (${sig})`,
      runId: run.id,
      cause: expect.objectContaining({ code: 'ERR_GAGE_RUN_EXEC', exitCode: sig === 'SIGINT' ? -2 : -15 }),
    });
    expect(phases).toEqual(['stage-sourcecode', 'stage-config', 'stage-runtime']);
    expect(readMetaFileSync(run, 'staged')).toBeUndefined();
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    expect(await runStatus(run)).toBe('pending');
    expect(await runLockState(run)).toBe('none');
  });

  test('an abort while the source code is copied starts no hook', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun({ exec: { 'stage-sourcecode': writingHook('src', 'src.txt') } });
    const controller = new AbortController();
    const staging = stageRun(run, projectDir, {
      signal: controller.signal,
      onPhase: (p) => p === 'stage-sourcecode' && controller.abort('SIGTERM'),
    });
    await expect(staging).rejects.toMatchObject({ code: 'ERR_GAGE_STAGING_STOPPED', reason: 'SIGTERM' });
    expect(readMetaFileSync(run, 'output/10_sourcecode')).toBeUndefined();
    expect((await stagingLog(run)).some((l) => l.startsWith('Starting stage-sourcecode'))).toBe(false);
    expect(await runStatus(run)).toBe('pending');
  });

  test('an abort before staging starts copies nothing', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun({ exec: { run: 'node op.js' } });
    await expect(stageRun(run, projectDir, { signal: AbortSignal.abort('SIGHUP') })).rejects.toMatchObject({
      code: 'ERR_GAGE_STAGING_STOPPED',
      reason: 'SIGHUP',
    });
    await expect(stat(join(run.runDir, 'op.js'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await runStatus(run)).toBe('pending');
  });
});

describe('stageRun() and the run lock', () => {
  test('fails with RunLockedError while another holder has the lock', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun({});
    const lock = await lockRun(run);
    try {
      await expect(stageRun(run, projectDir)).rejects.toMatchObject({
        code: 'ERR_GAGE_RUN_LOCKED',
        message: `Run "${run.id}" is in use by another process`,
      });
      expect(await stagingLog(run)).toEqual([]);
      await stageRun(run, projectDir, { lock });
      expect(await runStatus(run)).toBe('staged');
      expect(lock.held).toBe(true);
      expect(await runLockState(run)).toBe('held');
    } finally {
      await lock.release();
    }
    expect(await runLockState(run)).toBe('none');
  });
});

describe('stageRun() with dependencies', () => {
  test('copies project-files dependencies with type d, after the source code', async () => {
    const projectDir = await testdir({ 'op.js': '\n', 'data/train.bin': '\u0000\u0001', 'data/skip.txt': 'x' });
    const run = await initRun({ depends: { files: 'data/*.bin' } });
    await stageRun(run, projectDir);
    expect(await readFile(join(run.runDir, 'data', 'train.bin'), 'utf8')).toBe('\u0000\u0001');
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual([
      'a s data/skip.txt',
      'a s op.js',
      'a d data/train.bin',
    ]);
    expect(await runStatus(run)).toBe('staged');
  });

  test('links project files with link: true', async () => {
    const projectDir = await testdir({ 'op.js': '\n', 'big.bin': '\u0000' });
    const run = await initRun({ depends: { files: 'big.bin', link: true } });
    await stageRun(run, projectDir);
    expect(await readlink(join(run.runDir, 'big.bin'))).toBe(join(projectDir, 'big.bin'));
    // A link is digested by its target path, never read (@gage/meta writeManifest): linking exists to avoid reading big files.
    const linkDigest = createHash('sha256').update(join(projectDir, 'big.bin')).digest('hex');
    expect(readMetaFileSync(run, 'manifest')).toContain(`d ${linkDigest} big.bin\n`);
  });

  test('refuses a dependency whose patterns match nothing, leaving the run pending', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun({ depends: { files: 'missing.csv' } });
    await expect(stageRun(run, projectDir)).rejects.toMatchObject({
      code: 'ERR_GAGE_DEPENDENCY_NOT_FOUND',
      message: 'Dependency ["missing.csv"] of operation op matches no project files',
    });
    expect(await runStatus(run)).toBe('pending');
    expect(await runLockState(run)).toBe('none');
  });

  test('refuses run-files dependencies before copying anything', async () => {
    const projectDir = await testdir({ 'op.js': '\n', 'data.csv': 'a,b\n' });
    const run = await initRun({ depends: { 'run-select': 'prepare', files: 'data.csv' } });
    await expect(stageRun(run, projectDir)).rejects.toMatchObject({
      code: 'ERR_GAGE_DEPENDS_NOT_SUPPORTED',
      message: 'Cannot stage operation op: run-files dependencies are not supported yet',
    });
    await expect(stat(run.runDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await stagingLog(run)).toEqual([]);
    expect(readMetaFileSync(run, 'log/files')).toBeUndefined();
    expect(await runStatus(run)).toBe('pending');
    expect(await runLockState(run)).toBe('none');
  });
});

describe('stageRun() without hooks or config', () => {
  test('writes an empty log/patched and stages the copied files', async () => {
    const projectDir = await testdir({ 'op.js': 'console.log("hi")\n' });
    const run = await initRun({ exec: 'node op.js' });
    await stageRun(run, projectDir);
    expect(readMetaFileSync(run, 'log/patched')).toBe('');
    expect(readMetaFileSync(run, 'manifest')).toBe(
      's 8e8ee1febc14d8614e1f8bf6384a3641de3017fa43ad0600d643d291b14a42b1 op.js\n',
    );
    expect(await stagingLog(run)).toEqual([
      `Copying source code (see log/files): ${DEFAULT_PATTERNS_JSON}`,
      'Applying configuration (see log/patched)',
      'Finalizing staged files (see manifest)',
      'Writing meta staged',
    ]);
  });
});

describe('stageRun() with provenance (decision 18)', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'pipe' }).toString().trim();

  test('writes provenance.json and provenance.patch, read-only, before staged; logs them', async () => {
    const projectDir = await testdir({ 'op.js': 'console.log(1)\n', 'requirements.txt': 'numpy\n' });
    git(projectDir, 'init', '-q');
    git(projectDir, 'add', '-A');
    git(projectDir, 'commit', '-qm', 'init');
    await writeFile(join(projectDir, 'op.js'), 'console.log(2)\n');
    const run = await initRun({ exec: 'node op.js' });
    await stageRun(run, projectDir, { provenance: true });
    const provenance = parseJson(readMetaFileSync(run, 'provenance.json') as string, { bigint: true }) as JsonObject;
    expect(provenance['git']).toMatchObject({ commit: git(projectDir, 'rev-parse', 'HEAD'), dirty: true });
    expect(Object.keys(provenance['lockfiles'] as JsonObject)).toEqual(['requirements.txt']);
    expect(readMetaFileSync(run, 'provenance.patch')).toContain('+console.log(2)');
    for (const f of ['provenance.json', 'provenance.patch']) expect((await stat(runMetaPath(run, f))).mode & 0o222).toBe(0);
    const log = await stagingLog(run);
    expect(log.indexOf('Writing meta provenance')).toBeGreaterThan(log.indexOf('Writing meta provenance patch'));
    expect(log.indexOf('Writing meta staged')).toBeGreaterThan(log.indexOf('Writing meta provenance'));
  });

  test('is off by default: the meta dir holds only the files of docs/spec/lifecycle.md 7', async () => {
    const projectDir = await testdir({ 'op.js': 'console.log(1)\n' });
    const run = await initRun({ exec: 'node op.js' });
    await stageRun(run, projectDir);
    expect(readMetaFileSync(run, 'provenance.json')).toBeUndefined();
  });

  test('a warning of the provenance goes to onWarning and the runner log; staging completes', async () => {
    const projectDir = await testdir({ 'op.js': '' });
    git(projectDir, 'init', '-q');
    await writeFile(join(projectDir, '.git', 'HEAD'), 'garbage\n');
    const run = await initRun({ exec: 'node op.js' });
    const warnings: string[] = [];
    await stageRun(run, projectDir, { provenance: true, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(/^Cannot read the git state of the project: fatal: /)]);
    expect((await stagingLog(run)).some((l) => l.startsWith('Provenance: Cannot read the git state of the project: fatal: '))).toBe(true);
    expect(await runStatus(run)).toBe('staged');
  });
});
