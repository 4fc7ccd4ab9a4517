import { expect, test } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import { COLLECT_EVERY, collectReadBuffers, noteBytesRead } from './collect-read-buffers.js';

test('collecting the read buffers exposes no gc function to other code', () => {
  const hadGc = typeof (globalThis as { gc?: unknown }).gc;
  collectReadBuffers();
  for (let i = 0; i < 3; i++) noteBytesRead(COLLECT_EVERY);
  noteBytesRead(1);
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc);
  expect(runInNewContext('typeof gc')).toBe(hadGc);
});

test('off by default and when switched off: no V8 flag is touched', () => {
  collectReadBuffers(false);
  const flagsBefore = process.execArgv.join(' ');
  noteBytesRead(COLLECT_EVERY * 2);
  expect(process.execArgv.join(' ')).toBe(flagsBefore);
  expect(runInNewContext('typeof gc')).toBe(typeof (globalThis as { gc?: unknown }).gc);
});
