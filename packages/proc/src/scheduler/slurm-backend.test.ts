import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree, startSlurmCluster, testdir, waitFor, type SlurmCluster } from '@gage/test-utils';
import { SchedulerError } from '../errors.js';
import { cachedTaskStates } from './cached-task-states.js';
import type { SubmittedJob } from './scheduler-backend.js';
import { slurmBackend } from './slurm-backend.js';

// A real single-node Slurm (Debian's slurm-wlm and munge; tools/setup-system.sh installs them), one for the file.
let cluster: SlurmCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startSlurmCluster();
  dir = await testdir();
});
afterAll(async () => {
  await cluster?.stop();
  if (dir) await removeTree(dir);
});

const env = () => ({ ...process.env, ...cluster.env });
// squeue's default bound (1 s, for listings) is too short for a machine busy with other suites: these tests are about states.
const QUERY = { timeoutMs: 120_000 };
const request = (commands: string[][], more: { throttle?: number; schedulerArgs?: string[] } = {}) => ({
  commands,
  cwd: dir,
  outputDir: join(dir, 'out'),
  name: 'gage-test',
  schedulerArgs: more.schedulerArgs ?? [],
  throttle: more.throttle,
});

describe('slurmBackend', () => {
  test('submits one array job, held until beforeStart has the ids; each task runs its command with GAGE_SUBMITTED_TASK; query and cancel', async () => {
    const slurm = slurmBackend({ env: env() });
    let seen: SubmittedJob | undefined;
    let statesBefore: Map<string, string> | undefined;
    const job = await slurm.submit({
      ...request([['sh', '-c', 'echo "first $GAGE_SUBMITTED_TASK"'], ['sh', '-c', 'echo "it\'s $GAGE_SUBMITTED_TASK"'], ['sleep', '600']], { throttle: 2 }),
      beforeStart: async (submitted) => {
        seen = submitted;
        statesBefore = await slurm.query([submitted.job], QUERY);
      },
    });
    expect(seen).toEqual(job);
    expect(job.tasks.map((t) => t.id)).toEqual([`${job.job}_0`, `${job.job}_1`, `${job.job}_2`]);
    expect([...(statesBefore as Map<string, string>).values()]).toEqual(['pending', 'pending', 'pending']); // held
    const ids = job.tasks.map((t) => t.id);
    await waitFor(async () => (await slurm.query([job.job], QUERY)).get(ids[2] as string) === 'running', { interval: 200 });
    // Task 2 runs once task 0 or task 1 ended (throttle 2): wait for both before reading what they wrote.
    await waitFor(async () => {
      const states = await slurm.query([job.job], QUERY);
      return states.get(ids[0] as string) === 'ended' && states.get(ids[1] as string) === 'ended';
    }, { interval: 200 });
    expect(readFileSync(job.tasks[0]?.output as string, 'utf8')).toBe(`first ${ids[0]}\n`);
    expect(readFileSync(job.tasks[1]?.output as string, 'utf8')).toBe(`it's ${ids[1]}\n`);
    await slurm.cancel([ids[2] as string]);
    await waitFor(async () => (await slurm.query([job.job], QUERY)).get(ids[2] as string) === 'ended', { interval: 200 });
    // A job the controller never had: no tasks, not an error.
    expect(await slurm.query(['99999'], QUERY)).toEqual(new Map());
  });

  test('a throw in beforeStart cancels the job before any task starts', async () => {
    const slurm = slurmBackend({ env: env() });
    let job: SubmittedJob | undefined;
    await expect(slurm.submit({
      ...request([['sh', '-c', 'echo ran']]),
      beforeStart: (submitted) => {
        job = submitted;
        throw new Error('cannot record');
      },
    })).rejects.toThrow('cannot record');
    const id = job?.tasks[0]?.id as string;
    expect((await slurm.query([job?.job as string], QUERY)).get(id) ?? 'ended').toBe('ended');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(() => readFileSync(job?.tasks[0]?.output as string)).toThrow(/ENOENT/);
  });

  test('an option Slurm rejects fails with its message; nothing is submitted', async () => {
    const slurm = slurmBackend({ env: env() });
    const err = await slurm.submit(request([['true']], { schedulerArgs: ['--partition=nope'] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchedulerError);
    expect((err as SchedulerError).message).toMatch(/invalid partition specified: nope/);
    expect((err as SchedulerError).hint).toMatch(/--sbatch/);
  });

  test('sbatch missing: an error naming the package to install', async () => {
    const slurm = slurmBackend({ env: { ...env(), PATH: dir } });
    const err = await slurm.submit(request([['true']])).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_GAGE_SCHEDULER', message: 'Cannot run "sbatch": Slurm is not installed here (command not found)' });
    expect((err as SchedulerError).hint).toMatch(/apt-get install slurm-client/);
  });

  test('a controller that does not answer: query fails within its bound, and cachedTaskStates gives undefined', async () => {
    // The same cluster's config, with a controller port nobody listens on.
    const conf = join(dir, 'down.conf');
    writeFileSync(conf, readFileSync(cluster.env.SLURM_CONF, 'utf8').replace(/^SlurmctldPort=\d+$/m, 'SlurmctldPort=9'));
    const slurm = slurmBackend({ env: { ...env(), SLURM_CONF: conf } });
    await expect(slurm.query(['1'], { timeoutMs: 1000 })).rejects.toBeInstanceOf(SchedulerError);
    expect(await cachedTaskStates(slurm, join(dir, 'cache.json'), ['1'])).toBeUndefined();
  });

  test('cachedTaskStates asks the scheduler once for a burst of listings', async () => {
    // A generous bound: this is about the cache, and a loaded machine may take more than 1 s to run squeue.
    const options = { maxAgeMs: 60_000, timeoutMs: 120_000 };
    let queries = 0;
    const slurm = slurmBackend({ env: env() });
    const counting = { ...slurm, query: (ids: readonly string[], o?: { timeoutMs?: number }) => (queries++, slurm.query(ids, o)) };
    const cache = join(dir, 'burst.json');
    expect(await cachedTaskStates(counting, cache, ['99998'], options)).toEqual(new Map());
    expect(await cachedTaskStates(counting, cache, ['99998'], options)).toEqual(new Map());
    expect(queries).toBe(1);
    expect(await cachedTaskStates(counting, cache, ['99997'], options)).toEqual(new Map());
    expect(queries).toBe(2); // a task the cache does not have
  });
});
