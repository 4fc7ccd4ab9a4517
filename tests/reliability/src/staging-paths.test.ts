import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readFilesLogSync, runLockState, runStatus } from '@gage/meta';
import { checkRunsDir } from './_check-runs.js';
import { entries } from '@gage/test-utils';
import { gage, makeSandbox, QUICK, scale, sleep, spawnGage, type Sandbox } from './_helpers.js';

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox({});
});
afterEach(async () => {
  await box.dispose();
});

/** All paths named PWNED under `dir`. */
async function pwned(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true });
  return all.filter((p) => String(p).endsWith('PWNED')).map(String);
}

// Before the fix, copying 110,000 files (the case reported) blocked gage for 34 s on the 2-core reference
// machine, far over the 10 s stale period of a run lock (60,000 did not always reach it). Quick mode only
// checks that nothing breaks.
const MANY_FILES = scale(10_000, 110_000);

describe('a long staging keeps its run lock (issue 12)', () => {
  test(`gage rm cannot delete a run while ${MANY_FILES} files are staged`, async () => {
    await writeFile(join(box.project, 'gage.toml'), '[copy]\nexec = "node -e 0"\nsourcecode = ["**/*"]\n');
    for (let d = 0; d < MANY_FILES / 1000; d++) {
      mkdirSync(join(box.project, `d${d}`));
      for (let i = 0; i < 1000; i++) writeFileSync(join(box.project, `d${d}`, `f${i}.txt`), `${d}/${i}`);
    }
    const running = spawnGage(['run', 'copy', '-y', '-q'], box.opts);
    let done = false;
    void running.result.then(() => (done = true));
    const seen = new Set<string>();
    let refused = 0;
    let lastRm = 0;
    while (!done) {
      const [run] = await listRuns(box.runs).catch(() => []);
      // From its lock on (right after makeRun) to the end of gage run, the run is locked: never stale, never deleted.
      if (run !== undefined && (await runLockState(run)) !== 'none') {
        seen.add(await runLockState(run));
        // A real delete attempt now and then (each is a whole gage process). Into the trash, not -p: an
        // attempt that starts just before gage run ends may get the lock once it is released and delete the
        // finished run; it is restored below (the lock, not the trash, is what is tested).
        if (Date.now() - lastRm > 3000) {
          lastRm = Date.now();
          const rm = await gage(['rm', '-y', run.id], box.opts);
          // A delete that got the lock came after gage run released it, at its very end (its process may not
          // have exited yet): the run was finished then, as its status and files log after the restore show.
          if (rm.code === 0) break;
          expect({ code: rm.code, stderr: rm.stderr }).toEqual({ code: 1, stderr: `gage: Run "${run.id}" is in use by another process\n` });
          refused++;
        }
      }
      await sleep(200);
    }
    const res = await running.result;
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    expect(seen.has('stale')).toBe(false);
    if ((await listRuns(box.runs)).length === 0) expect((await gage(['restore', '-a', '-y'], box.opts)).code).toBe(0);
    const [run] = await listRuns(box.runs);
    if (!run) throw new Error('the run is gone');
    expect(await runStatus(run)).toBe('completed');
    expect(readFilesLogSync(run).filter((e) => e.type === 's')).toHaveLength(MANY_FILES + 1);
    if (!QUICK) expect(refused).toBeGreaterThan(2); // gage rm was tried (and refused) through a long staging
  });
});

describe('project dirs with hostile names (issue 12)', () => {
  test('$project_dir in a shell command runs no code from the dir name; spaces work; the namespace has no space', async () => {
    const dir = join(box.root, "inj$(touch${IFS}PWNED) it's");
    await mkdir(dir);
    await writeFile(join(dir, 'gage.toml'), [
      '[sh]',
      'exec = "ls $project_dir/gage.toml"',
      '',
      '[quoted]',
      'exec = "cat \\"$project_dir/gage.toml\\" | wc -l"',
      '',
      '[argv]',
      'exec = ["ls", "$project_dir/gage.toml"]',
      '',
    ].join('\n'));
    const opts = { ...box.opts, cwd: dir };
    for (const op of ['sh', 'argv']) {
      expect(await gage(['run', op, '-y'], opts)).toEqual({ code: 0, signal: null, stdout: `${dir}/gage.toml\n`, stderr: '' });
    }
    expect(await gage(['run', 'quoted', '-y'], opts)).toEqual({ code: 0, signal: null, stdout: '8\n', stderr: '' });
    expect(await pwned(box.root)).toEqual([]);
    const list = await gage(['list', '--json'], opts);
    expect((JSON.parse(list.stdout) as { namespace: string }[]).map((r) => r.namespace)).toEqual(Array(3).fill("inj$(touch${IFS}PWNED)_it's"));
  });

  test('a project dir with a space in its name runs (namespace with _), and leaves no empty meta dir', async () => {
    const dir = join(box.root, 'my project');
    await mkdir(dir);
    await writeFile(join(dir, 'gage.toml'), '[op]\nexec = "node -e 0"\n');
    const opts = { ...box.opts, cwd: dir };
    for (let i = 0; i < 2; i++) expect(await gage(['run', 'op', '-y'], opts)).toEqual({ code: 0, signal: null, stdout: '', stderr: '' });
    expect((await entries(box.runs)).filter((n) => n.endsWith('.meta'))).toHaveLength(2);
    const runs = await listRuns(box.runs);
    expect(runs.map((r) => r.opref)).toEqual([{ ns: 'my_project', name: 'op' }, { ns: 'my_project', name: 'op' }]);
    expect((await gage(['list'], opts)).stdout).toMatch(/^\| 1 \| \w+ +\| op +\|/m); // the project's own namespace: no prefix
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });
});

describe('$runs-dir = "." (issue 12)', () => {
  test('runs in the project dir are never copied into the next run', async () => {
    await writeFile(join(box.project, 'gage.toml'), '"$runs-dir" = "."\n\n[work]\nexec = "node -e 0"\nsourcecode = ["**/*"]\n');
    await writeFile(join(box.project, 'main.txt'), 'main\n');
    const opts = { ...box.opts, env: {} }; // no GAGE_RUNS: the Gage file's setting
    for (let i = 0; i < 3; i++) expect(await gage(['run', 'work', '-y', '-l', `n${i}`], opts)).toMatchObject({ code: 0, stderr: '' });
    await gage(['rm', '-y', '1'], opts); // a deleted run (<id>.meta.deleted) too
    expect((await gage(['run', 'work', '-y'], opts)).code).toBe(0);
    const runs = await listRuns(box.project, { deleted: false });
    expect(runs).toHaveLength(3);
    for (const run of runs) {
      const copied = readFilesLogSync(run).filter((e) => e.type === 's').map((e) => e.path).sort();
      expect(copied).toEqual(['gage.toml', 'main.txt']);
      expect((await readdir(run.runDir)).sort()).toEqual(['gage.toml', 'main.txt']);
    }
    expect((await checkRunsDir(box.project)).problems).toEqual([]);
  });
});
