import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { notRegularFile, readTextSync } from './read-text-sync.js';

afterAll(cleanupTestdirs);

describe('readTextSync()', () => {
  test('small, empty and large files, a BOM and invalid UTF-8 as Node decodes them', async () => {
    const dir = await testdir();
    const large = 'x'.repeat(64 * 1024 - 1) + 'é\n'.repeat(40_000); // crosses the 64 KiB buffer
    const invalid = Buffer.from([0x61, 0xff, 0x62]);
    writeFileSync(join(dir, 'small'), '2 test test\n');
    writeFileSync(join(dir, 'empty'), '');
    writeFileSync(join(dir, 'exact'), 'y'.repeat(64 * 1024));
    writeFileSync(join(dir, 'large'), large);
    writeFileSync(join(dir, 'bom'), '\ufeff0');
    writeFileSync(join(dir, 'invalid'), invalid);
    expect(readTextSync(join(dir, 'small'))).toBe('2 test test\n');
    expect(readTextSync(join(dir, 'empty'))).toBe('');
    expect(readTextSync(join(dir, 'exact'))).toBe('y'.repeat(64 * 1024));
    expect(readTextSync(join(dir, 'large'))).toBe(large);
    expect(readTextSync(join(dir, 'bom'))).toBe('\ufeff0');
    expect(readTextSync(join(dir, 'invalid'))).toBe(invalid.toString('utf8'));
    // The shared buffer: a later, shorter read returns only its own bytes.
    expect(readTextSync(join(dir, 'small'))).toBe('2 test test\n');
  });

  test('a missing file throws ENOENT, a path through a file ENOTDIR', async () => {
    const dir = await testdir({ file: 'x' });
    expect(() => readTextSync(join(dir, 'missing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readTextSync(join(dir, 'file', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  test('a FIFO, a device and a directory are refused at once, never waited for', async () => {
    const dir = await testdir();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    mkdirSync(join(dir, 'sub'));
    const fifo = join(dir, 'fifo');
    expect(() => readTextSync(fifo)).toThrow(expect.objectContaining({ code: 'EFTYPE', syscall: 'read', path: fifo }));
    expect(() => readTextSync('/dev/zero')).toThrow(`EFTYPE: not a regular file, read '/dev/zero'`);
    expect(() => readTextSync('/dev/null')).toThrow(expect.objectContaining({ code: 'EFTYPE' }));
    expect(() => readTextSync(join(dir, 'sub'))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('notRegularFile()', () => {
  test('an fs-like error with code EFTYPE', () => {
    expect(notRegularFile('/runs/a.meta/opref')).toMatchObject({
      message: "EFTYPE: not a regular file, read '/runs/a.meta/opref'",
      code: 'EFTYPE',
      syscall: 'read',
      path: '/runs/a.meta/opref',
    });
  });
});
