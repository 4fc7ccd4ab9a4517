import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { decodeIndex } from '../test/helpers.js';
import { OutputSink, STDERR, STDOUT } from './_output-sink.js';
import type { OutputChunkCallback } from './_output-sink.js';

afterEach(cleanupTestdirs);

type Call = [stream: number, pieces: string[]];

/** Feeds `chunks` ([stream, text]) to a sink in that order, closes it, and returns what it wrote and passed on. */
async function feed(chunks: [number, string | Buffer][], options: { maxPendingLine?: number; withLines?: boolean } = {}) {
  const dir = await testdir();
  const calls: Call[] = [];
  const kept: [number, readonly Uint8Array[]][] = [];
  const lines: [number, string][] = [];
  const onOutputChunk: OutputChunkCallback = (stream, pieces) => {
    kept.push([stream, pieces]);
    calls.push([stream, pieces.map((p) => Buffer.from(p).toString('latin1'))]);
  };
  const sink = new OutputSink(join(dir, 'out'), join(dir, 'out.index'), {
    onOutputChunk,
    onOutput: options.withLines ? (stream, line) => lines.push([stream, Buffer.from(line).toString('latin1')]) : undefined,
    onCallbackError: (err) => {
      throw err;
    },
    maxPendingLine: options.maxPendingLine,
  });
  // onOutputChunk returns nothing, so write never holds reading (no promise to wait for).
  for (const [stream, data] of chunks) void sink.write(stream, Buffer.from(typeof data === 'string' ? Buffer.from(data, 'latin1') : data));
  sink.close();
  return {
    calls,
    kept,
    lines,
    output: readFileSync(join(dir, 'out')),
    records: decodeIndex(readFileSync(join(dir, 'out.index'))).map(([, s]) => s),
  };
}

/** The bytes passed for `stream`, joined. */
function joined(kept: [number, readonly Uint8Array[]][], stream: number): Buffer {
  return Buffer.concat(kept.filter(([s]) => s === stream).flatMap(([, pieces]) => pieces.map((p) => Buffer.from(p))));
}

