import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { FILE_QUEUE_LIMIT, FileWriteQueue, regularFileFd } from './file-write-queue.js';

let dir: string;

beforeEach(async () => {
  dir = await testdir();
});

afterEach(() => removeTree(dir));

describe('FileWriteQueue', () => {
  test('writes every piece in order', async () => {
    const path = join(dir, 'out');
    const fd = openSync(path, 'w');
    const errors: unknown[] = [];
    const queue = new FileWriteQueue(fd, (err) => errors.push(err));
    let expected = '';
    for (let i = 0; i < 3000; i++) {
      const pieces = i % 3 === 0 ? [Buffer.from(`a${i}`), Buffer.from(`-${i}\n`)] : [Buffer.from(`line ${i}\n`)];
      for (const p of pieces) expected += p.toString();
      await queue.write(pieces);
    }
    await queue.write([Buffer.alloc(0)]);
    await queue.drain();
    expect(queue.idle).toBe(true);
    closeSync(fd);
    expect(readFileSync(path, 'utf8') === expected).toBe(true);
    expect(errors).toEqual([]);
  });

  test('asks to wait past its limit, and all bytes arrive', async () => {
    const path = join(dir, 'out');
    const fd = openSync(path, 'w');
    const queue = new FileWriteQueue(fd, (err) => {
      throw err;
    });
    const big = Buffer.alloc(FILE_QUEUE_LIMIT, 0x61);
    expect(queue.write([Buffer.from('x')])).toBeUndefined();
    const wait = queue.write([big]);
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    await queue.drain();
    closeSync(fd);
    const written = readFileSync(path);
    expect(written.length).toBe(FILE_QUEUE_LIMIT + 1);
    expect(written[0]).toBe(0x78);
  });

  test('reports a failed write once and drops everything after it', async () => {
    closeSync(openSync(join(dir, 'out'), 'w'));
    const fd = openSync(join(dir, 'out'), 'r'); // not open for writing: EBADF
    const errors: unknown[] = [];
    const queue = new FileWriteQueue(fd, (err) => errors.push(err));
    void queue.write([Buffer.from('a\n')]);
    void queue.write([Buffer.from('b\n')]);
    await queue.drain();
    expect(queue.write([Buffer.from('c\n')])).toBeUndefined();
    await queue.drain();
    closeSync(fd);
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('EBADF');
  });
});

describe('regularFileFd', () => {
  test('is the fd of a regular file, and undefined for a TTY or a stream without fd', () => {
    const fd = openSync(join(dir, 'out'), 'w');
    try {
      expect(regularFileFd({ fd, write: () => true })).toBe(fd);
      expect(regularFileFd({ fd, isTTY: true, write: () => true })).toBeUndefined();
      expect(regularFileFd({ write: () => true })).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });
});
