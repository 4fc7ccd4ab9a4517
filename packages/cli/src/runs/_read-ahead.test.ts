import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
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
    const ahead = startReadAhead(dir, [...names, 'gone.meta'], ['opref', 'proc/exit']);
    expect(ahead).toBeDefined();
    const texts = await ahead!.finish();
    expect(texts.size).toBe(301);
    for (const [i, name] of names.entries()) {
      const expected: Record<string, string | null> = { opref: i % 3 !== 2 ? `op ${i}\n` : null };
      if (i !== 7) expected['proc/exit'] = i % 3 === 0 ? '\ufeff0' : null;
      expect(texts.get(name)).toEqual(expected);
    }
    expect(texts.get('gone.meta')).toEqual({ opref: null, 'proc/exit': null });
  });

  test('no names: nothing to read', async () => {
    expect((await startReadAhead(dir, [], ['opref'])!.finish()).size).toBe(0);
  });
});
