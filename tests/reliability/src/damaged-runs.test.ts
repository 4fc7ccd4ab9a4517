import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, open, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readManifestSync, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { waitFor } from '@gage/test-utils';
import { expectNoCrash, gage, makeSandbox, spawnGage, STACK_LINE, type Sandbox } from './_helpers.js';

/**
 * Runs damaged in ways the hostile-testing report (issue 12) found to break
 * the whole runs dir: each damaged run must list (as what it is), show, take
 * a label and be deleted, and the other runs must not notice.
 */
let box: Sandbox;
let runs: Run[];
beforeEach(async () => {
  box = await makeSandbox({ 'gage.toml': '[a]\nexec = "node -e \\"console.log(1)\\""\n' });
  for (let i = 0; i < 3; i++) expect((await gage(['run', '-y', '-q'], box.opts)).code).toBe(0);
  runs = await listRuns(box.runs, { sort: ['-timestamp'] });
  await new Promise((resolve) => execFile('chmod', ['-R', 'u+w', box.runs], resolve));
});
afterEach(async () => {
  await box.dispose();
});

const g = (args: string[]) => gage(args, box.opts);
const rows = (stdout: string) => stdout.split('\n').filter((l) => /^\| \d/.test(l));

describe('damaged runs stay listable, showable and deletable', () => {
  test.each(['2147483648', '4294967296', 'garbage'])('a proc/lock holding %s: list, show, label and rm work', async (pid) => {
    const [damaged] = runs as [Run];
    await rm(join(damaged.metaDir, 'proc', 'exit'));
    await writeFile(join(damaged.metaDir, 'proc', 'lock'), pid);
    const list = await g(['list']);
    expectNoCrash(list);
    expect(list.code).toBe(0);
    expect(rows(list.stdout)).toHaveLength(3);
    expect(rows(list.stdout)[0]).toMatch(/\| terminated \|/);
    expect(list.stderr).toContain(`WARNING: Invalid pid in "proc/lock" of "${damaged.metaDir}": ${pid}`);
    const show = await g(['show', damaged.id]);
    expect(show.code).toBe(0);
    expect(show.stderr).toContain(`WARNING: run ${damaged.id}: proc/lock does not hold a process id: '${pid}'`);
    expect((await g(['label', '-s', 'seen', '-a', '-y'])).stderr).toMatch(/Set label for 3 runs\n$/);
    const del = await g(['rm', '-y', damaged.id]);
    expect({ code: del.code, last: del.stderr.trimEnd().split('\n').at(-1) }).toEqual({ code: 0, last: 'Deleted 1 run' });
    expect((await g(['purge', '-a', '-y'])).code).toBe(0);
    expect((await listRuns(box.runs)).map((r) => r.id).sort()).toEqual(runs.slice(1).map((r) => r.id).sort());
  });

  test('summary values that are objects holding integers: list, compare, show and --json show them', async () => {
    const [run] = runs as [Run];
    await writeFile(join(run.metaDir, 'summary.json'), '{"attributes": {"shape": {"rows": 3, "cols": [1, 2]}}, "metrics": {"m": {"x": 4}}}');
    const list = await g(['list']);
    expectNoCrash(list);
    expect(list.code).toBe(0);
    expect(rows(list.stdout)).toHaveLength(3);
    const compare = await g(['compare', run.id]);
    expectNoCrash(compare);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain('{"x":4}');
    for (const args of [['show', run.id], ['show', '-s', run.id]]) {
      const show = await g(args);
      expectNoCrash(show);
      expect(show.code).toBe(0);
      expect(show.stdout).toContain('{"rows":3,"cols":[1,2]}');
    }
    for (const args of [['show', '--json', run.id], ['list', '--json']]) {
      const json = await g(args);
      expect(json.code).toBe(0);
      expect(json.stdout).toContain('"rows": 3');
    }
  });

  test('an id file naming another run: show says so', async () => {
    const [a, b] = runs as [Run, Run];
    await writeFile(join(b.metaDir, 'id'), a.id);
    const show = await g(['show', '2']); // b, listed under a's id
    expect(show.code).toBe(0);
    expect(show.stderr).toContain(`WARNING: run ${a.id}: id holds '${a.id}', not the id of its meta dir '${b.id}': the run is shown with another run's id`);
    const healthy = await g(['show', '1']);
    expect(healthy.stderr).not.toContain('WARNING');
  });

  test('FIFOs as meta files (proc/exit, summary.json, a label entry, the project ref) are never waited for', async () => {
    const [run] = runs as [Run];
    await rm(join(run.metaDir, 'proc', 'exit'));
    execFileSync('mkfifo', [join(run.metaDir, 'proc', 'exit'), join(run.metaDir, 'summary.json')]);
    await mkdir(`${run.runDir}.user`);
    execFileSync('mkfifo', [join(`${run.runDir}.user`, '018cc251-f400-4000-8000-000000000000.json')]);
    await rm(`${run.runDir}.project`);
    execFileSync('mkfifo', [`${run.runDir}.project`]);
    for (const args of [['list'], ['list', '--json'], ['show', run.id], ['show', '-o', run.id], ['select', '--label', run.id]]) {
      const res = await g(args); // a blocked open would hang here, beyond Ctrl-C
      expectNoCrash(res);
      expect({ args, code: res.code }).toEqual({ args, code: 0 });
    }
    expect((await g(['list'])).stderr).toContain(`Cannot read "proc/exit" in "${run.metaDir}": EFTYPE: not a regular file`);
    expect((await g(['rm', '-p', '-y', run.id])).code).toBe(0);
  });

  test('a regular file at <id>.lock gives a clear error; a lock dir dated in the future does not block for ever', async () => {
    const [a, b] = runs as [Run, Run];
    await writeFile(`${a.runDir}.lock`, '');
    for (const age of [0, 60_000]) {
      const when = (Date.now() - age) / 1000;
      await utimes(`${a.runDir}.lock`, when, when);
      const res = await g(['rm', '-y', a.id]);
      expectNoCrash(res);
      expect(res.code).toBe(1);
      expect(res.stderr).toBe(
        `gage: Cannot lock run "${a.id}": "${a.runDir}.lock" is not a lock directory\n\n` +
          `Gage makes run locks as directories. If no Gage process is using the run, remove "${a.runDir}.lock" and try again.\n`,
      );
    }
    await mkdir(`${b.runDir}.lock`);
    const future = new Date('2099-01-01T00:00:00Z');
    await utimes(`${b.runDir}.lock`, future, future);
    const res = await g(['rm', '-p', '-y', b.id]);
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: 'Permanently deleted 1 run\n' });
    expect((await readdir(box.runs)).filter((n) => n.startsWith(b.id))).toEqual([]);
  });

  test('a meta dir deleted during its run: a clear error, and no partial meta dir is made again', async () => {
    await writeFile(join(box.project, 'gage.toml'), '[a]\nexec = "node -e \\"setTimeout(() => console.log(2), 1500)\\""\n');
    const p = spawnGage(['run', '-y'], box.opts);
    const known = new Set(runs.map((r) => r.metaDir));
    let metaDir = '';
    // Once the new run's process runs (proc/lock written), its meta dir goes.
    await waitFor(async () => {
      for (const name of await readdir(box.runs)) {
        const dir = join(box.runs, name);
        if (!name.endsWith('.meta') || known.has(dir)) continue;
        if ((await readFile(join(dir, 'proc', 'lock'), 'utf8').catch(() => '')) !== '') metaDir = dir;
      }
      return metaDir !== '';
    });
    await rm(metaDir, { recursive: true, force: true });
    const res = await p.result;
    expectNoCrash(res);
    expect(res.code).toBe(1);
    const id = metaDir.slice(box.runs.length + 1, -'.meta'.length);
    expect(res.stderr).toContain(`gage: Run "${id}" no longer exists: its meta dir "${metaDir}" was deleted\n`);
    expect(res.stderr).not.toContain('initRunMeta');
    expect((await readdir(box.runs)).filter((n) => n.startsWith(`${id}.meta`))).toEqual([]);
    const check = await g(['check']);
    expect(check.stderr).toContain("belong to no run (left by interrupted deletes); remove them with 'gage purge --all'");
    expect((await g(['purge', '-a', '-y'])).code).toBe(0);
    expect((await readdir(box.runs)).filter((n) => n.startsWith(id))).toEqual([]);
  });

  test('a generated symlink to a huge file outside the run is digested as a link, never read', async () => {
    const huge = join(box.root, 'huge.bin');
    const fh = await open(huge, 'w');
    await fh.truncate(1024 * 1024 * 1024); // 1 GB, sparse
    await fh.close();
    await writeFile(join(box.project, 'gage.toml'), `[a]\nexec = ["node", "link.cjs", ${JSON.stringify(huge)}]\n`);
    await writeFile(join(box.project, 'link.cjs'), "require('fs').symlinkSync(process.argv[2], 'data')\n");
    const probe = join(box.root, 'probe.mjs');
    const ioOut = join(box.root, 'io.txt');
    await writeFile(probe,
      `import { readFileSync, writeFileSync } from 'node:fs';\nprocess.on('exit', () => { try { writeFileSync(${
        JSON.stringify(ioOut)
      }, readFileSync('/proc/self/io', 'utf8')); } catch {} });\n`);
    const res = await gage(['run', '-y', '-q'], { ...box.opts, nodeArgs: ['--import', probe] });
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    const [run] = await listRuns(box.runs, { sort: ['-timestamp'] });
    const entry = readManifestSync(run as Run)?.find((e) => e.path === 'data');
    expect(entry).toMatchObject({ type: 'g' });
    const rchar = Number(/rchar: (\d+)/.exec(await readFile(ioOut, 'utf8'))?.[1]);
    expect(rchar).toBeLessThan(100 * 1024 * 1024); // node reads ~10 MB itself; the 1 GB target is never read
    expect(await runStatus(run as Run)).toBe('completed');
  });
});

