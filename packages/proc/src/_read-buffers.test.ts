import { expect, test } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import { COLLECT_EVERY, noteBytesRead } from './_read-buffers.js';

test('collecting the read buffers exposes no gc function to other code', () => {
  const hadGc = typeof (globalThis as { gc?: unknown }).gc;
  for (let i = 0; i < 3; i++) noteBytesRead(COLLECT_EVERY);
  noteBytesRead(1);
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc);
  expect(runInNewContext('typeof gc')).toBe(hadGc);
});
