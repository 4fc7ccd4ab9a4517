import { describe, expect, test } from '@jest/globals';
import { provenancePrefetchDir } from './provenance-prefetch-dir.js';

describe('provenancePrefetchDir(): which gage commands start git before the program loads (decision 18)', () => {
  test('gage run with -y, --yes or a short cluster holding y: the start dir', () => {
    for (const argv of [['run', 'train', '-y'], ['run', '--yes', 'train', 'lr=0.1'], ['run', '-qy', 'train'], ['run', '-yn', 'train'], ['-v', 'run', 'train',
      '-y', '--stage']])
    {
      expect(provenancePrefetchDir(argv, '/home/me/proj')).toBe('/home/me/proj');
    }
  });

  test('-C moves the start dir; --runs takes its value', () => {
    expect(provenancePrefetchDir(['-C', 'sub', 'run', '-y', 'train'], '/p')).toBe('/p/sub');
    expect(provenancePrefetchDir(['-C/abs', '--runs', 'run', 'run', '-y', 'train'], '/p')).toBe('/abs');
    expect(provenancePrefetchDir(['--runs-dir', 'r', 'run', '-y'], '/p')).toBe('/p');
  });

  test('nothing when a prompt, a preview, a start of staged runs or help comes first, or for other commands', () => {
    for (const argv of [
      ['run', 'train'],
      ['run', 'train', '-y', '--preview'],
      ['run', '--start', 'abc', '-y'],
      ['run', '--start=abc', '-y'],
      ['run', 'train', '-y', '--help-op'],
      ['run', '-y', '-h'],
      ['run', '-ly', 'train'], // -l takes "y" as the label
      ['run', 'train', '--', '-y'],
      ['runs', '-y'],
      ['delete', '-y'],
      ['-C', 'x'],
      [],
    ]) expect(provenancePrefetchDir(argv, '/p')).toBeUndefined();
  });
});
