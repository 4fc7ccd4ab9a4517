import { expect, test } from '@jest/globals';
import { configValueType } from './config-value-type.js';

test('configValueType() names each type of the config value model', () => {
  expect([1n, 1.0, 1, 'x', true, null].map(configValueType)).toEqual(['int', 'float', 'float', 'str', 'bool', 'null']);
});
