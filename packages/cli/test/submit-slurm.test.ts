// `gage submit --slurm` (docs/spec/cli.md 5.23, decision 27) against a real single-node Slurm (Debian's slurm-wlm
// and munge; tools/setup-system.sh installs them, and without them these tests fail naming the apt-get line).
// One cluster for the file; the tasks run the built bin (dist/gage.js), as a cluster node would.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, startSlurmCluster, testdir, waitFor, type SlurmCluster } from '@gage/test-utils';
import { BIN, gage } from './_helpers.js';

/** `nap` prints its x and a loss, then sleeps `ms`. */
const PROJECT: Record<string, string> = {
  'gage.toml': '[nap]\nexec = "node nap.cjs"\nconfig = "nap.json"\n',
  'nap.cjs': `const { x, ms } = JSON.parse(require('fs').readFileSync('nap.json', 'utf8'));
console.log('x: ' + x);
console.log('loss: ' + x / 10);
setTimeout(() => console.log('done'), ms);
`,
  'nap.json': '{"x": 0, "ms": 200}\n',
};

let cluster: SlurmCluster;
let project: string;
let home: string;
let runsDir: string;

beforeAll(async () => {
  cluster = await startSlurmCluster();
  project = await testdir(PROJECT);
  home = await testdir();
  runsDir = join(home, 'runs');
});

afterAll(async () => {
  await cluster?.stop();
  if (project) await removeTree(project);
  if (home) await removeTree(home);
});

const g = (args: string[], env: Record<string, string> = {}) =>
  gage(['--runs', runsDir, ...args], { cwd: project, home, gageCommand: ['node', BIN], env: { ...cluster.env, ...env } });

interface JsonRun {
  id: string;
  name: string;
  status: string;
  config: Record<string, unknown>;
  userAttributes: Record<string, unknown>;
}

