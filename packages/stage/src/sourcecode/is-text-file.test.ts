import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { isTextFile, isTextSample } from './is-text-file.js';

afterAll(cleanupTestdirs);

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('isTextSample (docs/spec/stage.md 4.5 examples)', () => {
  test.each([
    ['C5 B0 C6 C6 C6 C6 C6 C6', bytes(0xc5, 0xb0, 0xc6, 0xc6, 0xc6, 0xc6, 0xc6, 0xc6), false],
    ['Error!', new TextEncoder().encode('Error!'), true],
    ['UTF-8 café', new TextEncoder().encode('café'), true],
    ['Latin-1 café', bytes(0x63, 0x61, 0x66, 0xe9), true],
    ['empty', bytes(), true],
    ['NUL bytes', bytes(0x41, 0x00, 0x42, 0x43), false],
    ['0xFF byte', bytes(0x41, 0xff, 0x42, 0x43), false],
    ['UTF-16 with BOM', bytes(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00), true],
    ['control bytes below 0x7F (r1 > 0.8, r2 > 0.8)', bytes(1, 2, 3, 4, 5, 6, 7, 0x41), false],
    ['a few control bytes', bytes(1, 0x41, 0x42, 0x43, 0x44), true],
  ])('%s', (_name, sample, expected) => {
    expect(isTextSample(sample)).toBe(expected);
  });

  test('a UTF-8 sequence cut at byte 1024 is still decodable', () => {
    const sample = new Uint8Array(1024);
    sample.set(new TextEncoder().encode('é'.repeat(511))); // 1022 bytes
    sample[1022] = 0x41;
    sample[1023] = 0xc3; // first byte of another é
    expect(isTextSample(sample)).toBe(true);
    expect(isTextSample(sample.subarray(0, 1024 - 2 + 1).slice())).toBe(true);
    const short = Uint8Array.from([...sample.subarray(0, 100), 0xc3]);
    expect(isTextSample(short)).toBe(false); // not cut by the limit: invalid UTF-8
  });
});

describe('isTextFile', () => {
  test('extension lists decide before content', async () => {
    const dir = await testdir({
      'a.py': bytes(0, 0, 0, 0),
      'b.PNG': 'plain text',
      'c.txt': bytes(0, 1),
      'd.tsx': bytes(0),
      'e.js': bytes(0),
      'f.pkl': 'x',
    });
    expect(await isTextFile(join(dir, 'a.py'))).toBe(true);
    expect(await isTextFile(join(dir, 'b.PNG'))).toBe(false);
    expect(await isTextFile(join(dir, 'c.txt'))).toBe(true);
    expect(await isTextFile(join(dir, 'd.tsx'))).toBe(true);
    expect(await isTextFile(join(dir, 'e.js'))).toBe(true);
    expect(await isTextFile(join(dir, 'f.pkl'))).toBe(false);
  });

  test('a leading-dot name has no extension: content decides', async () => {
    const dir = await testdir({ '.gitignore': 'node_modules\n', '.png': 'hello\n', '.bin': bytes(0, 0xff) });
    expect(await isTextFile(join(dir, '.gitignore'))).toBe(true);
    expect(await isTextFile(join(dir, '.png'))).toBe(true);
    expect(await isTextFile(join(dir, '.bin'))).toBe(false);
  });

  test('a compiled .pyc read without the extension shortcut is binary', async () => {
    const pyc = bytes(0x55, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x65, 0xe3, 0, 0, 0, 0, 0, 0, 0);
    const dir = await testdir({ compiled: pyc });
    expect(await isTextFile(join(dir, 'compiled'))).toBe(false);
  });

  test('only the first 1024 bytes are read', async () => {
    const big = new Uint8Array(5_000_000).fill(0x41);
    big.fill(0, 2000);
    const dir = await testdir({ big });
    expect(await isTextFile(join(dir, 'big'))).toBe(true);
  });

  test('a directory is not text; a missing file is an error', async () => {
    const dir = await testdir({ 'sub.txt': null });
    expect(await isTextFile(join(dir, 'sub.txt'))).toBe(false);
    await expect(isTextFile(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
