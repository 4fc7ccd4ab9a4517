import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { entries, removeTree, testdir, waitFor } from '@gage/test-utils';
import { BIN, GREET, gage, gageEnv, startGage } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const run = (args: string[], input?: string) => gage(['--runs', runs, 'run', ...args], { cwd: project, home, input });

async function metaFile(id: string, path: string): Promise<string> {
  return readFile(join(runs, `${id}.meta`, path), 'utf8');
}

/** Starts the built `gage run -y` in the project (a process to signal); once its stdout holds `text`, sends `signal`; resolves when it closed. */
async function runUntilThenSignal(text: string, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('node', [BIN, '--runs', runs, 'run', '-y'], {
    cwd: project,
    env: gageEnv({ home }),
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes(text)) child.kill(signal);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

async function onlyRunId(): Promise<string> {
  const ids = (await entries(runs)).filter((n) => n.endsWith('.meta')).map((n) => n.slice(0, -5));
  expect(ids.length).toBe(1);
  return ids[0] as string;
}

describe('gage run (staging)', () => {
  test('asks for confirmation, runs the default operation and echoes its output', async () => {
    const r = await run([], 'y\n');
    expect(r).toEqual({ code: 0, stdout: 'Hello World\n', stderr: 'You are about to run hello\n\n name  World\n\nContinue? (Y/n) \n' });
    const id = await onlyRunId();
    expect(await metaFile(id, 'opref')).toMatch(/^2 \S+ hello$/);
    expect(await metaFile(id, 'proc/exit')).toBe('0');
    expect(await metaFile(id, 'output/40_run')).toBe('Hello World\n');
    expect(JSON.parse(await metaFile(id, 'sys/platform.json'))).toEqual(expect.any(String));
    expect(await metaFile(id, 'proc/cmd')).toBe('"node hello.cjs"');
    expect(await entries(runs)).toEqual([id, `${id}.meta`, `${id}.project`]);
  });

  test('declining changes nothing and exits 0', async () => {
    const r = await run([], 'n\n');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'You are about to run hello\n\n name  World\n\nContinue? (Y/n) \n' });
    expect(await entries(runs)).toEqual([]);
  });

  test('a flag as first argument uses the default operation; -l stores a label', async () => {
    const r = await run(['name=Ada', '-y', '-l', 'first try']);
    expect(r).toEqual({ code: 0, stdout: 'Hello Ada\n', stderr: '' });
    const id = await onlyRunId();
    expect(await metaFile(id, 'config.json')).toBe('{\n  "name": "Ada"\n}');
    expect(await readFile(join(project, 'config.json'), 'utf8')).toBe('{"name": "World"}\n');
    const user = await entries(join(runs, `${id}.user`));
    expect(user.length).toBe(1);
    expect(JSON.parse(await readFile(join(runs, `${id}.user`, user[0] as string), 'utf8')).set).toEqual({ label: 'first try' });
  });

  test('-q records output without echoing it', async () => {
    const r = await run(['hello', 'name=Bob', '-y', '-q']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await metaFile(await onlyRunId(), 'output/40_run')).toBe('Hello Bob\n');
  });

  test('stderr of the run goes to stderr', async () => {
    await removeTree(project);
    project = await testdir({ 'gage.json': JSON.stringify({ op: { exec: ['node', '-e', 'console.log("out"); console.error("err")'] } }) });
    const r = await run(['-y']);
    expect(r).toEqual({ code: 0, stdout: 'out\n', stderr: 'err\n' });
  });

  test('exits with the exit code of a failing run', async () => {
    const r = await run(['fail', '-y']);
    expect(r).toEqual({ code: 3, stdout: '', stderr: '' });
    expect(await metaFile(await onlyRunId(), 'proc/exit')).toBe('3');
  });

  test('a run killed by a signal exits 128 + signum', async () => {
    await removeTree(project);
    project = await testdir({ 'gage.json': JSON.stringify({ op: { exec: ['node', '-e', 'process.kill(process.pid, "SIGTERM")'] } }) });
    const r = await run(['-y']);
    expect(r.code).toBe(143);
    expect(await metaFile(await onlyRunId(), 'proc/exit')).toBe('-15');
  });

  test('--stage stages only; --start starts the staged run', async () => {
    const staged = await run(['name=Cy', '--stage', '-y']);
    const id = await onlyRunId();
    const name = (await gage(['--runs', runs, 'select', '--name'], { cwd: project, home })).stdout.trim();
    expect(staged).toEqual({ code: 0, stdout: `Run "${name}" is staged\n\nTo start it, run 'gage run --start ${name}'\n`, stderr: '' });
    expect(await entries(join(runs, `${id}.meta`))).not.toContain('started');
    const start = await run(['--start', name.slice(0, 5)], 'y\n');
    expect(start).toEqual({ code: 0, stdout: 'Hello Cy\n', stderr: `You are about to start hello (${name})\n\n name  Cy\n\nContinue? (Y/n) \n` });
    const again = await run(['--start', name, '-y']);
    expect(again).toEqual({ code: 1, stdout: '', stderr: `gage: Run "${id}" is 'completed'\n\nOnly staged runs can be started with '--start'.\n` });
  });

  test('--start refuses a run that was started already and whose runner died before finalizing: it is terminated', async () => {
    expect((await run(['--stage', '-y'])).code).toBe(0);
    const id = await onlyRunId();
    // What a runner leaves when killed after the run process ended and before finalizeRun: `started` and
    // the output, no `proc/exit`, no run lock.
    await writeFile(join(runs, `${id}.meta`, 'started'), '1764000000000000');
    await mkdir(join(runs, `${id}.meta`, 'output'));
    await writeFile(join(runs, `${id}.meta`, 'output', '40_run'), 'Hello World\n');
    const status = await gage(['--runs', runs, 'select', '--json'], { cwd: project, home });
    expect(JSON.parse(status.stdout)[0].status).toBe('terminated');
    const start = await run(['--start', id, '-y']);
    expect(start).toEqual({
      code: 1,
      stdout: '',
      stderr: `gage: Run "${id}" is 'terminated'\n\nOnly staged runs can be started with '--start'.\n`,
    });
    expect(await entries(join(runs, `${id}.meta`, 'proc'))).not.toContain('exit');
  });

  test('--start of a run deleted during its prompt says so and starts nothing', async () => {
    expect((await run(['--stage', '-y'])).code).toBe(0);
    const id = await onlyRunId();
    const start = startGage(['--runs', runs, 'run', '--start', id], { cwd: project, home });
    let ended = false;
    void start.result.then(() => (ended = true));
    await waitFor(() => ended || start.stderr.includes('Continue?'));
    expect((await gage(['--runs', runs, 'rm', '-y', id], { cwd: project, home })).code).toBe(0);
    start.stdin.end('y\n');
    const { code, stdout, stderr } = await start.result;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `gage: Run "${id}" no longer exists: its meta dir "${
        join(runs, `${id}.meta`)
      }" was deleted\n\nIt was deleted after it was selected; nothing was started.\n`,
    );
    expect(await entries(join(runs, `${id}.meta.deleted`))).not.toContain('started');
  });

  test('--start of a run whose program cannot be spawned can be tried again', async () => {
    await removeTree(project);
    project = await testdir({ 'gage.json': JSON.stringify({ op: { exec: ['no-such-program-gage'] } }) });
    expect((await run(['--stage', '-y'])).code).toBe(0);
    const id = await onlyRunId();
    const spawnError = /^gage: .*no-such-program-gage.*\n/;
    const first = await run(['--start', id, '-y']);
    expect(first).toMatchObject({ code: 1, stderr: expect.stringMatching(spawnError) });
    // Not "started already": the process never ran, so the run can be started once the program exists.
    const second = await run(['--start', id, '-y']);
    expect(second).toMatchObject({ code: 1, stderr: expect.stringMatching(spawnError) });
  });

  test('--help-op shows the operation help and makes no run', async () => {
    const r = await run(['--help-op']);
    expect(r).toEqual({
      code: 0,
      stdout:
        'Usage: gage run hello\n\n Print a greeting.\n\n Prints "Hello" followed by the configured name.\n\nFlags\n| name | type | default |\n|------|------|---------|\n| name | str  | World   |\n',
      stderr: '',
    });
    expect(await entries(runs)).toEqual([]);
  });

  test('the default runs dir is <project>/.gage/runs', async () => {
    const r = await gage(['run', '-y'], { cwd: project, home });
    expect(r.code).toBe(0);
    expect((await entries(join(project, '.gage', 'runs'))).filter((n) => n.endsWith('.meta')).length).toBe(1);
  });

  test('a failing staging hook leaves the run pending and exits with its code', async () => {
    await removeTree(project);
    project = await testdir({
      'gage.json': JSON.stringify({ op: { exec: { 'stage-runtime': ['node', '-e', 'process.exit(4)'], run: ['node', '-e', '0'] } } }),
    });
    const r = await run(['-y']);
    expect(r.code).toBe(4);
    const list = await gage(['--runs', runs, 'list', '-0'], { cwd: project, home });
    expect(list.stdout).toMatch(/^\| 1 \| op        \| pending \|/m);
  });

  test.each([
    ['SIGTERM', 143, ''],
    ['SIGINT', 130, 'Aborted.\n'],
  ] as const)('%s during staging stops gage at once: the run stays pending and unlocked', async (signal, exitCode, stderrText) => {
    await removeTree(project);
    // The stage-runtime hook says it started, then waits for ever.
    const hook = ['node', '-e', 'console.log("staging"); setInterval(() => {}, 1000)'];
    project = await testdir({ 'gage.json': JSON.stringify({ op: { exec: { 'stage-runtime': hook, run: ['node', '-e', 'console.log("ran")'] } } }) });
    expect(await runUntilThenSignal('staging\n', signal)).toEqual({ code: exitCode, stdout: 'staging\n', stderr: stderrText });
    const id = await onlyRunId();
    expect(await entries(runs)).toEqual([id, `${id}.meta`, `${id}.project`]); // no <id>.lock left
    const list = await gage(['--runs', runs, 'list', '-0'], { cwd: project, home });
    expect(list.stdout).toMatch(/^\| 1 \| op        \| pending \|/m);
    // Deletable at once: the lock was released, not left to go stale.
    expect((await gage(['--runs', runs, 'rm', '-y', id], { cwd: project, home })).code).toBe(0);
  });

  test('the staged config is patched into the run dir and shown by show, cat and list', async () => {
    expect((await run(['hello', 'name=Bob', '-l', 'second try', '-y'])).stdout).toBe('Hello Bob\n');
    const g = (args: string[]) => gage(['--runs', runs, ...args], { cwd: project, home });
    expect((await g(['cat', '-p', 'config.json'])).stdout).toBe('{"name": "Bob"}\n');
    expect((await g(['show', '-c'])).stdout).toBe('| name | Bob |\n');
    expect((await g(['list', '-0'])).stdout.split('\n')[2]).toBe(`| 1 | hello     | completed | ${'second try name=Bob'.padEnd(48)} |`);
  });

  test('Ctrl-C stops the run, finalizes it with -2, prints Aborted. and exits 130', async () => {
    await removeTree(project);
    project = await testdir({ 'gage.json': JSON.stringify({ op: { exec: ['node', '-e', 'console.log("ready"); setInterval(() => {}, 1000)'] } }) });
    expect(await runUntilThenSignal('ready\n', 'SIGINT')).toEqual({ code: 130, stdout: 'ready\n', stderr: 'Aborted.\n' });
    const id = (await entries(runs)).find((n) => n.endsWith('.meta'))?.slice(0, -5) as string;
    expect(await metaFile(id, 'proc/exit')).toBe('-2');
    expect(await entries(runs)).toEqual([id, `${id}.meta`, `${id}.project`]);
  });
});
