import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmod, lstat, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { makeReadOnlySync } from '../io/make-read-only-sync.js';
import { logRunnerSync } from './log-runner-sync.js';
import { makeRun } from '../run/make-run.js';
import { scanRunFiles } from '../files/scan-run-files.js';
import { readMetaFileSync } from './read-meta-file-sync.js';
import { writeMetaFileSync } from './write-meta-file-sync.js';

let tmp: string;
let run: Run;
let writableMode: number; // 0o666 minus this process's umask
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
  await writeFile(join(tmp, 'probe'), '', { mode: 0o666 });
  writableMode = (await stat(join(tmp, 'probe'))).mode & 0o777;
});
afterEach(async () => {
  await removeTree(tmp);
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('writeMetaFileSync()', () => {
  test('never makes the meta dir again once it was deleted: RunGoneError, and nothing is left', async () => {
    writeMetaFileSync(run, '__schema__', '1');
    await rm(run.metaDir, { recursive: true });
    const gone = { code: 'ERR_GAGE_RUN_GONE', message: `Run "aaa" no longer exists: its meta dir "${run.metaDir}" was deleted` };
    expect(() => writeMetaFileSync(run, 'stopped', '1')).toThrow(expect.objectContaining(gone));
    expect(() => writeMetaFileSync(run, 'proc/exit', '0')).toThrow(expect.objectContaining(gone));
    expect(() => logRunnerSync(run, 'Exit code for run: 0')).toThrow(expect.objectContaining(gone));
    await expect(scanRunFiles(run, 'g')).rejects.toMatchObject(gone);
    expect(await readdir(join(tmp, 'runs'))).toEqual([]);
  });

  test('makes missing dirs below the meta dir one level at a time', async () => {
    writeMetaFileSync(run, 'a/b/c', 'x');
    expect(await readFile(join(run.metaDir, 'a', 'b', 'c'), 'utf8')).toBe('x');
  });

  test('writes the content read-only (every write bit cleared), creating parent dirs', async () => {
    const path = writeMetaFileSync(run, 'sys/platform.json', '"linux"');
    expect(path).toBe(join(run.metaDir, 'sys', 'platform.json'));
    expect(await readFile(path, 'utf8')).toBe('"linux"');
    expect(await modeOf(path)).toBe(writableMode & ~0o222);
    expect(await modeOf(path)).toBe(0o444 & writableMode);
  });

  test('keeps the file writable with {writable: true}', async () => {
    const path = writeMetaFileSync(run, 'manifest', 'x', { writable: true });
    expect(await modeOf(path)).toBe(writableMode);
  });

  test('writes bytes as they are', async () => {
    writeMetaFileSync(run, 'output/40_run.index', new Uint8Array([1, 2, 0]));
    expect([...(await readFile(join(run.metaDir, 'output', '40_run.index')))]).toEqual([1, 2, 0]);
  });

  test('replaces a read-only file atomically and leaves no temp file behind', async () => {
    writeMetaFileSync(run, 'manifest', 'old');
    writeMetaFileSync(run, 'manifest', 'new', { writable: true });
    expect(await readFile(join(run.metaDir, 'manifest'), 'utf8')).toBe('new');
    expect(await readdir(run.metaDir)).toEqual(['manifest']);
  });

  test('many concurrent writers of one file: a reader always sees one whole content', async () => {
    const contents = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000));
    const reads: (string | undefined)[] = [];
    await Promise.all(contents.map(async (c) => {
      writeMetaFileSync(run, 'big', c, { writable: true });
      reads.push(readMetaFileSync(run, 'big'));
    }));
    for (const text of reads) expect(contents).toContain(text);
    expect(await readdir(run.metaDir)).toEqual(['big']);
  });
});

describe('readMetaFileSync()', () => {
  test('returns the text, or undefined when the file or the meta dir is missing', async () => {
    writeMetaFileSync(run, 'id', 'aaa');
    expect(readMetaFileSync(run, 'id')).toBe('aaa');
    expect(readMetaFileSync(run, 'proc/exit')).toBeUndefined();
    expect(readMetaFileSync({ ...run, metaDir: join(tmp, 'nope') }, 'id')).toBeUndefined();
    expect(readMetaFileSync(run, 'id/sub')).toBeUndefined(); // ENOTDIR
  });

  test('throws other errors (a dir is not a file)', async () => {
    writeMetaFileSync(run, 'proc/cmd', '[]');
    expect(() => readMetaFileSync(run, 'proc')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('makeReadOnlySync()', () => {
  test('clears write bits and keeps execute bits', async () => {
    const script = join(tmp, 'run.sh');
    await writeFile(script, '#!/bin/sh\n');
    await chmod(script, 0o775);
    makeReadOnlySync(script);
    expect(await modeOf(script)).toBe(0o555);
    const data = join(tmp, 'data');
    await writeFile(data, '');
    await chmod(data, 0o664);
    makeReadOnlySync(data);
    expect(await modeOf(data)).toBe(0o444);
  });

  test('leaves symbolic links and their targets alone', async () => {
    const target = join(tmp, 'target');
    await writeFile(target, '');
    await chmod(target, 0o644);
    await symlink(target, join(tmp, 'link'));
    makeReadOnlySync(join(tmp, 'link'));
    expect(await modeOf(target)).toBe(0o644);
    expect((await lstat(join(tmp, 'link'))).isSymbolicLink()).toBe(true);
  });
});
