// `gage submit` and the `queued` status without a Slurm cluster (docs/spec/cli.md 5.23); the cluster tests
// are in submit-slurm.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { listRuns } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';
import { BIN, gage } from './_helpers.js';

let project: string;
let home: string;
let runsDir: string;

beforeEach(async () => {
  project = await testdir({ 'gage.toml': '[op]\nexec = "node -e 0"\n' });
  home = await testdir();
  runsDir = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

// No Slurm here: a PATH with node only, so squeue cannot answer.
const g = (args: string[]) =>
  gage(['--runs', runsDir, ...args], { cwd: project, home, gageCommand: ['node', BIN], env: { PATH: join(process.execPath, '..') } });

async function stagedRun(): Promise<{ id: string; metaDir: string }> {
  expect((await g(['run', 'op', '--stage', '-y'])).code).toBe(0);
  const [run] = await listRuns(runsDir);
  return run as { id: string; metaDir: string };
}

test('a run with a damaged submitted record is still queued: only its own task may start it', async () => {
  const run = await stagedRun();
  writeFileSync(join(run.metaDir, 'submitted'), 'garbage');
  const r = await g(['run', '--start', run.id, '-y']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`Run "${run.id}" is 'queued'`);
});

test('a queued run while Slurm cannot answer: queued? in the table, queued in --json, not startable here', async () => {
  const run = await stagedRun();
  writeFileSync(join(run.metaDir, 'submitted'), JSON.stringify({ backend: 'slurm', job: '5', task: '5_0', output: '/x/5_0.out', time: 1 }));
  expect((await g(['runs'])).stdout).toMatch(/\| queued\? \|/);
  expect(JSON.parse((await g(['runs', '--json'])).stdout)[0].status).toBe('queued');
  const start = await g(['run', '--start', run.id, '-y']);
  expect(start).toMatchObject({ code: 1, stderr: expect.stringContaining(`Run "${run.id}" is 'queued'`) });
  expect(start.stderr).toContain("To cancel the task, run 'gage stop");
  expect((await g(['submit', '--slurm', '-y', run.id])).stderr).toContain('It was submitted already; a run is submitted once.');
});
