import { expect, test } from '@jest/globals';
import { GageError, isGageError } from './errors.js';

test('GageError carries code, hint, cause and its class name', () => {
  const cause = new Error('disk');
  class TestError extends GageError<'ERR_GAGE_CLI'> {}
  const err = new TestError('ERR_GAGE_CLI', 'Nothing selected', { hint: 'Try again', cause });
  expect(err.message).toBe('Nothing selected');
  expect(err.code).toBe('ERR_GAGE_CLI');
  expect(err.hint).toBe('Try again');
  expect(err.cause).toBe(cause);
  expect(err.name).toBe('TestError');
  class SubError extends GageError {}
  expect(new SubError('ERR_GAGE_X', 'x').name).toBe('SubError');
});

test('isGageError() recognises Gage errors only', () => {
  class TestError extends GageError<'ERR_GAGE_CLI'> {}
  expect(isGageError(new TestError('ERR_GAGE_CLI', 'x'))).toBe(true);
  expect(isGageError(new Error('x'))).toBe(false);
  expect(isGageError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
  expect(isGageError(null)).toBe(false);
});
