import { expect, test } from '@jest/globals';
import { shlexSplit } from './_shlex-split.js';

test('splits Guild oprefs as shlex.split does', () => {
  expect(shlexSplit('guildfile:/home/maria/mnist 0c9a mnist train')).toEqual(['guildfile:/home/maria/mnist', '0c9a', 'mnist', 'train']);
  expect(shlexSplit("guildfile:'/my proj' abc '' train")).toEqual(['guildfile:/my proj', 'abc', '', 'train']);
  expect(shlexSplit('a "b \\" c" d\\ e')).toEqual(['a', 'b " c', 'd e']);
  expect(() => shlexSplit("a 'b")).toThrow('no closing quotation');
});