describe('OutputSink onOutputChunk', () => {
  test('one call per chunk with all the lines it completed', async () => {
    const { calls, output, records } = await feed([[STDOUT, 'a\nb\nc\n'], [STDOUT, 'd\n']]);
    expect(calls).toEqual([[0, ['a\nb\nc\n']], [0, ['d\n']]]);
    expect(output.toString()).toBe('a\nb\nc\nd\n');
    expect(records).toEqual([0, 0, 0, 0]);
  });

  test('a line across chunk boundaries comes whole with the chunk that ends it, its start as a piece of its own', async () => {
    const { calls, output } = await feed([[STDOUT, 'a\nb'], [STDOUT, 'c'], [STDOUT, 'd\ne\n'], [STDOUT, 'f'], [STDOUT, 'g\n']]);
    expect(calls).toEqual([[0, ['a\n']], [0, ['bc', 'd\ne\n']], [0, ['f', 'g\n']]]);
    expect(output.toString()).toBe('a\nbcd\ne\nfg\n');
  });

  test('the last line without LF comes in a call of its own when the stream ends', async () => {
    const { calls, output, records } = await feed([[STDOUT, 'x\ny'], [STDERR, 'e\nlast err']]);
    expect(calls).toEqual([[0, ['x\n']], [1, ['e\n']], [0, ['y']], [1, ['last err']]]);
    expect(output.toString()).toBe('x\ne\nylast err');
    // `y` ends without LF and more output follows: a length record (0x80 | stream 0) says where it ends.
    expect(records).toEqual([0, 1, 0, 0x80, 1]);
  });

  test('a last line without LF gets a length record only when more output follows it', async () => {
    const alone = await feed([[STDOUT, 'a\nabc']]);
    expect(alone.records).toEqual([0, 0]);
    const followed = await feed([[STDERR, 'ERR'], [STDOUT, 'OUT']]);
    expect(followed.output.toString()).toBe('OUTERR');
    expect(followed.records).toEqual([0, 0x80, 1]);
  });

  test('keeps each stream apart and in order', async () => {
    const { calls, kept } = await feed([[STDOUT, 'o1\no'], [STDERR, 'e1\n'], [STDOUT, '2\n'], [STDERR, 'e2\ne3\n']]);
    expect(calls).toEqual([[0, ['o1\n']], [1, ['e1\n']], [0, ['o', '2\n']], [1, ['e2\ne3\n']]]);
    expect(joined(kept, STDOUT).toString()).toBe('o1\no2\n');
    expect(joined(kept, STDERR).toString()).toBe('e1\ne2\ne3\n');
  });

  test('a chunk without LF makes no call', async () => {
    const { calls } = await feed([[STDOUT, 'ab'], [STDOUT, 'cd'], [STDOUT, 'e\n']]);
    expect(calls).toEqual([[0, ['abcd', 'e\n']]]);
  });

  test('a line longer than maxPendingLine comes early, without LF, then the rest', async () => {
    const { calls, output, records } = await feed([[STDOUT, 'abcdefgh'], [STDOUT, 'ijkl'], [STDOUT, 'm\nn\n']], { maxPendingLine: 10 });
    expect(calls).toEqual([[0, ['abcdefghijkl']], [0, ['m\nn\n']]]);
    expect(output.toString()).toBe('abcdefghijklm\nn\n');
    expect(records).toEqual([0, 0]);
  });

  test('the pieces stay valid after later chunks (the pending buffer is reused)', async () => {
    const { kept } = await feed([[STDOUT, 'ab'], [STDOUT, 'c\nde'], [STDOUT, 'f\ngh'], [STDOUT, 'i\n']]);
    expect(kept.map(([, pieces]) => pieces.map((p) => Buffer.from(p).toString()))).toEqual([['ab', 'c\n'], ['de', 'f\n'], ['gh', 'i\n']]);
  });

  test('gets exactly the bytes written, for binary data and random chunk boundaries, with onOutput alongside', async () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 0x8000_0000;
      return seed % n;
    };
    const data = Buffer.alloc(200_000);
    for (let i = 0; i < data.length; i++) data[i] = random(8) === 0 ? 0x0a : random(256);
    data[data.length - 1] = 0x41; // the last line has no LF
    const chunks: [number, Buffer][] = [];
    for (let pos = 0; pos < data.length;) {
      const size = 1 + random(random(4) === 0 ? 5000 : 40);
      chunks.push([STDOUT, data.subarray(pos, pos + size)]);
      pos += size;
    }
    const { kept, lines, output, records } = await feed(chunks, { withLines: true });
    expect(joined(kept, STDOUT).equals(data)).toBe(true);
    expect(output.equals(data)).toBe(true);
    expect(Buffer.concat(lines.map(([, t]) => Buffer.from(t, 'latin1'))).equals(data)).toBe(true);
    expect(records).toHaveLength(lines.length);
    expect(kept.length).toBeLessThanOrEqual(chunks.length + 1);
    for (const [, pieces] of kept.slice(0, -1)) expect(pieces.at(-1)?.at(-1)).toBe(0x0a);
    expect(kept.every(([, pieces]) => pieces.length === 1 || pieces.length === 2)).toBe(true);
  });

  test('the index is the same with and without the callback', async () => {
    const chunks: [number, string][] = [[STDOUT, 'a\nb'], [STDERR, 'x\n'], [STDOUT, 'c\n'], [STDOUT, 'tail']];
    const dir = await testdir();
    const plain = new OutputSink(join(dir, 'o'), join(dir, 'o.index'), { onCallbackError: () => undefined });
    for (const [stream, text] of chunks) void plain.write(stream, Buffer.from(text)); // no chunk callback: never holds
    plain.close();
    const { output, records } = await feed(chunks);
    expect(output.equals(readFileSync(join(dir, 'o')))).toBe(true);
    expect(records).toEqual(decodeIndex(readFileSync(join(dir, 'o.index'))).map(([, s]) => s));
  });

  test('write returns a promise when the chunk callback asks to wait, and nothing otherwise', async () => {
    const dir = await testdir();
    let release: () => void = () => undefined;
    const sink = new OutputSink(join(dir, 'o'), join(dir, 'o.index'), {
      onOutputChunk: (_stream, pieces) => (Buffer.concat(pieces).toString() === 'wait\n'
        ? new Promise<void>((resolve) => {
          release = resolve;
        })
        : undefined),
      onCallbackError: (err) => {
        throw err;
      },
    });
    expect(sink.write(STDOUT, Buffer.from('go\n'))).toBeUndefined();
    const hold = sink.write(STDOUT, Buffer.from('wait\n'));
    expect(hold).toBeInstanceOf(Promise);
    let settled = false;
    void hold?.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await hold;
    expect(settled).toBe(true);
    expect(sink.write(STDOUT, Buffer.from('partial'))).toBeUndefined();
    sink.close();
    expect(readFileSync(join(dir, 'o')).toString()).toBe('go\nwait\npartial');
  });

  test.each([
    ['rejects', (): Promise<void> => Promise.reject(new Error('boom'))],
    ['throws', (): never => {
      throw new Error('boom');
    }],
  ] as const)('a chunk callback that %s is reported once and dropped; capture goes on', async (_how, fail) => {
    const dir = await testdir();
    const reported: unknown[] = [];
    let calls = 0;
    const sink = new OutputSink(join(dir, 'o'), join(dir, 'o.index'), {
      onOutputChunk: () => {
        calls++;
        return fail();
      },
      onCallbackError: (err) => reported.push(err),
    });
    await sink.write(STDOUT, Buffer.from('a\n'));
    expect(sink.write(STDOUT, Buffer.from('b\n'))).toBeUndefined();
    sink.close();
    expect(calls).toBe(1);
    expect(reported.map((e) => (e as Error).message)).toEqual(['boom']);
    expect(readFileSync(join(dir, 'o')).toString()).toBe('a\nb\n');
  });
});