describe('an interrupted permanent delete', () => {
  test('Ctrl-C in the middle of rm -p of a big run leaves a deleted run that purge finishes', async () => {
    const [big] = runs as [Run];
    await chmod(big.runDir, 0o755);
    // Many small files: removing them takes long enough to be interrupted.
    for (let d = 0; d < 40; d++) {
      await mkdir(join(big.runDir, `d${d}`));
      await Promise.all(Array.from({ length: 500 }, (_, f) => writeFile(join(big.runDir, `d${d}`, `f${f}`), 'x')));
    }
    await mkdir(`${big.runDir}.user`, { recursive: true });
    const p = spawnGage(['rm', '-p', '-y', big.id], { ...box.opts, detached: true });
    // Interrupt as soon as the removal began (the run left the list).
    await waitFor(async () => !(await readdir(box.runs)).includes(`${big.id}.meta`) || p.child.exitCode !== null);
    p.child.kill('SIGINT');
    const res = await p.result;
    const names = (await readdir(box.runs)).filter((n) => n.startsWith(big.id));
    if (res.code !== 0 || names.length > 0) {
      // Stopped half way: what is left is a deleted run, never a bare run dir or sidecar.
      expect(names).toContain(`${big.id}.meta.deleted`);
      expect((await listRuns(box.runs, { deleted: true })).map((r) => r.id)).toEqual([big.id]);
      expect((await g(['show', '-d', big.id])).stderr).toContain(`WARNING: run ${big.id}: a permanent delete of this run was interrupted`);
      const restore = await g(['restore', '-y', big.id]);
      expect(restore.stderr).toContain(`Run "${big.id}" was partly removed by an interrupted permanent delete and cannot be restored; purge it`);
      expect((await g(['purge', '-y', big.id])).code).toBe(0);
    }
    expect((await readdir(box.runs)).filter((n) => n.startsWith(big.id))).toEqual([]);
    expect((await listRuns(box.runs)).map((r) => r.id).sort()).toEqual(runs.slice(1).map((r) => r.id).sort());
    expect(STACK_LINE.test(res.stderr)).toBe(false);
  });
});
