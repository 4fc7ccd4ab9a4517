import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { startReadAhead } from './_read-ahead.js';

let dir: string;
beforeEach(async () => {
  dir = await testdir();
});
afterEach(async () => {
  await removeTree(dir);
});

describe('startReadAhead()', () => {
  test('reads the files of every meta dir on two threads: texts, null when missing, left out when unreadable', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `r${i}.meta`);
    for (const [i, name] of names.entries()) {
      await mkdir(join(dir, name, 'proc'), { recursive: true });
      if (i % 3 !== 2) await writeFile(join(dir, name, 'opref'), `op ${i}\n`);
      if (i % 3 === 0) await writeFile(join(dir, name, 'proc', 'exit'), '\ufeff0');
      if (i === 7) await mkdir(join(dir, name, 'proc', 'exit')); // a dir: cannot be read as a file
    }
    const ahead = startReadAhead(dir, { names: [...names, 'gone.meta'], files: ['opref', 'proc/exit'] });
    expect(ahead).toBeDefined();
    // Let the worker start before this thread claims the rest: both threads read.
    await waitFor(() => ahead!.workerRuns > 0 || ahead!.workerEnded);
    const texts = await ahead!.finish();
    expect(texts.size).toBe(301);
    for (const [i, name] of names.entries()) {
      const expected: Record<string, string | null> = { opref: i % 3 !== 2 ? `op ${i}\n` : null };
      if (i !== 7) expected['proc/exit'] = i % 3 === 0 ? '\ufeff0' : null;
      expect(texts.get(name)).toEqual(expected);
    }
    expect(texts.get('gone.meta')).toEqual({ opref: null, 'proc/exit': null });
    expect(ahead!.workerRuns).toBeGreaterThanOrEqual(64); // one chunk at least
  });

  test('the built worker reads every run when this thread does not take part', async () => {
    const names = Array.from({ length: 200 }, (_, i) => `r${i}.meta`);
    for (const name of names) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'opref'), `op ${name}\n`);
    }
    const ahead = startReadAhead(dir, { names, files: ['opref', 'summary.json'] })!;
    await waitFor(() => ahead.workerEnded);
    expect(ahead.workerRuns).toBe(names.length);
    const texts = await ahead.finish();
    expect([...texts.keys()]).toEqual(names);
    for (const name of names) expect(texts.get(name)).toEqual({ opref: `op ${name}\n`, 'summary.json': null });
  });

  test('a worker module that cannot be loaded leaves every run to this thread', async () => {
    const names = Array.from({ length: 100 }, (_, i) => `r${i}.meta`);
    for (const name of names) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'opref'), 'x');
    }
    const ahead = startReadAhead(dir, { names, files: ['opref'], workerUrl: new URL('./missing-worker.js', import.meta.url) })!;
    const texts = await ahead.finish();
    expect(texts.size).toBe(100);
    expect(ahead).toMatchObject({ workerRuns: 0, workerEnded: true });
  });

  test('no names: nothing to read', async () => {
    expect((await startReadAhead(dir, { names: [], files: ['opref'] })!.finish()).size).toBe(0);
  });
});
