import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { makeRunId } from './make-run-id.js';
import { makeRunTimestamp } from './make-run-timestamp.js';
import { makeRun } from './make-run.js';
import { runMetaDir } from './run-meta-dir.js';
import { runMetaPath } from './run-meta-path.js';
import { runStatus } from '../status/run-status.js';

let tmp: string;
beforeEach(async () => {
  tmp = await testdir();
});
afterEach(async () => {
  await removeTree(tmp);
});

describe('makeRunId()', () => {
  test('returns a lowercase random UUID v4', () => {
    const ids = new Set(Array.from({ length: 100 }, () => makeRunId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('makeRunTimestamp()', () => {
  test('returns epoch microseconds close to the clock', () => {
    const before = Date.now() * 1000;
    const ts = makeRunTimestamp();
    const after = Date.now() * 1000;
    expect(Number.isSafeInteger(ts)).toBe(true);
    expect(ts).toBeGreaterThanOrEqual(before - 1000);
    expect(ts).toBeLessThanOrEqual(after + 1000 + 10_000); // +1 steps of earlier calls
  });

  test('follows the system clock when the monotonic clock drifted from it (a long-lived process, an adjusted clock)', () => {
    const now = performance.now.bind(performance);
    // The drift itself cannot be made in a test: the monotonic clock is read 5 s ahead of the system clock.
    const spy = jest.spyOn(performance, 'now').mockImplementation(() => now() + 5_000);
    try {
      const before = Date.now() * 1000;
      const ts = makeRunTimestamp();
      const after = Date.now() * 1000;
      expect(ts).toBeGreaterThanOrEqual(before);
      expect(ts).toBeLessThanOrEqual(after + 1000);
    } finally {
      spy.mockRestore();
    }
  });

  test('10,000 consecutive calls are strictly increasing', () => {
    const values = Array.from({ length: 10_000 }, () => makeRunTimestamp());
    for (let i = 1; i < values.length; i++) expect(values[i]! > values[i - 1]!).toBe(true);
  });
});

describe('makeRun()', () => {
  test('creates only the meta dir (and missing parents) and returns the run', async () => {
    const runsDir = join(tmp, 'a', 'b', 'runs');
    const run = await makeRun(runsDir, { id: 'aaa' });
    expect(run).toEqual({
      id: 'aaa',
      name: 'babab-bopop',
      runDir: join(runsDir, 'aaa'),
      metaDir: join(runsDir, 'aaa.meta'),
      opref: undefined,
    });
    expect(await readdir(runsDir)).toEqual(['aaa.meta']);
    expect(await readdir(run.metaDir)).toEqual([]);
    expect((await stat(run.metaDir)).isDirectory()).toBe(true);
    expect(await runStatus(run)).toBe('unknown');
  });

  test('makes a random id by default', async () => {
    const run = await makeRun(tmp);
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.metaDir).toBe(join(tmp, `${run.id}.meta`));
  });

  test('never reuses a meta dir: ERR_GAGE_RUN_EXISTS', async () => {
    await makeRun(tmp, { id: 'abc' });
    await expect(makeRun(tmp, { id: 'abc' })).rejects.toMatchObject({
      code: 'ERR_GAGE_RUN_EXISTS',
      message: `Cannot make run "abc": meta dir "${join(tmp, 'abc.meta')}" already exists`,
    });
  });

  test('rejects ids that are not run ids or would leave the runs dir', async () => {
    await expect(makeRun(tmp, { id: 'xyz' })).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_ID', message: "invalid run id: 'xyz'" });
    await expect(makeRun(tmp, { id: 'aaaaaaaa/../../x' })).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_ID' });
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe('runMetaDir() and runMetaPath()', () => {
  test('return the meta dir and paths under it', async () => {
    const run = await makeRun(tmp, { id: 'bbb' });
    expect(runMetaDir(run)).toBe(join(tmp, 'bbb.meta'));
    expect(runMetaPath(run, 'output', '40_run')).toBe(join(tmp, 'bbb.meta', 'output', '40_run'));
    expect(runMetaPath(run)).toBe(join(tmp, 'bbb.meta'));
  });
});
