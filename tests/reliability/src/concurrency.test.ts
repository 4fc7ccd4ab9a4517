import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { associateProject, initRunMetaSync, listRuns, makeRun, readManifestSync, readMetaFileSync, runStatus, runUserAttrs } from '@gage/meta';
import { OpCmd, OpDef, OpRef } from '@gage/types';
import { checkRunsDir } from './_check-runs.js';
import { gage, makeSandbox, scale, sleep, type Sandbox } from './_helpers.js';
import { WORK_PROJECT } from './_projects.js';

const PARALLEL_RUNS = scale(8, 20);
const START_RACES = scale(3, 10);
const MUTATORS = scale(6, 16);
const RACED_RUNS = scale(40, 150);

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox(WORK_PROJECT);
});
afterEach(async () => {
  await box.dispose();
});

describe('load and concurrency', () => {
  test(`${PARALLEL_RUNS} gage run processes at once into one runs dir: all complete, distinct ids and dirs`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL_RUNS }, (_, i) => gage(['run', 'work', '-y', `tag=p${i}`, 'ms=300'], box.opts)),
    );
    for (const [i, res] of results.entries()) {
      expect({ i, code: res.code, stderr: res.stderr }).toEqual({ i, code: 0, stderr: '' });
      expect(res.stdout).toBe(`start p${i}\nend p${i}\n`);
    }
    const runs = await listRuns(box.runs);
    expect(runs).toHaveLength(PARALLEL_RUNS);
    expect(new Set(runs.map((r) => r.id)).size).toBe(PARALLEL_RUNS);
    expect(new Set(runs.map((r) => r.runDir)).size).toBe(PARALLEL_RUNS);
    const tags = new Set<string>();
    for (const run of runs) {
      expect(await runStatus(run)).toBe('completed');
      const result = await readFile(join(run.runDir, 'result.txt'), 'utf8');
      const [, tag, id] = result.split(' ');
      expect(id).toBe(run.id); // the run's own process wrote into its own dir
      tags.add(tag as string);
      expect(readMetaFileSync(run, 'output/40_run')).toBe(`start ${tag}\nend ${tag}\n`);
      expect(readManifestSync(run)?.length).toBeGreaterThan(0);
    }
    expect(tags.size).toBe(PARALLEL_RUNS);
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
    expect((await readdir(box.runs)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });

  test(`two gage run --start of one staged run at once: exactly one runs it (${START_RACES} races)`, async () => {
    for (let race = 0; race < START_RACES; race++) {
      const staged = await gage(['run', 'work', '-y', '--stage', `tag=r${race}`], box.opts);
      expect(staged.code).toBe(0);
      const [run] = (await listRuns(box.runs, { sort: ['-timestamp'] })).filter((r) => r.id && staged.stdout.includes(r.name));
      if (!run) throw new Error('no staged run');
      expect(await runStatus(run)).toBe('staged');
      const [a, b] = await Promise.all([0, 1].map(() => gage(['run', '--start', run.id, '-y'], box.opts)));
      const codes = [a?.code, b?.code].sort();
      expect(codes).toEqual([0, 1]);
      const loser = a?.code === 1 ? a : b;
      expect([
        `gage: Run "${run.id}" is in use by another process\n`,
        `gage: Run "${run.id}" is 'completed'\n\nOnly staged runs can be started with '--start'.\n`,
      ]).toContain(loser?.stderr);
      expect(loser?.stdout).toBe('');
      expect(await runStatus({ ...run })).toBe('completed');
      const runner = await readFile(join(run.metaDir, 'log', 'runner'), 'utf8');
      expect(runner.match(/Starting run process/g)).toHaveLength(1);
      expect(readMetaFileSync(run, 'output/40_run')).toBe(`start r${race}\nend r${race}\n`);
    }
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });

  test(`${MUTATORS} processes label the same runs at once: every label is a whole one of those set`, async () => {
    for (let i = 0; i < 3; i++) expect((await gage(['run', 'work', '-y', '-q', 'ms=0'], box.opts)).code).toBe(0);
    const labels = Array.from({ length: MUTATORS }, (_, i) => `label-${i}`);
    const results = await Promise.all(labels.map((l) => gage(['label', '-s', l, '-a', '-y'], box.opts)));
    for (const res of results) expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: 'Set label for 3 runs\n' });
    for (const run of await listRuns(box.runs)) {
      const attrs = await runUserAttrs(run);
      expect(labels).toContain(attrs.label);
    }
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });

  test(`${MUTATORS} processes delete and restore the same runs at once: each run ends active or deleted, never lost`, async () => {
    for (let i = 0; i < 3; i++) expect((await gage(['run', 'work', '-y', '-q', 'ms=0'], box.opts)).code).toBe(0);
    const ids = (await listRuns(box.runs)).map((r) => r.id).sort();
    const results = await Promise.all(
      Array.from({ length: MUTATORS }, (_, i) => gage(i % 2 === 0 ? ['rm', '-y', '-a'] : ['restore', '-y', '-a'], box.opts)),
    );
    for (const res of results) {
      // Each command either did its work, found nothing to do, or met a run another process held.
      expect([0, 1]).toContain(res.code);
      if (res.code === 1) expect(res.stderr).toMatch(/^gage: (Run "[^"]+" is in use by another process|Nothing selected)\n/);
      expect(res.stderr).not.toMatch(/bug in Gage|\n\s+at /);
    }
    const active = (await listRuns(box.runs)).map((r) => r.id);
    const deleted = (await listRuns(box.runs, { deleted: true })).map((r) => r.id);
    expect([...active, ...deleted].sort()).toEqual(ids);
    expect(active.filter((id) => deleted.includes(id))).toEqual([]);
    for (const id of ids) {
      expect(await readFile(join(box.runs, id, 'result.txt'), 'utf8')).toContain(id);
    }
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
    expect((await gage(['restore', '-y', '-a'], box.opts)).code).toBe(0);
    expect((await listRuns(box.runs)).map((r) => r.id).sort()).toEqual(ids);
  });

  test(`labels racing rm -p --all of ${RACED_RUNS} runs: no .user dir outlives its run, no label is claimed for a deleted run`, async () => {
    // Made with @gage/meta directly: a gage run each would take minutes.
    for (let i = 0; i < RACED_RUNS; i++) {
      const run = await makeRun(box.runs);
      initRunMetaSync(run, OpRef('p', 'work'), OpDef('work', { exec: 'x' }), {}, OpCmd('x'));
      await associateProject(run, box.project);
    }
    // Labels started one after another while rm runs, so that some label while rm removes.
    const labelling = (async () => {
      const started = [];
      for (let i = 0; i < 6; i++) {
        started.push(gage(['label', '-s', `race-${i}`, '-a', '-y'], box.opts));
        await sleep(100);
      }
      return Promise.all(started);
    })();
    // rm meets the locks the labels hold now and then: it changes nothing then, and is run again.
    let removed = false;
    while (!removed) {
      const rm = await gage(['rm', '-p', '-a', '-y'], box.opts);
      expect(rm.stderr).not.toMatch(/bug in Gage|\n\s+at /);
      removed = rm.code === 0 || rm.stderr === 'gage: Nothing selected\n';
      if (!removed) expect(rm.stderr).toMatch(/^gage: Run "[^"]+" is in use by another process\n$/);
    }
    const labels = await labelling;
    for (const res of labels) {
      if (res.code === 1 && res.stderr === 'gage: Nothing selected\n') continue; // it listed after rm was done
      expect(res.code).toBe(0);
      const lines = res.stderr.trimEnd().split('\n');
      const skipped = lines.filter((l) => /^Skipped run "[^"]+": it was deleted meanwhile$/.test(l)).length;
      const set = Number(/^Set label for (\d+) runs?$/.exec(lines.at(-1) ?? '')?.[1]);
      expect(lines).toHaveLength(skipped + 1);
      expect(set + skipped).toBeLessThanOrEqual(RACED_RUNS);
    }
    // Whatever the interleaving, nothing of a deleted run is left (a label on a vanished run is taken back).
    expect((await readdir(box.runs)).filter((n) => !n.endsWith('.lock'))).toEqual([]);
  });
});
