import { describe, expect, test } from '@jest/globals';
import { parseConfigPath } from './parse-config-path.js';

describe('parseConfigPath()', () => {
  test.each([
    ['train.py#x', { file: 'train.py', fileExclude: false, key: 'x', keyExclude: false }],
    ['train.py', { file: 'train.py', fileExclude: false, key: '*', keyExclude: false, keyImplicit: true }],
    ['#x', { fileExclude: false, key: 'x', keyExclude: false }],
    ['-train.py#x', { file: 'train.py', fileExclude: false, key: 'x', keyExclude: true }],
    ['-train.py', { file: 'train.py', fileExclude: true, keyExclude: true }],
    ['-#x', { fileExclude: false, key: 'x', keyExclude: true }],
    ['op.py#', { file: 'op.py', fileExclude: false, key: '', keyExclude: false }],
    ['-  conf/*.yaml', { file: 'conf/*.yaml', fileExclude: true, keyExclude: true }],
    ['\\-odd.py#a#b', { file: '-odd.py', fileExclude: false, key: 'a#b', keyExclude: false }],
    ['**/*.py#**.*', { file: '**/*.py', fileExclude: false, key: '**.*', keyExclude: false }],
  ])('parseConfigPath(%j)', (text, expected) => {
    expect(parseConfigPath(text)).toStrictEqual(expected);
  });

  test('parseConfigPath() leaves file and key absent, not undefined', () => {
    expect(Object.keys(parseConfigPath('-train.py'))).toEqual(['file', 'fileExclude', 'keyExclude']);
    expect(Object.keys(parseConfigPath('#x'))).toEqual(['fileExclude', 'key', 'keyExclude']);
  });

  test('parseConfigPath() rejects the empty path', () => {
    expect(() => parseConfigPath('')).toThrow(expect.objectContaining({
      code: 'ERR_GAGE_CONFIG_PATH',
      message: 'path cannot be empty',
    }));
  });
});
