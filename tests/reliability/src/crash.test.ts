import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runStatus } from '@gage/meta';
import type { RunStatus } from '@gage/types';
import { checkRunsDir } from './_check-runs.js';
import { gage, groupAlive, makeSandbox, QUICK, scale, sleep, spawnGage, waitFor, type Sandbox } from './_helpers.js';
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

type Phase = 'before makeRun' | 'init' | 'staging' | 'staged' | 'running' | 'finalizing' | 'finished';

/** The statuses a run may have after a kill in each phase (lifecycle.md 11). */
const ALLOWED: Record<Phase, (RunStatus | 'not a run')[]> = {
  'before makeRun': [],
  init: ['unknown', 'not a run'],
  staging: ['pending', 'terminated'], // a staging hook holds proc/lock (lifecycle.md 7.5)
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

beforeAll(async () => {
  box = await makeSandbox(WORK_PROJECT);
  console.log(`crash trials: ${TRIALS}, seed ${SEED} (set GAGE_SEED=${SEED} to repeat)`);
});

afterAll(async () => {
  const summary = { quick: QUICK, seed: SEED, trials: TRIALS, followUpRuns: followUps, byPhaseAndStatus: counts, leftoverTemps, failures };
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
