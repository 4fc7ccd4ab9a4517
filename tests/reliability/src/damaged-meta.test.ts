import { execFile } from 'node:child_process';
import { chmod, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync } from '@gage/meta';
import type { Run } from '@gage/types';
import { gage, makeSandbox, STACK_LINE, type Sandbox } from './_helpers.js';

let box: Sandbox;
let runs: Run[];
beforeEach(async () => {
  box = await makeSandbox({ 'gage.toml': '[a]\nexec = "node -e \\"console.log(1)\\""\n' });
  for (let i = 0; i < 6; i++) expect((await gage(['run', '-y', '-q'], box.opts)).code).toBe(0);
  runs = await listRuns(box.runs, { sort: ['-timestamp'] });
  await execFile('chmod', ['-R', 'u+w', box.runs], () => undefined);
  for (const run of runs) await chmod(run.metaDir, 0o755);
});
afterEach(async () => {
  await box.dispose();
});

async function damage(run: Run, rel: string, content: string | undefined): Promise<void> {
  const path = join(run.metaDir, rel);
  await chmod(path, 0o644).catch(() => undefined);
  if (content === undefined) await rm(path);
  else await writeFile(path, content);
}

describe('meta dirs damaged by hand', () => {
  test('missing id, garbage opref, truncated index, wrong __schema__, garbage config and exit: list and show still work', async () => {
    const [r0, r1, r2, r3, r4] = runs as [Run, Run, Run, Run, Run];
    await damage(r0, 'id', undefined);
    await damage(r1, 'opref', 'garbage\n');
    await chmod(join(r2.metaDir, 'output', '40_run.index'), 0o644);
    await truncate(join(r2.metaDir, 'output', '40_run.index'), 5);
    await damage(r3, '__schema__', '2');
    await damage(r3, 'config.json', '{"a":');
    await damage(r4, 'proc/exit', 'x');

    const list = await gage(['list'], box.opts);
    expect(list.code).toBe(0);
    expect(list.stderr).toContain(`WARNING: Cannot load run "${r1.metaDir}": invalid opref encoding`);
    expect(list.stderr).toContain(`Invalid exit status in "${r4.metaDir}": x`);
    expect(list.stderr).not.toMatch(STACK_LINE);
    const listed = list.stdout.split('\n').filter((l) => /^\| \d/.test(l));
    expect(listed).toHaveLength(5); // every run but the one without an op ref

    const reported = new Map<Run, RegExp[]>([
      [r0, [/id is missing/]],
      [r2, [/output\/40_run\.index is truncated \(5 bytes/]],
      [r3, [/__schema__ is '2', this Gage reads schema 1/, /config\.json is not valid JSON: Expecting value: line 1 column 6/]],
      [r4, [/proc\/exit is not an integer: 'x'/]],
    ]);
    for (const [run, problems] of reported) {
      const show = await gage(['show', run.id], box.opts);
      expect({ id: run.id, code: show.code, trace: STACK_LINE.test(show.stderr) }).toEqual({ id: run.id, code: 0, trace: false });
      expect(show.stdout).toContain(run.id);
      for (const problem of problems) expect(show.stderr).toMatch(new RegExp(`^WARNING: run ${run.id}: ${problem.source}`, 'm'));
    }
    const healthy = await gage(['show', (runs[5] as Run).id], box.opts);
    expect(healthy.stderr).not.toContain('WARNING: run ');
    const output = await gage(['show', '-o', r2.id], box.opts);
    expect(output.code).toBe(0);
    expect(output.stderr).not.toMatch(STACK_LINE);
    const config = await gage(['show', '-c', r3.id], box.opts);
    expect(config.stderr).not.toMatch(STACK_LINE);
    expect(config.stderr).not.toMatch(/bug in Gage/);
    expect(config.code).toBe(0);
    expect(config.stderr).toMatch(/config\.json is not valid JSON/);
    // The damaged runs are still evidence: nothing was rewritten.
    expect(readMetaFileSync(r3, 'config.json')).toBe('{"a":');
    expect((await gage(['run', '-y', '-q'], box.opts)).code).toBe(0);
  });
});