async function list(where = ''): Promise<JsonRun[]> {
  const r = await g(['list', '-a', '--json', ...(where ? ['-w', where] : [])]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JsonRun[];
}

async function stage(args: string[]): Promise<string[]> {
  const before = new Set((await list()).map((r) => r.id));
  expect((await g(['run', 'nap', ...args, '--stage', '-y'])).code).toBe(0);
  return (await list()).filter((r) => !before.has(r.id)).reverse().map((r) => r.id);
}

const metaDir = (id: string) => join(runsDir, `${id}.meta`);
const statusOf = async (id: string) => (await list()).find((r) => r.id === id)?.status;

describe('gage submit --slurm', () => {
  test('a 6-trial sweep as one job array, 2 at a time: queued, then each completed with its output and scalars', async () => {
    const ids = await stage(['x=[1,2,3,4,5,6]', 'ms=800']);
    expect(ids).toHaveLength(6);
    const r = await g(['submit', '--slurm', '-j', '2', '-y', ...ids]);
    expect(r.code).toBe(0);
    // The runs dir is on a local disk: fine for a single-node cluster, but worth a warning.
    expect(r.stderr).toMatch(/^WARNING: The runs dir ".*" is on a local filesystem: every node that runs a task must see it/);
    const job = /^Submitted 6 runs as Slurm job (\d+) \(2 at a time\)\n/.exec(r.stdout)?.[1] as string;
    expect(job).toMatch(/^\d+$/);
    const runs = await list();
    // The last ones wait behind the throttle.
    expect(runs.filter((x) => ids.includes(x.id)).map((x) => x.status)).toContain('queued');
    const table = await g(['runs']);
    expect(table.stdout).toMatch(/queued/);
    for (const [i, id] of ids.entries()) {
      expect(runs.find((x) => x.id === id)?.userAttributes).toMatchObject({ 'slurm-job': job, 'slurm-task': `${job}_${i}` });
    }
    // Submitting a queued run again is refused.
    const again = await g(['submit', '--slurm', '-y', ids[5] as string]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining(`Run "${ids[5]}" is 'queued'`) });
    // And so is starting it here: its task will.
    expect((await g(['run', '--start', ids[5] as string, '-y'])).stderr).toContain(`Run "${ids[5]}" is 'queued'`);
    await waitFor(async () => (await list()).filter((x) => ids.includes(x.id)).every((x) => x.status === 'completed'), { interval: 500 });
    for (const [i, id] of ids.entries()) {
      expect(readFileSync(join(metaDir(id), 'output', '40_run'), 'utf8')).toBe(`x: ${i + 1}\nloss: ${(i + 1) / 10}\ndone\n`);
      const scalars = await g(['show', '--json', id]);
      expect(scalars.stdout).toMatch(/"loss"/);
    }
    // Never more than 2 at a time: no third run started before the first two ended.
    const span = (id: string) => ['started', 'stopped'].map((f) => Number(readFileSync(join(metaDir(id), f), 'utf8')));
    const spans = ids.map(span);
    for (const [start] of spans)
      expect(spans.filter(([s, e]) => (s as number) <= (start as number) && (start as number) < (e as number)).length).toBeLessThanOrEqual(2);
  });

  test('--preview prints the sbatch command and the job script; nothing is submitted', async () => {
    const [id] = await stage(['x=7']);
    const r = await g(['submit', '--slurm', '--preview', '-j', '3', '--sbatch=--partition=debug', '--sbatch', '--time=5', id as string]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `sbatch --parsable --hold --array=0-0%3 --job-name=gage --chdir=${runsDir} --output=${
        join(runsDir, '.slurm', '%A_%a.out')
      } --partition=debug --time=5 <<'EOF'\n#!/bin/sh\n`,
    );
    expect(r.stdout).toContain(`  0) set -- node ${BIN} --runs ${runsDir} run --start ${id} -y ;;\n`);
    expect(await statusOf(id as string)).toBe('staged');
  });

  test('stop cancels a queued task: the run is staged again; an option Slurm rejects shows its message', async () => {
    const [id] = await stage(['x=8']);
    const bad = await g(['submit', '--slurm', '-y', '--sbatch=--partition=nope', id as string]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid partition specified: nope/);
    expect(await statusOf(id as string)).toBe('staged');
    // Held for an hour: it stays queued.
    expect((await g(['submit', '--slurm', '-y', '--sbatch=--begin=now+3600', id as string])).code).toBe(0);
    expect(await statusOf(id as string)).toBe('queued');
    const stop = await g(['stop', '-y', id as string]);
    expect(stop).toMatchObject({ code: 0, stderr: expect.stringContaining('Cancelled the queued task of run') });
    expect(await statusOf(id as string)).toBe('staged');
    expect(existsSync(join(metaDir(id as string), 'submitted'))).toBe(false);
  });

  test('a controller that is down: the run shows queued? at once; a task gone from the queue without starting its run reads staged', async () => {
    const [id] = await stage(['x=9']);
    expect((await g(['submit', '--slurm', '-y', '--sbatch=--begin=now+3600', id as string])).code).toBe(0);
    const conf = join(home, 'down.conf');
    writeFileSync(conf, readFileSync(cluster.env.SLURM_CONF, 'utf8').replace(/^SlurmctldPort=\d+$/m, 'SlurmctldPort=9'));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the queue cache
    const down = await g(['runs'], { SLURM_CONF: conf });
    expect(down.stdout).toMatch(/queued\?/);
    // Cancelled behind gage's back: nothing will start it.
    const submission = JSON.parse(readFileSync(join(metaDir(id as string), 'submitted'), 'utf8')) as { task: string };
    const { spawnSync } = await import('node:child_process');
    expect(spawnSync('scancel', [submission.task], { env: { ...process.env, ...cluster.env } }).status).toBe(0);
    await waitFor(async () => (await statusOf(id as string)) === 'staged', { interval: 500 });
  });

  test('a task killed by Slurm leaves its run terminated; a run deleted while queued fails its task with a clear message', async () => {
    const [long, gone] = await stage(['x=[10,11]', 'ms=600000']);
    // GAGE_QUICK: Slurm kills the task as on a node failure; else its time limit (1 minute) ends it.
    const quick = process.env.GAGE_QUICK === '1';
    const r = await g(['submit', '--slurm', '-y', '-j', '1', ...(quick ? [] : ['--sbatch=--time=1']), long as string, gone as string]);
    expect(r.code).toBe(0);
    await waitFor(async () => (await statusOf(long as string)) === 'running', { interval: 200 });
    expect((await g(['rm', '-y', gone as string])).code).toBe(0);
    if (quick) {
      const submission = JSON.parse(readFileSync(join(metaDir(long as string), 'submitted'), 'utf8')) as { task: string };
      const { spawnSync } = await import('node:child_process');
      expect(spawnSync('scancel', ['--full', '--signal=KILL', submission.task], { env: { ...process.env, ...cluster.env } }).status).toBe(0);
    }
    await waitFor(async () => (await statusOf(long as string)) === 'terminated', { interval: 500 });
    const goneOutput = join(runsDir, '.slurm', `${JSON.parse(readFileSync(join(metaDir(long as string), 'submitted'), 'utf8')).job}_1.out`);
    await waitFor(() => existsSync(goneOutput) && readFileSync(goneOutput, 'utf8').includes(gone as string), { interval: 500 });
    expect(readFileSync(goneOutput, 'utf8')).toContain(`gage: No runs match '${gone}'`);
  });
});

describe('gage stop of a running submitted run', () => {
  test('scancel --signal=TERM reaches its gage, which finalizes the run terminated', async () => {
    const [id] = await stage(['x=13', 'ms=600000']);
    expect((await g(['submit', '--slurm', '-y', id as string])).code).toBe(0);
    await waitFor(async () => (await statusOf(id as string)) === 'running', { interval: 200 });
    const stop = await g(['stop', '-y', id as string]);
    expect(stop).toMatchObject({ code: 0, stderr: expect.stringContaining('Stopped 1 run') });
    expect(await statusOf(id as string)).toBe('terminated');
    expect(readFileSync(join(metaDir(id as string), 'proc', 'exit'), 'utf8')).toMatch(/^-15/);
  });
});

describe('gage submit, bad input', () => {
  test('sbatch missing: the error names the package', async () => {
    const [id] = await stage(['x=12']);
    const r = await gage(['--runs', runsDir, 'submit', '--slurm', '-y', id as string], {
      cwd: project,
      home,
      gageCommand: ['node', BIN],
      env: { ...cluster.env, PATH: join(home, 'no-bin') },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot run "sbatch": Slurm is not installed here (command not found)');
    expect(r.stderr).toContain('apt-get install slurm-client');
    expect(await statusOf(id as string)).toBe('staged');
  });

  test('without --slurm, and for a run that is not staged', async () => {
    expect(await g(['submit', '-a', '-y'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Specify a scheduler: '--slurm'") });
    const done = (await list('completed'))[0];
    if (done) expect((await g(['submit', '--slurm', '-y', done.id])).stderr).toContain(`is 'completed'`);
  });
});
