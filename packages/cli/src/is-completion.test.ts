import { describe, expect, test } from '@jest/globals';
import { isCompletion } from './is-completion.js';

describe('isCompletion(): which argv the bin answers from the completion entry', () => {
  test('__complete after the global options', () => {
    for (const argv of [['__complete', 'runs'], ['-C', 'p', '__complete', 'flags', 'train'], ['-Cp', '--runs=r', '-vv', '__complete', 'runs', '-d'], [
      '--runs-dir',
      'r',
      '--verbose',
      '__complete',
    ]]) {
      expect(isCompletion(argv)).toBe(true);
    }
  });

  test('not with help or version options (runMain prints those), nor for other commands', () => {
    for (const argv of [['__complete', '-h'], ['__complete', 'runs', '--help'], ['--version', '__complete'], ['runs'], ['-C', '__complete'], [], ['run',
      '__complete']])
    {
      expect(isCompletion(argv)).toBe(false);
    }
  });
});
