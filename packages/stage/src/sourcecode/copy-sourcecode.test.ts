import { afterAll, describe, expect, test } from '@jest/globals';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOOP_YIELD_CALLS } from '@gage/meta';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { startTurnTicker } from '../../test/_turn-ticker.js';
import { copySourcecode } from './copy-sourcecode.js';

afterAll(cleanupTestdirs);

/** Runs `copy` while counting the event loop turns that happened before it resolved. */
async function turnsDuring(copy: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let pending = true;
  const stop = startTurnTicker(() => {
    if (pending) turns++;
  });
  try {
    await copy();
  } finally {
    pending = false;
    stop();
  }
  return turns;
}

describe('copySourcecode() keeps the event loop turning (the run lock stays fresh)', () => {
  test('while it copies many small files', async () => {
    const srcDir = await testdir();
    const count = 3 * LOOP_YIELD_CALLS;
    const paths = Array.from({ length: count }, (_, i) => `d${i % 7}/f${i}.txt`);
    for (let i = 0; i < 7; i++) await mkdir(join(srcDir, `d${i}`));
    for (const path of paths) writeFileSync(join(srcDir, path), path);
    const runDir = await testdir();
    // No call in the copy of small files waits for I/O: a turn comes from the pauses only.
    expect(await turnsDuring(() => copySourcecode({ srcDir, paths }, runDir))).toBeGreaterThan(0);
    expect(readdirSync(runDir, { recursive: true }).filter((p) => String(p).endsWith('.txt'))).toHaveLength(count);
    expect(await readFile(join(runDir, 'd3/f3.txt'), 'utf8')).toBe('d3/f3.txt');
  });

  test('while it copies one big file (copied in the thread pool)', async () => {
    const srcDir = await testdir();
    writeFileSync(join(srcDir, 'big.bin'), Buffer.alloc(8 * 1024 * 1024, 7));
    const runDir = await testdir();
    expect(await turnsDuring(() => copySourcecode({ srcDir, paths: ['big.bin'] }, runDir))).toBeGreaterThan(0);
    expect((await readFile(join(runDir, 'big.bin'))).equals(Buffer.alloc(8 * 1024 * 1024, 7))).toBe(true);
  });

  test('a big file overwrites an existing target, and a vanished one is a warning', async () => {
    const srcDir = await testdir({ 'big.bin': Buffer.alloc(2 * 1024 * 1024, 1) });
    const runDir = await testdir({ 'big.bin': 'old', 'gone.bin': 'x' });
    writeFileSync(join(srcDir, 'gone.bin'), Buffer.alloc(2 * 1024 * 1024));
    rmSync(join(srcDir, 'gone.bin'));
    const warnings: string[] = [];
    const copied = await copySourcecode({ srcDir, paths: ['big.bin', 'gone.bin'] }, runDir, { onWarning: (m) => warnings.push(m) });
    expect(copied).toEqual(['big.bin']);
    expect((await readFile(join(runDir, 'big.bin'))).length).toBe(2 * 1024 * 1024);
    expect(warnings).toEqual(['Cannot copy "gone.bin": file no longer exists']);
  });
});
