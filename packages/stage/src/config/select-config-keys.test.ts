import { describe, expect, test } from '@jest/globals';
import { parseConfigPath } from './parse-config-path.js';
import { selectConfigKeys } from './select-config-keys.js';

const select = (keys: string[], paths: string[]) => selectConfigKeys(keys, paths.map(parseConfigPath));

describe('selectConfigKeys()', () => {
  test('selectConfigKeys() uses top-level keys for a plain file path', () => {
    expect(select(['x', 'opts.loud', 'l.0', 'y'], ['train.py'])).toEqual(['x', 'y']);
  });

  test('selectConfigKeys() removes keys of exclude key patterns', () => {
    expect(select(['epochs', 'lr', 'opts.loud'], ['train.py', '-#lr'])).toEqual(['epochs']);
    expect(select(['epochs', 'lr'], ['train.py', '-train.py#lr'])).toEqual(['epochs']);
  });

  test('selectConfigKeys() does not tie key patterns to the file of their entry', () => {
    expect(select(['x', 'y', 'opts.a'], ['op.py#x', 'greet.py'])).toEqual(['x', 'y']);
    expect(select(['msg1', 'msg2', 'other'], ['hello2.py#msg1', '#msg2'])).toEqual(['msg1', 'msg2']);
  });

  test('selectConfigKeys() uses every key with **.*', () => {
    expect(select(['a', 'b.c', 'l.0'], ['conf.json#**.*'])).toEqual(['a', 'b.c', 'l.0']);
  });

  test('selectConfigKeys() selects no key for an empty key part or an excluded file', () => {
    expect(select(['a'], ['op.py#'])).toEqual([]);
    expect(select(['a'], ['-op.py'])).toEqual([]);
    expect(select(['a'], [])).toEqual([]);
  });
});

describe('selectConfigKeys() with nested (decision 16)', () => {
  const nested = (keys: string[], paths: string[]) => selectConfigKeys(keys, paths.map(parseConfigPath), { nested: true });

  test('a plain path selects every leaf of a structured file', () => {
    expect(nested(['lr', 'optimizer.lr', 'layers.0', 'a.b.c'], ['train.yaml'])).toEqual(['lr', 'optimizer.lr', 'layers.0', 'a.b.c']);
  });

  test('explicit key patterns keep their meaning', () => {
    expect(nested(['lr', 'optimizer.lr'], ['train.yaml#*'])).toEqual(['lr']);
    expect(nested(['lr', 'optimizer.lr', 'optimizer.m'], ['train.yaml#optimizer.*'])).toEqual(['optimizer.lr', 'optimizer.m']);
  });

  test('exclude patterns still remove nested keys', () => {
    expect(nested(['lr', 'optimizer.lr', 'optimizer.m'], ['train.yaml', '-#optimizer.lr'])).toEqual(['lr', 'optimizer.m']);
  });

  test('without nested a plain path stays top-level', () => {
    expect(select(['lr', 'optimizer.lr'], ['train.yaml'])).toEqual(['lr']);
  });
});
