import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import type { Io } from '../io.js';
import { confirm } from './confirm.js';

function io(input: string | undefined): { io: Io; err: () => string } {
  const stdin = new PassThrough();
  if (input !== undefined) stdin.end(input);
  else stdin.end();
  let err = '';
  const sink = { write: (d: string | Uint8Array) => (err += String(d)) };
  return { io: { stdin, stdout: sink, stderr: sink, env: {} }, err: () => err };
}

describe('confirm()', () => {
  test('an empty answer takes the default', async () => {
    const t = io('\n');
    expect(await confirm(t.io, 'Continue?', true)).toBe(true);
    expect(t.err()).toBe('Continue? (Y/n) \n');
    const f = io('\n');
    expect(await confirm(f.io, 'Continue?', false)).toBe(false);
    expect(f.err()).toBe('Continue? (y/N) \n');
  });

  test('accepts y, yes, n, no in any case', async () => {
    expect(await confirm(io('YES\n').io, 'Q?', false)).toBe(true);
    expect(await confirm(io('n\n').io, 'Q?', true)).toBe(false);
    expect(await confirm(io('No\n').io, 'Q?', true)).toBe(false);
  });

  test('asks again after anything else', async () => {
    const t = io('maybe\ny\n');
    expect(await confirm(t.io, 'Q?', false)).toBe(true);
    expect(t.err()).toBe('Q? (y/N) \nPlease enter Y or N\nQ? (y/N) \n');
  });

  test('end of input means no', async () => {
    expect(await confirm(io(undefined).io, 'Q?', true)).toBe(false);
  });

  test('reads one line per question from the same stream', async () => {
    const t = io('n\ny\n');
    expect(await confirm(t.io, 'A?', true)).toBe(false);
    expect(await confirm(t.io, 'B?', false)).toBe(true);
  });

  test('from a file descriptor reads exactly the answer line, leaving the rest for the run', async () => {
    const dir = await testdir();
    try {
      writeFileSync(join(dir, 'in'), 'maybe\r\ny\nhello\n');
      const fd = openSync(join(dir, 'in'), 'r');
      try {
        let err = '';
        const sink = { write: (d: string | Uint8Array) => (err += String(d)) };
        const stdin = { fd, on: () => undefined, pause: () => undefined, resume: () => undefined };
        expect(await confirm({ stdin, stdout: sink, stderr: sink, env: {} }, 'Q?', false)).toBe(true);
        expect(err).toBe('Q? (y/N) \nPlease enter Y or N\nQ? (y/N) \n');
        const rest = Buffer.alloc(64);
        expect(rest.toString('utf8', 0, readSync(fd, rest))).toBe('hello\n');
        expect(await confirm({ stdin, stdout: sink, stderr: sink, env: {} }, 'Q?', true)).toBe(false); // end of input
      } finally {
        closeSync(fd);
      }
    } finally {
      await removeTree(dir);
    }
  });
});
