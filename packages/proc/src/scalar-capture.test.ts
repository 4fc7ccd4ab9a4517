import { afterEach, describe, expect, test } from '@jest/globals';
import { readMetaFileSync } from '@gage/meta';
import { parseJson } from '@gage/types';
import { execRun } from './exec-run.js';
import { finalizeRun } from './finalize-run.js';
import { iterRunScalars, parseScalarLine, readRunScalarsSync, summarizeScalars } from './run-scalars.js';
import { scalarPatterns } from './scalar-capture.js';
import { makeStagedRun, runnerLog } from '../test/helpers.js';
import { cleanupTestdirs } from '@gage/test-utils';

afterEach(cleanupTestdirs);

/** A staged run of `node -e <script>` whose op has `extra` fields. */
async function run(script: string, extra: Record<string, unknown> = {}) {
  return makeStagedRun({}, ['node', '-e', script], { data: extra as Record<string, never> });
}

describe('scalars from the output (decision 20)', () => {
  test('default pattern: both streams, step from the line, else the last step, else a counter; lasts become metrics', async () => {
    const r = await run([
      'console.log("loss: 0.9")', 'console.log("loss: 0.8 acc: 0.1")', 'console.log("Epoch 1/10")',
      'console.error("step 5 loss 0.5 acc 0.5")', 'console.log("acc=0.6")', 'console.log("version: 1.2.3")',
    ].join(';'));
    await finalizeRun(r, await execRun(r));
    const points = readRunScalarsSync(r).map((p) => [p.key, p.step, p.value]);
    // Output order across the two streams is not fixed: compare as a set, then check the steps.
    expect(points).toEqual(expect.arrayContaining([
      ['loss', 0, 0.9], ['loss', 1, 0.8], ['acc', 0, 0.1], ['loss', 5, 0.5], ['acc', 5, 0.5],
    ]));
    expect(points).toHaveLength(6);
    const summary = parseJson(readMetaFileSync(r, 'summary.json') as string);
    expect(summary).toEqual({ attributes: {}, metrics: { loss: 0.5, acc: expect.any(Number) } });
    expect(await runnerLog(r)).toContain('Using the last value of 2 scalars as metrics');
  });

  test('the summary wins over a scalar of the same name', async () => {
    const r = await run('console.log("loss: 0.5 acc: 0.7"); require("fs").writeFileSync("summary.json", \'{"metrics": {"loss": 0.1}}\')');
    await finalizeRun(r, await execRun(r));
    expect(parseJson(readMetaFileSync(r, 'summary.json') as string)).toEqual({ attributes: {}, metrics: { loss: 0.1, acc: 0.7 } });
  });

  test('output-scalars: false turns it off; patterns use named groups and step', async () => {
    const off = await run('console.log("loss: 0.5")', { 'output-scalars': false });
    await finalizeRun(off, await execRun(off));
    expect(readMetaFileSync(off, 'scalars')).toBeUndefined();
    expect(readMetaFileSync(off, 'summary.json')).toBeUndefined();
    const custom = await run('console.log("it 7: L=0.25 (best)"); console.log("loss: 9")', { 'output-scalars': ['it (?P<step>\\d+): L=(?<loss>[\\d.]+)'] });
    await finalizeRun(custom, await execRun(custom));
    expect(readRunScalarsSync(custom).map((p) => [p.key, p.step, p.value])).toEqual([['loss', 7, 0.25]]);
  });

  test('NaN and infinities are kept as floats', async () => {
    const r = await run('console.log("loss: nan"); console.log("grad: inf")');
    await finalizeRun(r, await execRun(r));
    expect(readRunScalarsSync(r).map((p) => p.value)).toEqual([NaN, Infinity]);
    expect(readMetaFileSync(r, 'summary.json')).toContain('"loss": NaN');
  });

  test('a run that prints no scalars has no scalars file', async () => {
    const r = await run('console.log("hello")');
    await execRun(r);
    expect(readMetaFileSync(r, 'scalars')).toBeUndefined();
  });

  test('many lines: streaming read and summary', async () => {
    const r = await run('let s = ""; for (let i = 0; i < 20000; i++) s += `step ${i} loss ${1 / (i + 1)}\\n`; process.stdout.write(s)');
    await execRun(r);
    const stats = await summarizeScalars(iterRunScalars(r));
    expect(stats).toEqual([{ key: 'loss', last: 1 / 20000, min: 1 / 20000, max: 1, count: 20000, lastStep: 19999 }]);
  });
});

test('scalarPatterns() reads output-scalars; bad patterns are problems', () => {
  expect(scalarPatterns(undefined).patterns).toBe('default');
  expect(scalarPatterns(true).patterns).toBe('default');
  expect(scalarPatterns(false).patterns).toBeUndefined();
  expect(scalarPatterns('(?P<a>\\d+)').patterns).toEqual([/(?<a>\d+)/]);
  expect(scalarPatterns(['(', 'x=\\d']).problems).toEqual([
    expect.stringMatching(/^output-scalars pattern "\(": Invalid regular expression/),
    'output-scalars pattern "x=\\\\d" has no named group',
  ]);
});

test('parseScalarLine() skips torn or foreign lines', () => {
  expect(parseScalarLine('{"k":"a","s":1,"v":2,"t":3}')).toEqual({ key: 'a', step: 1, value: 2, time: 3 });
  expect(parseScalarLine('{"k":"a","s":1,"v":2,"t"')).toBeUndefined();
  expect(parseScalarLine('{"k":"a","s":1,"v":abc,"t":3}')).toBeUndefined();
});
