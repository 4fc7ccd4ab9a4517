import { expect, test } from '@jest/globals';
import { suggestFlagNames } from './suggest-flag-names.js';

test('suggestFlagNames() gives names within edit distance 2, nearest first, at most 3', () => {
  expect(suggestFlagNames('ephocs', ['epochs', 'lr', 'batch'])).toEqual(['epochs']);
  expect(suggestFlagNames('lr', ['l', 'lr2', 'xy', 'la', 'lrrr'])).toEqual(['l', 'la', 'lr2']);
  expect(suggestFlagNames('zzzzzz', ['epochs'])).toEqual([]);
});

test('suggestFlagNames() offers the leaves under a table or list name first', () => {
  expect(suggestFlagNames('optimizer', ['epochs', 'optimizer.lr', 'optimizer.momentum'])).toEqual(['optimizer.lr', 'optimizer.momentum']);
});

test('suggestFlagNames() counts code points, not UTF-16 units', () => {
  expect(suggestFlagNames('tëst', ['test'])).toEqual(['test']);
  expect(suggestFlagNames('😀a', ['a'])).toEqual(['a']);
});
