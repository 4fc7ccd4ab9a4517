import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runStatus } from '@gage/meta';
import type { RunStatus } from '@gage/types';
import { checkRunsDir } from './_check-runs.js';
import { waitFor } from '@gage/test-utils';
import { expectNoCrash, gage, groupAlive, makeSandbox, mountSmallDisk, QUICK, scale, sleep, spawnGage, type Sandbox } from './_helpers.js';
import { WORK_PROJECT } from './_projects.js';
import { seededRandom } from './_seeded-random.js';

/**
 * SIGKILL of `gage run` at random moments (init, staging, running,
 * finalizing). The op `phased` has hooks that sleep, so kills spread over
 * every phase. Seed: `GAGE_SEED` or the clock, printed; the figures go to
 * `crash-results.json` beside this package's `package.json`.
 */
const TRIALS = Number(process.env.GAGE_CRASH_TRIALS ?? scale(10, 120));
const SEED = Number(process.env.GAGE_SEED ?? Date.now() % 2 ** 31);
/** The longest a trial waits before the kill (ms): a whole run takes about 1 s on the reference machine. */
const MAX_DELAY = 1100;
/** Runs made while a small disk fills up (the disk-full phase). */
const FULL_DISK_RUNS = Number(process.env.GAGE_FULL_DISK_RUNS ?? scale(10, 40));

type Phase = 'before makeRun' | 'init' | 'staging' | 'staged' | 'running' | 'finalizing' | 'finished';

/** The statuses a run may have after a kill in each phase (docs/spec/lifecycle.md 11). */
const ALLOWED: Record<Phase, (RunStatus | 'not a run')[]> = {
  'before makeRun': [],
  init: ['unknown', 'not a run'],
  staging: ['pending', 'terminated'], // a staging hook holds proc/lock (docs/spec/lifecycle.md 7.5)
  staged: ['staged'],
  running: ['terminated', 'staged'],
  finalizing: ['terminated', 'staged', 'completed'],
  finished: ['completed'],
};

const exists = async (p: string) => (await stat(p).catch(() => undefined)) !== undefined;

async function phaseOf(metaDir: string | undefined, finished: boolean): Promise<Phase> {
  if (finished) return 'finished';
  if (!metaDir) return 'before makeRun';
  if (!(await exists(join(metaDir, 'initialized')))) return 'init';
  if (!(await exists(join(metaDir, 'staged')))) return 'staging';
  if (!(await exists(join(metaDir, 'started')))) return 'staged';
  if (!(await exists(join(metaDir, 'stopped')))) return 'running';
  return 'finalizing';
}

let box: Sandbox;
const counts: Record<string, Record<string, number>> = {};
const failures: string[] = [];
/** Temp files of a writer killed between write and rename (the meta file is absent or whole). */
const leftoverTemps: string[] = [];
let followUps = 0;
/** Disk-full phase: runs by exit code of `gage run` and status found afterwards. */
const diskFull: Record<string, number> = {};

beforeAll(async () => {
  box = await makeSandbox(WORK_PROJECT);
  console.log(`crash trials: ${TRIALS}, seed ${SEED} (set GAGE_SEED=${SEED} to repeat)`);
});

afterAll(async () => {
  const summary = { quick: QUICK, seed: SEED, trials: TRIALS, followUpRuns: followUps, byPhaseAndStatus: counts, leftoverTemps, failures, diskFull };
  await writeFile(new URL('../crash-results.json', import.meta.url), JSON.stringify(summary, null, 2) + '\n');
  console.log(JSON.stringify(summary, null, 2));
  await box.dispose();
});

async function metaDirs(): Promise<Set<string>> {
  return new Set((await readdir(box.runs).catch(() => [] as string[])).filter((n) => n.endsWith('.meta')));
}

async function followUpRun(): Promise<void> {
  const res = await gage(['run', 'work', '-y', '-q', 'tag=after'], box.opts);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  followUps += 1;
}

