import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { waitFor } from '@gage/test-utils';
import { checkRunsDir } from './_check-runs.js';
import { gage, groupAlive, makeSandbox, scale, sleep, spawnGage, type Sandbox } from './_helpers.js';
import { seededRandom } from './_seeded-random.js';

/** `nap` prints its pid and sleeps `ms`; `quick` ends in a random moment of `ms`. */
const PROJECT: Record<string, string> = {
  'gage.toml': `[nap]
exec = "node nap.cjs"
config = "nap.json"
`,
  'nap.cjs': `const { ms } = JSON.parse(require('fs').readFileSync('nap.json', 'utf8'));
console.log('pid ' + process.pid);
setTimeout(() => console.log('woke'), ms);
`,
  'nap.json': '{"ms": 60000}\n',
};

const RUNNING = scale(4, 10);
const STOP_RACES = scale(6, 30);

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox(PROJECT);
});
afterEach(async () => {
  await box.dispose();
});

/** Stages `count` runs of `nap` with `flags`; returns their names, oldest first. */
async function stage(count: number, flags: string[] = []): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await gage(['run', 'nap', ...flags, '--stage', '-y'], box.opts);
    expect(r.code).toBe(0);
    names.push((/Run "(.+)" is staged/.exec(r.stdout) as RegExpExecArray)[1] as string);
  }
  return names;
}

async function byName(names: string[]): Promise<Run[]> {
  const runs = await listRuns(box.runs);
  return names.map((n) => runs.find((r) => r.name === n) as Run);
}

/** The pid each run printed (its process led its own group). */
async function pidOf(run: Run): Promise<number> {
  return Number(/^pid (\d+)$/m.exec(readMetaFileSync(run, 'output/40_run') ?? '')?.[1]);
}

describe('several runs at once (-j, docs/spec/wave2.md decision 24)', () => {
  test.each([
    ['SIGINT', 2, 130],
    ['SIGTERM', 15, 143],
  ] as const)(`%s to gage run --start -j ${RUNNING}: every running run terminated and finalized, the rest staged, nothing left`, async (sig, signum, exit) => {
    const names = await stage(RUNNING + 2);
    const p = spawnGage(['run', '--start', ...names, '-j', String(RUNNING), '-y'], box.opts);
    const runs = await byName(names);
    const first = runs.slice(0, RUNNING);
    await waitFor(async () => (await Promise.all(first.map((r) => runStatus(r)))).every((s) => s === 'running'));
    await waitFor(async () => (await Promise.all(first.map(pidOf))).every((pid) => pid > 0));
    const pids = await Promise.all(first.map(pidOf));
    p.child.kill(sig);
    const res = await p.result;
    expect(res.code).toBe(exit);
    expect(res.stderr).toBe(sig === 'SIGINT' ? 'Aborted.\n' : '');
    for (const run of first) {
      expect(await runStatus(run)).toBe('terminated');
      expect(readMetaFileSync(run, 'proc/exit')).toBe(String(-signum));
      expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    }
    expect(await Promise.all(runs.slice(RUNNING).map((r) => runStatus(r)))).toEqual(['staged', 'staged']);
    for (const pid of pids) expect(groupAlive(pid)).toBe(false);
    expect((await readdir(box.runs)).filter((n) => n.endsWith('.lock'))).toEqual([]);
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });

  test('two gage run --start -j 2 of the same staged runs from two shells: each run runs exactly once', async () => {
    const names = await stage(RUNNING * 2, ['ms=200']);
    const [a, b] = await Promise.all([0, 1].map(() => gage(['run', '--start', ...names, '-j', '2', '-y'], box.opts)));
    expect([a?.code, b?.code]).toEqual([0, 0]);
    for (const run of await byName(names)) {
      expect(await runStatus(run)).toBe('completed');
      const runner = readMetaFileSync(run, 'log/runner') ?? '';
      expect(runner.match(/Starting run process/g)).toHaveLength(1);
      const ran = [a, b].filter((r) => r?.stdout.includes(`[${run.name}] woke`));
      expect(ran).toHaveLength(1);
      const other = ran[0] === a ? b : a;
      expect(other?.stderr).toMatch(new RegExp(`(^|\\n)Skipped run ${run.name}: (in use by another process|it is '(running|completed)')\\n`));
    }
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });

  test(`gage stop racing runs that end by themselves (${STOP_RACES} races): never an error but "not running", always finalized`, async () => {
    const random = seededRandom(Number(process.env.GAGE_SEED ?? 4242));
    for (let race = 0; race < STOP_RACES; race++) {
      const p = spawnGage(['run', 'nap', 'ms=300', '-y'], box.opts);
      await waitFor(() => p.stdout.includes('pid '));
      await sleep(Math.floor(random() * 400));
      const [run] = await listRuns(box.runs, { sort: ['-timestamp'] });
      const stop = await gage(['stop', (run as Run).id, '-y'], box.opts);
      const res = await p.result;
      const status = await runStatus(run as Run);
      if (stop.code === 0) {
        expect([`Stopped 1 run\n`, `Run ${(run as Run).name} ended before it was stopped\n`]).toContain(stop.stderr);
      } else {
        expect(stop.code).toBe(1);
        expect(stop.stderr).toMatch(
          new RegExp(`^gage: Run "${(run as Run).id}" is '(completed|staged|terminated)'\\n\\nOnly running runs can be stopped\\.\\n$`),
        );
      }
      await waitFor(async () => readMetaFileSync(run as Run, 'proc/exit') !== undefined);
      expect(['completed', 'terminated']).toContain(await runStatus(run as Run));
      expect(res.code).toBe(status === 'completed' ? 0 : 143);
    }
    expect((await readdir(box.runs)).filter((n) => n.endsWith('.lock'))).toEqual([]);
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });
});
