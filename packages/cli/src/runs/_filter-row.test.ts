import { describe, expect, test } from '@jest/globals';
import { parseRunFilter } from '@gage/meta';
import { filterNamesTimes } from './_filter-row.js';

describe('filterNamesTimes', () => {
  test.each([
    ['time > 60', true],
    ['started >= (today)', true],
    ['attr:stopped < (now)', true],
    ['lr > 0.1 and time < 5m', true],
    ['lr > 0.1', false],
    ['loss < 0.5 and status == completed', false],
    ['config:started == 1', false],
    ['best', false],
  ])('%s: %s', (expression, times) => {
    expect(filterNamesTimes(parseRunFilter(expression))).toBe(times);
  });
});
