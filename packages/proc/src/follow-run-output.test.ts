import { afterEach, describe, expect, test } from '@jest/globals';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { fixtureCmd, makeStagedRun, steps } from '../test/helpers.js';
import { execRun } from './exec-run.js';
import { followRunOutput } from './follow-run-output.js';

afterEach(cleanupTestdirs);

describe('followRunOutput()', () => {
  test('yields lines while the run writes them and ends when the run stops', async () => {
    // The run goes on only once the first line was yielded (or after 60 s: then it ended before that line came).
    // Each other write waits until the one before it is in the output: only then is the arrival order the writing order.
    const seenFirst = join(await testdir(), 'seen-first');
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(
      ['out', 'one\n'],
      ['await', [seenFirst, 1]],
      ['err', 'two\n'],
      ['await', ['output/40_run', 8]],
      ['out', 'three'],
    )));
    const done = execRun(run);
    const seen: [number, string, boolean][] = [];
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    for await (const line of followRunOutput(run, { pollMs: 20, isRunning: () => !finished })) {
      seen.push([line.stream, line.text, finished]);
      if (seen.length === 1) await writeFile(seenFirst, 'y');
    }
    expect(await done).toBe(0);
    expect(seen.map(([stream, text]) => [stream, text])).toEqual([[0, 'one'], [1, 'two'], [0, 'three']]);
    // The first lines arrived while the run was still going.
    expect(seen[0]?.[2]).toBe(false);
  });

  test('a last stderr line without LF, then more stdout: each line apart, with its own stream', async () => {
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(
      ['err', 'ERR'],
      ['close', 'err'],
      ['await', ['output/40_run', 3]], // ERR is written once its pipe ended: stdout comes after it
      ['out', 'out\n'],
      ['sleep', 200],
      ['out', 'OUT'],
    )));
    const done = execRun(run);
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    const seen: [number, string][] = [];
    for await (const line of followRunOutput(run, { pollMs: 20, isRunning: () => !finished })) seen.push([line.stream, line.text]);
    expect(await done).toBe(0);
    expect(seen).toEqual([[1, 'ERR'], [0, 'out'], [0, 'OUT']]);
  });

  test('by default follows while runStatus says running', async () => {
    // The run ends only once its first line was followed (or after 60 s), so it is running until then.
    const seenFirst = join(await testdir(), 'seen-first');
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['out', 'a\n'], ['await', [seenFirst, 1]], ['out', 'b\n'])));
    const done = execRun(run);
    while (!await stat(`${run.metaDir}/proc/lock`).then(() => true, () => false)) await new Promise((r) => setTimeout(r, 10));
    const texts: string[] = [];
    for await (const line of followRunOutput(run, { pollMs: 20 })) {
      texts.push(line.text);
      if (texts.length === 1) await writeFile(seenFirst, 'y');
    }
    await done;
    expect(texts).toEqual(['a', 'b']);
  });

  test('stops when the signal aborts', async () => {
    const run = await makeStagedRun({}, fixtureCmd('sleep.mjs', '60000'));
    const runController = new AbortController();
    const done = execRun(run, { signal: runController.signal });
    const controller = new AbortController();
    const texts: string[] = [];
    for await (const line of followRunOutput(run, { pollMs: 20, signal: controller.signal, isRunning: () => true })) {
      texts.push(line.text);
      controller.abort();
    }
    expect(texts).toEqual(['started']);
    runController.abort();
    expect(await done).toBe(-2);
  });
});
