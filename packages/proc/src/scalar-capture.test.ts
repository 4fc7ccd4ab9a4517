import { afterEach, describe, expect, test } from '@jest/globals';
import { readMetaFileSync } from '@gage/meta';
import { parseJson } from '@gage/types';
import { execRun } from './exec-run.js';
import { finalizeRun } from './finalize-run.js';
import { iterRunScalars, parseScalarLine, readRunScalarsSync, summarizeScalars } from './run-scalars.js';
import { ScalarCapture, scalarPatterns, type ScalarPatterns } from './scalar-capture.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeStagedRun, runnerLog } from '../test/helpers.js';
import { cleanupTestdirs, testdir } from '@gage/test-utils';

afterEach(cleanupTestdirs);

/** A staged run of `node -e <script>` whose op has `extra` fields. */
async function run(script: string, extra: Record<string, unknown> = {}) {
  return makeStagedRun({}, ['node', '-e', script], { data: extra as Record<string, never> });
}

describe('scalars from the output (decision 20)', () => {
  test('default pattern: both streams, step from the line, else the last step, else a counter; lasts become metrics', async () => {
    const r = await run([
      'console.log("loss: 0.9")',
      'console.log("loss: 0.8 acc: 0.1")',
      'console.log("Epoch 1/10")',
      'console.error("step 5 loss 0.5 acc 0.5")',
      'console.log("acc=0.6")',
      'console.log("version: 1.2.3")',
    ].join(';'));
    await finalizeRun(r, await execRun(r));
    const points = readRunScalarsSync(r).map((p) => [p.key, p.step, p.value]);
    // Output order across the two streams is not fixed: compare as a set, then check the steps.
    expect(points).toEqual(expect.arrayContaining([
      ['loss', 0, 0.9],
      ['loss', 1, 0.8],
      ['acc', 0, 0.1],
      ['loss', 5, 0.5],
      ['acc', 5, 0.5],
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

describe('ScalarCapture.lastValues: the metrics without reading the file back', () => {
  /** Feeds `chunks` to a capture and returns its last values and what the file it wrote summarizes to. */
  async function captured(chunks: string[], patterns: ScalarPatterns) {
    const dir = await testdir();
    const path = join(dir, 'scalars');
    const capture = new ScalarCapture(path, patterns);
    chunks.forEach((c, i) => capture.chunk([Buffer.from(c)], 1_000 + i));
    capture.close();
    const points = (await readFile(path, 'utf8').catch(() => '')).split('\n').map(parseScalarLine).filter((p) => p !== undefined);
    const fromFile = (await summarizeScalars(points)).map((s) => [s.key, s.last]);
    return { last: [...capture.lastValues], fromFile };
  }

  test('default pattern over chunks: keys first seen in later chunks, values JSON cannot spell, a key missing from a chunk', async () => {
    const { last, fromFile } = await captured([
      'step 1 loss 0.5 acc .25\nnoise line\n',
      'loss: +3 lr=1e-3\nacc: nan\n',
      'step 9 val_loss inf\nlr=5.\n',
      'Epoch 3/10\n',
      'loss: -infinity\n',
    ], 'default');
    expect(last).toEqual(fromFile);
    expect(last).toEqual([['loss', -Infinity], ['acc', NaN], ['lr', 5], ['val_loss', Infinity]]);
  });

  test('patterns', async () => {
    const { last, fromFile } = await captured(['it 1: L=0.5\nit 2: L=0.25\n', 'it 3: L=007\n'], [/it (?<step>\d+): L=(?<loss>[\d.]+)/]);
    expect(last).toEqual(fromFile);
    expect(last).toEqual([['loss', 7]]);
  });

  test('execRun hands them to the caller (onScalars), and finalizeRun uses what it is given instead of the file', async () => {
    const r = await run('console.log("step 1 loss 0.5 acc 0.25"); console.log("loss: 0.125")');
    let given: ReadonlyMap<string, number> | undefined;
    const status = await execRun(r, { onScalars: (lastValues) => (given = lastValues) });
    expect(given && [...given]).toEqual([['loss', 0.125], ['acc', 0.25]]);
    // A map that differs from the file shows that the file is not read back.
    await finalizeRun(r, status, { scalars: new Map([['loss', 2]]) });
    expect(parseJson(readMetaFileSync(r, 'summary.json') as string)).toEqual({ attributes: {}, metrics: { loss: 2 } });
  });
});
