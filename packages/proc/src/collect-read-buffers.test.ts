import { expect, test } from '@jest/globals';
import { runInNewContext } from 'node:vm';
import { waitFor } from '@gage/test-utils';
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

test('switched on, every COLLECT_EVERY bytes run a young-generation GC (node:v8 and node:vm are loaded on first use)', async () => {
  const { PerformanceObserver, constants } = await import('node:perf_hooks');
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) kinds.push(((entry as { detail?: unknown }).detail as { kind: number }).kind);
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    collectReadBuffers();
    noteBytesRead(COLLECT_EVERY);
    // Observers are called asynchronously, later still on a loaded machine: wait for the entry, not for a fixed time.
    const until = Date.now() + 10_000;
    await waitFor(() => kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR) || Date.now() > until);
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  } finally {
    observer.disconnect();
    collectReadBuffers(false);
  }
});
