import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmod, lstat, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { makeReadOnly } from './make-read-only.js';
import { logRunner } from './log-runner.js';
import { makeRun } from './make-run.js';
import { scanRunFiles } from './scan-run-files.js';
import { readMetaFile } from './read-meta-file.js';
import { writeMetaFile } from './write-meta-file.js';

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

describe('writeMetaFile()', () => {
  test('never makes the meta dir again once it was deleted: RunGoneError, and nothing is left', async () => {
    await writeMetaFile(run, '__schema__', '1');
    await rm(run.metaDir, { recursive: true });
    const gone = { code: 'ERR_GAGE_RUN_GONE', message: `Run "aaa" no longer exists: its meta dir "${run.metaDir}" was deleted` };
    await expect(writeMetaFile(run, 'stopped', '1')).rejects.toMatchObject(gone);
    await expect(writeMetaFile(run, 'proc/exit', '0')).rejects.toMatchObject(gone);
    await expect(logRunner(run, 'Exit code for run: 0')).rejects.toMatchObject(gone);
    await expect(scanRunFiles(run, 'g')).rejects.toMatchObject(gone);
    expect(await readdir(join(tmp, 'runs'))).toEqual([]);
  });

  test('makes missing dirs below the meta dir one level at a time', async () => {
    await writeMetaFile(run, 'a/b/c', 'x');
    expect(await readFile(join(run.metaDir, 'a', 'b', 'c'), 'utf8')).toBe('x');
  });

  test('writes the content read-only (every write bit cleared), creating parent dirs', async () => {
    const path = await writeMetaFile(run, 'sys/platform.json', '"linux"');
    expect(path).toBe(join(run.metaDir, 'sys', 'platform.json'));
    expect(await readFile(path, 'utf8')).toBe('"linux"');
    expect(await modeOf(path)).toBe(writableMode & ~0o222);
    expect(await modeOf(path)).toBe(0o444 & writableMode);
  });

  test('keeps the file writable with {writable: true}', async () => {
    const path = await writeMetaFile(run, 'manifest', 'x', { writable: true });
    expect(await modeOf(path)).toBe(writableMode);
  });

  test('writes bytes as they are', async () => {
    await writeMetaFile(run, 'output/40_run.index', new Uint8Array([1, 2, 0]));
    expect([...(await readFile(join(run.metaDir, 'output', '40_run.index')))]).toEqual([1, 2, 0]);
  });

  test('replaces a read-only file atomically and leaves no temp file behind', async () => {
    await writeMetaFile(run, 'manifest', 'old');
    await writeMetaFile(run, 'manifest', 'new', { writable: true });
    expect(await readFile(join(run.metaDir, 'manifest'), 'utf8')).toBe('new');
    expect(await readdir(run.metaDir)).toEqual(['manifest']);
  });

  test('many concurrent writers of one file: a reader always sees one whole content', async () => {
    const contents = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000));
    const reads: Promise<string | undefined>[] = [];
    await Promise.all(contents.map(async (c) => {
      await writeMetaFile(run, 'big', c, { writable: true });
      reads.push(readMetaFile(run, 'big'));
    }));
    for (const text of await Promise.all(reads)) expect(contents).toContain(text);
    expect(await readdir(run.metaDir)).toEqual(['big']);
  });
});

describe('readMetaFile()', () => {
  test('returns the text, or undefined when the file or the meta dir is missing', async () => {
    await writeMetaFile(run, 'id', 'aaa');
    expect(await readMetaFile(run, 'id')).toBe('aaa');
    expect(await readMetaFile(run, 'proc/exit')).toBeUndefined();
    expect(await readMetaFile({ ...run, metaDir: join(tmp, 'nope') }, 'id')).toBeUndefined();
    expect(await readMetaFile(run, 'id/sub')).toBeUndefined(); // ENOTDIR
  });

  test('throws other errors (a dir is not a file)', async () => {
    await writeMetaFile(run, 'proc/cmd', '[]');
    await expect(readMetaFile(run, 'proc')).rejects.toMatchObject({ code: 'EISDIR' });
  });
});

describe('makeReadOnly()', () => {
  test('clears write bits and keeps execute bits', async () => {
    const script = join(tmp, 'run.sh');
    await writeFile(script, '#!/bin/sh\n');
    await chmod(script, 0o775);
    await makeReadOnly(script);
    expect(await modeOf(script)).toBe(0o555);
    const data = join(tmp, 'data');
    await writeFile(data, '');
    await chmod(data, 0o664);
    await makeReadOnly(data);
    expect(await modeOf(data)).toBe(0o444);
  });

  test('leaves symbolic links and their targets alone', async () => {
    const target = join(tmp, 'target');
    await writeFile(target, '');
    await chmod(target, 0o644);
    await symlink(target, join(tmp, 'link'));
    await makeReadOnly(join(tmp, 'link'));
    expect(await modeOf(target)).toBe(0o644);
    expect((await lstat(join(tmp, 'link'))).isSymbolicLink()).toBe(true);
  });
});
