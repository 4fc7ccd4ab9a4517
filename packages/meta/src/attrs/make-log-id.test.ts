import { describe, expect, test } from '@jest/globals';
import { makeLogId } from './make-log-id.js';
import { nowMs } from './now-ms.js';

describe('makeLogId()', () => {
  test('starts with the millisecond timestamp (docs/spec/lifecycle.md 2.4 example)', () => {
    expect(makeLogId(1704067200000).startsWith('018cc251-f400-4')).toBe(true);
  });

  test('is a lowercase UUID v4 string with random tail', () => {
    const id = makeLogId(1704067200000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(makeLogId(1704067200000)).not.toBe(id);
  });

  test('sorts lexically in time order', () => {
    const ids = [5, 1704067200000, 1704067200001, 2 ** 47].map((ms) => makeLogId(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(makeLogId(0).slice(0, 13)).toBe('00000000-0000');
  });

  test('defaults to the current time', () => {
    const before = Date.now();
    const id = makeLogId();
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

describe('nowMs()', () => {
  test('is strictly increasing over 10,000 calls and close to the clock', () => {
    const start = Date.now();
    let prev = nowMs();
    for (let i = 0; i < 10000; i++) {
      const next = nowMs();
      expect(next).toBeGreaterThan(prev);
      prev = next;
    }
    expect(prev).toBeGreaterThanOrEqual(start);
  });
});
