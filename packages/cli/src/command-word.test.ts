import { expect, test } from '@jest/globals';
import { commandWord } from './command-word.js';

test('commandWord(): the index after the global options, and the start dir of -C', () => {
  expect(commandWord(['-C', 'proj', '-v', 'run', '-y'], '/home/me')).toEqual({ index: 3, dir: '/home/me/proj' });
  expect(commandWord(['-C/abs', '--runs=r', '--runs-dir', 'x', '-vv', '--verbose', 'runs'], '/p')).toEqual({ index: 6, dir: '/abs' });
  expect(commandWord(['--version', 'run'], '/p')).toEqual({ index: 0, dir: '/p' }); // another option ends the scan
  expect(commandWord([], '/p')).toEqual({ index: 0, dir: '/p' });
});
