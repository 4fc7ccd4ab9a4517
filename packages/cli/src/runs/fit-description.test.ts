import { describe, expect, test } from '@jest/globals';
import { fitDescription } from './fit-description.js';

describe('fitDescription()', () => {
  test('keeps everything that fits', () => {
    expect(fitDescription('second try', [['name', 'Bob']], 40)).toBe('second try name=Bob');
    expect(fitDescription(undefined, [['name', 'Ada']], 40)).toBe('name=Ada');
    expect(fitDescription(undefined, [], 40)).toBe('');
  });

  test('shows as many pairs as get 11 characters each, cutting long parts', () => {
    const pairs: [string, string][] = [['learning_rate', '0.0001'], ['epochs', '100'], ['batch_size', '32']];
    const out = fitDescription(undefined, pairs, 23);
    expect([...out].length).toBeLessThanOrEqual(23);
    expect(out).toBe('learn…=0.0… epochs=100');
  });

  test('always shows at least one pair', () => {
    const out = fitDescription(undefined, [['averyverylongname', 'averyverylongvalue']], 12);
    expect(out).toBe('averyv…=ave…');
  });

  test('keeps short names whole and at least 4 characters of each part', () => {
    const out = fitDescription(undefined, [['x', 'a'.repeat(30)]], 11);
    expect(out).toBe('x=aaaaaaaa…');
  });
});
