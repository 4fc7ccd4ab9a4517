// A run's summary (decision 19): written at finalize, shown by show -s, list --json, cat --summary.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

let project: string;
let home: string;

const SUMMARY = JSON.stringify({ attributes: { type: 'example' }, metrics: { speed: 0.1, loss: { value: 0.25, label: 'Loss' }, bad: 'x' } });

beforeEach(async () => {
  project = await testdir({
    'gage.toml':
      '[default]\ndefault = true\nexec = "node s.cjs"\n\n[out]\nexec = "node o.cjs"\noutput-summary = "Summary:(.*)end"\n\n[sc]\nexec = "node sc.cjs"\nconfig = "sc.json"\n',
    'sc.json': '{"lr": 0.5}\n',
    'sc.cjs': 'for (let i = 0; i < 4; i++) console.log(`step ${i} loss ${1 / (i + 1)} acc ${i / 4}`);\nconsole.error("Epoch 1/10");\n',
    's.cjs': `require('fs').writeFileSync('summary.json', ${JSON.stringify(SUMMARY)});\n`,
    'o.cjs': 'console.log("Summary:"); console.log(JSON.stringify({metrics: {acc: 0.9}})); console.log("end");\n',
  });
  home = await testdir();
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[]) => gage(['--runs', join(home, 'runs'), ...args], { cwd: project, home });

test('a summary file: show -s lists attributes then metrics; a malformed value is a warning, the run completes', async () => {
  const run = await g(['run', '-y']);
  expect(run).toEqual({
    code: 0,
    stdout: '',
    stderr: `WARNING: summary file "summary.json": metric 'bad': expected a number (or {"value": <number>}), got a string\n`,
  });
  expect((await g(['show', '-s'])).stdout).toBe(
    '| name  | value   | type      |\n|-------|---------|-----------|\n| type  | example | attribute |\n| loss  | 0.25    | metric    |\n| speed | 0.1     | metric    |\n',
  );
  const [listed] = JSON.parse((await g(['list', '--json'])).stdout);
  expect(listed.summary).toEqual({ attributes: { type: 'example' }, metrics: { loss: { label: 'Loss', value: 0.25 }, speed: 0.1 } });
  expect(JSON.parse((await g(['cat', '--summary'])).stdout)).toEqual({ attributes: { type: 'example' },
    metrics: { loss: { label: 'Loss', value: 0.25 }, speed: 0.1 } });
});

test('an output summary by pattern', async () => {
  expect((await g(['run', 'out', '-y', '-q'])).code).toBe(0);
  expect((await g(['show', '-s'])).stdout).toBe('| name | value | type   |\n|------|-------|--------|\n| acc  | 0.9   | metric |\n');
});

test('scalars: show --scalars (table and --json); their last values are metrics; -c and -s with --json print only that part', async () => {
  expect((await g(['run', 'sc', '-y', '-q'])).code).toBe(0);
  expect((await g(['show', '--scalars'])).stdout).toBe(
    '| key  | last |  min |  max | count | step |\n' +
      '|------|------|------|------|-------|------|\n' +
      '| loss | 0.25 | 0.25 |  1.0 |     4 |    3 |\n' +
      '| acc  | 0.75 |  0.0 | 0.75 |     4 |    3 |\n',
  );
  expect(JSON.parse((await g(['show', '--scalars', '--json'])).stdout)).toEqual([
    { key: 'loss', last: 0.25, min: 0.25, max: 1, count: 4, lastStep: 3 },
    { key: 'acc', last: 0.75, min: 0, max: 0.75, count: 4, lastStep: 3 },
  ]);
  expect(JSON.parse((await g(['show', '-s', '--json'])).stdout)).toEqual({ attributes: {}, metrics: { acc: 0.75, loss: 0.25 } });
  expect((await g(['show', '-c', '--json'])).stdout).toBe('{\n  "lr": 0.5\n}\n');
  expect((await g(['show', '--scalars', '-c'])).code).toBe(1);
});
