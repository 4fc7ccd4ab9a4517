import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { compileCacheDir } from './compile-cache.js';

describe('compileCacheDir()', () => {
  test('XDG_CACHE_HOME/gage/compile, else ~/.cache/gage/compile', () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: '/c' }, '/home/me')).toBe(join('/c', 'gage', 'compile'));
    expect(compileCacheDir({}, '/home/me')).toBe(join('/home/me', '.cache', 'gage', 'compile'));
    // The XDG base directory spec ignores a relative path: never a cache inside the project.
    expect(compileCacheDir({ XDG_CACHE_HOME: 'cache' }, '/home/me')).toBe(join('/home/me', '.cache', 'gage', 'compile'));
    expect(compileCacheDir({ XDG_CACHE_HOME: '' }, '/home/me')).toBe(join('/home/me', '.cache', 'gage', 'compile'));
  });

  test("none when Node's variables decide, or without a home", () => {
    expect(compileCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1' }, '/home/me')).toBeUndefined();
    expect(compileCacheDir({ NODE_COMPILE_CACHE: '/elsewhere' }, '/home/me')).toBeUndefined();
    expect(compileCacheDir({}, '')).toBeUndefined();
    expect(compileCacheDir({}, 'relative')).toBeUndefined();
  });
});

// The bin itself: with a runtime that has `module.enableCompileCache` (Node 22.1+) a run leaves the
// compiled code under XDG_CACHE_HOME; without it (Node 20) nothing is written anywhere and gage works.
describe('the bin and the compile cache', () => {
  const BIN = fileURLToPath(new URL('../dist/gage.js', import.meta.url));
  const supported = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  let dir: string;

  beforeEach(async () => {
    dir = await testdir();
  });

  afterEach(async () => {
    await removeTree(dir);
  });

  function gage(env: Record<string, string>): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--version'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', HOME: join(dir, 'home'), ...env },
        stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', resolve);
    });
  }

  test(`${supported ? 'fills' : 'leaves alone'} XDG_CACHE_HOME/gage/compile (this Node: ${process.version})`, async () => {
    expect(await gage({ XDG_CACHE_HOME: join(dir, 'cache') })).toBe(0);
    const cache = join(dir, 'cache', 'gage', 'compile');
    if (supported) expect(readdirSync(cache).length).toBeGreaterThan(0);
    else expect(existsSync(cache)).toBe(false);
    expect(existsSync(join(dir, 'home'))).toBe(false);
  });

  test('a cache dir that cannot be made is no error', async () => {
    writeFileSync(join(dir, 'file'), '');
    expect(await gage({ XDG_CACHE_HOME: join(dir, 'file') })).toBe(0); // ENOTDIR for <file>/gage/compile
  });

  test('NODE_DISABLE_COMPILE_CACHE: no cache', async () => {
    expect(await gage({ XDG_CACHE_HOME: join(dir, 'cache'), NODE_DISABLE_COMPILE_CACHE: '1' })).toBe(0);
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });
});