describe(`SIGKILL of gage run at random moments (${TRIALS} trials)`, () => {
  test('every run stays loadable, listable and showable, with a consistent status; the next run works', async () => {
    const random = seededRandom(SEED);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const before = await metaDirs();
      const delay = Math.floor(random() * MAX_DELAY);
      const p = spawnGage(['run', 'phased', '-y', '-q', `tag=t${trial}`], { ...box.opts, detached: true });
      const pgid = p.child.pid as number;
      await Promise.race([sleep(delay), p.result]);
      const finished = p.child.exitCode !== null;
      if (!finished) p.child.kill('SIGKILL');
      await p.result;
      await waitFor(() => !groupAlive(pgid));
      const added = [...(await metaDirs())].filter((n) => !before.has(n));
      // An orphaned hook or run process has a process group of its own (led by the pid in proc/lock): it ends
      // by itself or by its watchdog's SIGTERM; until then the run reads `running` (issue 12, item 13).
      const procLock = added[0] === undefined ? undefined : await readFile(join(box.runs, added[0], 'proc', 'lock'), 'utf8').catch(() => undefined);
      if (procLock !== undefined && /^\d+$/.test(procLock)) await waitFor(() => !groupAlive(Number(procLock)));
      expect(added.length).toBeLessThanOrEqual(1);
      const metaDir = added[0] === undefined ? undefined : join(box.runs, added[0]);
      const phase = await phaseOf(metaDir, finished);

      const report = await checkRunsDir(box.runs);
      if (report.problems.length > 0) failures.push(`trial ${trial} (delay ${delay}, ${phase}): ${report.problems.join('; ')}`);
      expect(report.problems).toEqual([]);
      for (const t of report.leftoverTemps) if (!leftoverTemps.includes(t)) leftoverTemps.push(t);
      const run = report.runs.find((r) => r.metaDir === metaDir);
      const status: RunStatus | 'not a run' | 'none' = metaDir === undefined ? 'none' : run ? await runStatus(run) : 'not a run';
      (counts[phase] ??= {})[status] = (counts[phase]?.[status] ?? 0) + 1;
      if (metaDir !== undefined) expect(ALLOWED[phase]).toContain(status);

      const list = await gage(['list', '--all'], box.opts);
      expect(list.code).toBe(0);
      if (run) {
        const show = await gage(['show', run.id], box.opts);
        if (show.code !== 0) failures.push(`trial ${trial}: gage show ${run.id}: ${show.stderr}`);
        expect(show.code).toBe(0);
        expect(show.stdout).toContain(run.id);
      }
      if (trial % 10 === 0) await followUpRun();
    }
    await followUpRun();
  });
});

describe(`runs made while the disk fills up (${FULL_DISK_RUNS} runs on a 3 MB tmpfs)`, () => {
  test('every run stays listable and deletable, every failure says no space left, nothing looks startable', async () => {
    const disk = await mountSmallDisk('3m'); // fails, naming what is needed, where mounting is not allowed
    try {
      const opts = { ...box.opts, env: { GAGE_RUNS: disk.dir } };
      const random = seededRandom(SEED + 1);
      for (let i = 1; i <= FULL_DISK_RUNS; i++) {
        const [out, file] = [Math.floor(random() * 1_000_000), Math.floor(random() * 600_000)];
        const res = await gage(['run', 'fill', '-y', '-q', `out=${out}`, `file=${file}`], opts);
        expectNoCrash(res);
        if (res.code !== 0) expect({ i, stderr: res.stderr }).toEqual({ i, stderr: expect.stringMatching(/^gage: [^\n]*no space left on device/) });
        const report = await checkRunsDir(disk.dir);
        expect(report.problems).toEqual([]);
        expect(report.notRuns).toEqual([]); // half-made runs load too
        const list = await gage(['list', '--all', '--json'], opts);
        expectNoCrash(list);
        const listed = JSON.parse(list.stdout) as { id: string; status: string }[];
        const metaDirs = (await readdir(disk.dir)).filter((n) => n.endsWith('.meta'));
        expect(listed.map((r) => `${r.id}.meta`).sort()).toEqual(metaDirs.sort());
        for (const run of report.runs) {
          const status = await runStatus(run);
          expect(status).not.toBe('running');
          // `staged` only when its process never started: such a run can be started once there is space.
          if (status === 'staged') expect(await stat(join(run.metaDir, 'started')).catch(() => undefined)).toBeUndefined();
        }
        const key = `exit ${res.code}`;
        diskFull[key] = (diskFull[key] ?? 0) + 1;
        // Now and then a run is deleted on the full disk, which makes room for the next ones.
        if (i % 3 === 0 && listed.length > 0) {
          const victim = listed[Math.floor(random() * listed.length)] as { id: string };
          const rm = await gage(['rm', '-p', '-y', victim.id], opts);
          expect({ id: victim.id, code: rm.code, stderr: rm.stderr }).toEqual({ id: victim.id, code: 0, stderr: 'Permanently deleted 1 run\n' });
        }
      }
      for (const run of (await checkRunsDir(disk.dir)).runs) {
        const status = await runStatus(run);
        diskFull[`status ${status}`] = (diskFull[`status ${status}`] ?? 0) + 1;
      }
      const rm = await gage(['rm', '-p', '-a', '-y'], opts);
      expect(rm.code).toBe(0);
      expect(await readdir(disk.dir)).toEqual([]);
      expect((await gage(['run', 'work', '-y', '-q'], opts)).code).toBe(0); // room again: runs work
    } finally {
      await disk.unmount();
    }
  });
});
