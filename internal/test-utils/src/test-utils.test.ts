import { chmod, lstat, mkdir, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { cleanupTestdirs, entries, listFiles, removeTree, testdir, waitFor, writeTree } from './index.js';

afterAll(cleanupTestdirs);

describe('testdir()', () => {
  test('writes text, bytes, links and empty dirs, parents made', async () => {
    const dir = await testdir({ 'a/b.txt': 'text', 'c.bin': new Uint8Array([0, 255]), 'd/': null, 'a/l': { link: 'b.txt' } });
    expect(await readFile(join(dir, 'a/b.txt'), 'utf8')).toBe('text');
    expect([...(await readFile(join(dir, 'c.bin')))]).toEqual([0, 255]);
    expect((await stat(join(dir, 'd'))).isDirectory()).toBe(true);
    expect(await readlink(join(dir, 'a/l'))).toBe('b.txt');
    expect(await listFiles(dir)).toEqual(['a/b.txt', 'a/l', 'c.bin']);
    expect(await entries(dir)).toEqual(['a', 'c.bin', 'd']);
  });

  test('cleanupTestdirs() removes every dir made, read-only ones too', async () => {
    const dir = await testdir({ 'ro/f': 'x' });
    await chmod(join(dir, 'ro/f'), 0o444);
    await chmod(join(dir, 'ro'), 0o555);
    await cleanupTestdirs();
    expect(await lstat(dir).catch((err: NodeJS.ErrnoException) => err.code)).toBe('ENOENT');
  });
});

describe('removeTree(), writeTree(), entries()', () => {
  test('removeTree() of a missing dir is fine; entries() of one is []', async () => {
    const dir = join(await testdir(), 'gone');
    await removeTree(dir);
    expect(await entries(dir)).toEqual([]);
  });

  test('writeTree() adds to an existing dir; entries() sorts', async () => {
    const dir = await testdir({ b: '' });
    await mkdir(join(dir, 'c'));
    await writeTree(dir, { a: '1', 'c/d': '2' });
    await writeFile(join(dir, 'B'), '');
    expect(await entries(dir)).toEqual(['B', 'a', 'b', 'c']);
    expect(await listFiles(dir)).toEqual(['B', 'a', 'b', 'c/d']);
  });
});

describe('waitFor()', () => {
  test('resolves once the check (sync or async) returns true', async () => {
    let n = 0;
    await waitFor(() => ++n === 3, { interval: 1 });
    expect(n).toBe(3);
    await waitFor(async () => ++n === 5);
    expect(n).toBe(5);
  });
});
