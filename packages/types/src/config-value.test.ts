import { expect, test } from '@jest/globals';
import { configEquals, configValueEquals, isConfigFloat, isConfigInteger } from './config-value.js';

test('integers are bigint, floats are number', () => {
  expect(isConfigInteger(1n)).toBe(true);
  expect(isConfigInteger(1)).toBe(false);
  expect(isConfigFloat(1)).toBe(true);
  expect(isConfigFloat(1n)).toBe(false);
});

test('configValueEquals() follows Python equality', () => {
  expect(configValueEquals(1n, 1)).toBe(true);
  expect(configValueEquals(1, 1n)).toBe(true);
  expect(configValueEquals(1n, 1.5)).toBe(false);
  expect(configValueEquals(true, 1n)).toBe(true);
  expect(configValueEquals(false, 0)).toBe(true);
  expect(configValueEquals(true, 2n)).toBe(false);
  expect(configValueEquals('1', 1n)).toBe(false);
  expect(configValueEquals(null, null)).toBe(true);
  expect(configValueEquals(null, false)).toBe(false);
  expect(configValueEquals(NaN, NaN)).toBe(false);
  expect(configValueEquals(2n ** 60n, 2 ** 60)).toBe(true);
});

test('configEquals() compares keys and values', () => {
  expect(configEquals({ a: 1n, b: 'x' }, { b: 'x', a: 1.0 })).toBe(true);
  expect(configEquals({ a: 1n }, { a: 1n, b: null })).toBe(false);
  expect(configEquals({ a: 1n }, { b: 1n })).toBe(false);
  expect(configEquals({}, {})).toBe(true);
});
