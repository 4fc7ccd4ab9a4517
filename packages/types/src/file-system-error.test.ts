import { expect, test } from '@jest/globals';
import { isGageError } from './errors.js';
import { FileSystemError, fileSystemError } from './file-system-error.js';

/** An error shaped as Node's `fs` functions make them. */
function errnoError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const where = path === undefined ? '' : ` '${path}'`;
  return Object.assign(new Error(`${code}: failed, ${syscall}${where}`), { code, syscall, ...(path === undefined ? {} : { path }) });
}

test('fileSystemError() describes no space, a read-only file system and permissions', () => {
  const full = fileSystemError(errnoError('ENOSPC', 'open', '/runs/a.meta/x'));
  expect(full).toBeInstanceOf(FileSystemError);
  expect(full).toMatchObject({
    code: 'ERR_GAGE_NO_SPACE',
    errno: 'ENOSPC',
    path: '/runs/a.meta/x',
    message: 'Cannot write "/runs/a.meta/x": no space left on device',
    hint: 'Free some space on that file system and try again.',
  });
  expect(isGageError(full)).toBe(true);
  expect(fileSystemError(errnoError('EROFS', 'mkdir', '/runs/a.lock'))).toMatchObject({
    code: 'ERR_GAGE_READ_ONLY',
    message: 'Cannot create "/runs/a.lock": read-only file system',
  });
  expect(fileSystemError(errnoError('EACCES', 'open', '/x'))?.message).toBe('Cannot open "/x": permission denied');
  expect(fileSystemError(errnoError('EDQUOT', 'write'))?.message).toBe('Cannot write: disk quota exceeded');
  expect(fileSystemError(errnoError('EFBIG', 'copyfile', '/x'))).toMatchObject({ code: 'ERR_GAGE_NO_SPACE', message: 'Cannot copy to "/x": file too large' });
});

test('fileSystemError() takes the action, a path and more hint from the caller; unknown errors give undefined', () => {
  const err = fileSystemError(errnoError('ENOSPC', 'write'), { action: 'Cannot save the output of run "abc"', path: '/r/abc.meta/output/40_run',
    hint: 'The run is finalized.' });
  expect(err?.message).toBe('Cannot save the output of run "abc": no space left on device ("/r/abc.meta/output/40_run")');
  expect(err?.hint).toBe('Free some space on that file system and try again.\nThe run is finalized.');
  expect(fileSystemError(err)).toBe(err);
  expect(fileSystemError(errnoError('ENOENT', 'open', '/x'))).toBeUndefined();
  expect(fileSystemError(new Error('x'))).toBeUndefined();
  expect(fileSystemError(undefined)).toBeUndefined();
});
