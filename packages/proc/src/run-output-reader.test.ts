import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { makeBareRun } from '../test/helpers.js';
import { iterRunOutput } from './iter-run-output.js';
import { readRunOutput } from './read-run-output.js';
import { RunOutputReader } from './run-output-reader.js';

afterEach(cleanupTestdirs);

const T = 1704067200000;

function index(...records: [number, number][]): Uint8Array {
  const bytes = new Uint8Array(records.length * 9);
  const view = new DataView(bytes.buffer);
  records.forEach(([ts, stream], i) => {
    view.setBigUint64(i * 9, BigInt(ts));
    view.setUint8(i * 9 + 8, stream);
  });
  return bytes;
}

async function all(reader: RunOutputReader) {
  const lines = [];
  for await (const line of reader) lines.push(line);
  return lines;
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('RunOutputReader', () => {
  test('reads the example records of the spec', async () => {
    const idx = Uint8Array.from([0, 0, 1, 0x8c, 0xc2, 0x51, 0xf4, 0, 0, 0, 0, 1, 0x8c, 0xc2, 0x51, 0xf4, 1, 1]);
    expect(await all(new RunOutputReader('40_run', enc('out\nerr\n'), idx))).toEqual([
      { timestamp: T, stream: 0, text: 'out' },
      { timestamp: T + 1, stream: 1, text: 'err' },
    ]);
  });

  test('a last fragment without LF is a line; the empty rest after a last LF is not', async () => {
    expect((await all(new RunOutputReader('x', enc('a\nb'), index([T, 0], [T, 0])))).map((l) => l.text))
      .toEqual(['a', 'b']);
    expect((await all(new RunOutputReader('x', enc('a\n'), index([T, 0], [T, 0])))).map((l) => l.text))
      .toEqual(['a']);
  });

  test('stops when fewer than 9 index bytes remain', async () => {
    const idx = index([T, 0], [T, 1]).subarray(0, 17);
    expect((await all(new RunOutputReader('x', enc('a\nb\nc\n'), idx))).map((l) => l.text)).toEqual(['a']);
    expect(await all(new RunOutputReader('x', enc('a\n'), new Uint8Array(0)))).toEqual([]);
  });

  test('drops the LF and one CR, keeps empty lines and other whitespace', async () => {
    const out = enc('a\r\n\nb\r\r\n  c  \n\r\n');
    const lines = await all(new RunOutputReader('x', out, index(...Array(5).fill([T, 0]) as [number, number][])));
    expect(lines.map((l) => l.text)).toEqual(['a', '', 'b\r', '  c  ', '']);
  });

  test('decodes UTF-8 with replacement characters and keeps a BOM', async () => {
    const out = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xc3, 0x28, 0x0a, 0xe2, 0x9c, 0x93, 0x0a]);
    const lines = await all(new RunOutputReader('x', out, index([T, 0], [T, 0], [T, 1])));
    expect(lines.map((l) => l.text)).toEqual(['\ufeffa', '\ufffd(', '\u2713']);
  });

  test('reads chunked sources split anywhere', async () => {
    async function* pieces(bytes: Uint8Array, size: number) {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const out = enc('one\ntwo\nthree\nfour');
    const idx = index([T, 0], [T + 1, 1], [T + 2, 0], [T + 3, 1]);
    const lines = await all(new RunOutputReader('x', pieces(out, 3), pieces(idx, 4)));
    expect(lines).toEqual([
      { timestamp: T, stream: 0, text: 'one' },
      { timestamp: T + 1, stream: 1, text: 'two' },
      { timestamp: T + 2, stream: 0, text: 'three' },
      { timestamp: T + 3, stream: 1, text: 'four' },
    ]);
  });

  test('reads files larger than one read', async () => {
    const dir = await testdir();
    const count = 50_000;
    const text = Array.from({ length: count }, (_, i) => `line ${i}\n`).join('');
    await writeFile(join(dir, 'out'), text);
    await writeFile(join(dir, 'out.index'), index(...Array.from({ length: count }, (_, i) => [T + i, i % 2] as [number, number])));
    const lines = await all(new RunOutputReader('out', join(dir, 'out'), join(dir, 'out.index')));
    expect(lines).toHaveLength(count);
    expect(lines[count - 1]).toEqual({ timestamp: T + count - 1, stream: 1, text: `line ${count - 1}` });
  });

  test('a length record after a record ends its line where it says, not at the next LF', async () => {
    // `ERR` (stderr, no LF) then `OUT` (stdout, no LF); then the same with an LF-terminated line after the tail.
    const tails = index([T, 1], [3, 0x81], [T + 1, 0]);
    expect((await all(new RunOutputReader('x', enc('ERROUT'), tails))).map((l) => [l.stream, l.text]))
      .toEqual([[1, 'ERR'], [0, 'OUT']]);
    const before = index([T, 0], [T, 1], [3, 0x81], [T + 1, 0], [T + 2, 0]);
    expect((await all(new RunOutputReader('x', enc('a\nERRout\nlast'), before))).map((l) => [l.stream, l.text]))
      .toEqual([[0, 'a'], [1, 'ERR'], [0, 'out'], [0, 'last']]);
    expect((await all(new RunOutputReader('x', enc('ERROUT'), tails)))[1]?.timestamp).toBe(T + 1);
  });

  test('length records are read the same from sources split anywhere', async () => {
    async function* pieces(bytes: Uint8Array, size: number) {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const out = enc('x\nERRout\nOUT');
    const idx = index([T, 0], [T, 1], [3, 0x81], [T, 0], [T, 0]);
    for (const [o, i] of [[1, 1], [2, 5], [4, 9], [64, 1]] as const) {
      const lines = await all(new RunOutputReader('x', pieces(out, o), pieces(idx, i)));
      expect(lines.map((l) => [l.stream, l.text])).toEqual([[0, 'x'], [1, 'ERR'], [0, 'out'], [0, 'OUT']]);
    }
  });

  test('a length record longer than the output takes the rest; one without a line before it is skipped', async () => {
    expect((await all(new RunOutputReader('x', enc('ab'), index([T, 0], [9, 0x80])))).map((l) => l.text)).toEqual(['ab']);
    expect((await all(new RunOutputReader('x', enc('a\n'), index([9, 0x80], [T, 1])))).map((l) => [l.stream, l.text]))
      .toEqual([[1, 'a']]);
  });

  test('read(start, end) is zero-based and inclusive at both ends', async () => {
    const reader = new RunOutputReader('x', enc('a\nb\nc\nd\n'), index([T, 0], [T, 0], [T, 0], [T, 0]));
    expect((await reader.read(1, 2)).map((l) => l.text)).toEqual(['b', 'c']);
    expect((await reader.read(2)).map((l) => l.text)).toEqual(['c', 'd']);
    expect((await reader.read()).map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(await reader.read(5, 9)).toEqual([]);
  });

  test('readFrom reads on from the position it gave: the same lines as one read, split anywhere, length records too', async () => {
    const cases: [string, Uint8Array][] = [
      ['a\nb\nc\nd\n', index([T, 0], [T + 1, 1], [T + 2, 0], [T + 3, 1])],
      ['a\nERRout\nlast', index([T, 0], [T, 1], [3, 0x81], [T + 1, 0], [T + 2, 0])],
      ['ERROUT', index([T, 1], [3, 0x81], [T + 1, 0])],
      ['a\n', index([9, 0x80], [T, 1])],
    ];
    for (const [text, idx] of cases) {
      const reader = new RunOutputReader('x', enc(text), idx);
      const whole = await reader.read();
      for (let k = 0; k <= whole.length; k++) {
        const first = await reader.readFrom(undefined, { count: k });
        expect(first.next.line).toBe(k);
        const rest = await reader.readFrom(first.next);
        expect([...first.lines, ...rest.lines]).toEqual(whole);
        expect(rest.next.line).toBe(whole.length);
      }
      expect((await reader.readFrom(undefined, { skip: 1, count: 1 })).lines).toEqual(whole.slice(1, 2));
    }
  });

  test('readFrom on a growing file reads only the bytes written after the position', async () => {
    const dir = await testdir();
    const out = join(dir, 'out');
    await writeFile(out, 'one\ntwo\n');
    await writeFile(`${out}.index`, index([T, 0], [T + 1, 0]));
    const reader = new RunOutputReader('out', out, `${out}.index`);
    const first = await reader.readFrom();
    expect(first.next).toEqual({ line: 2, output: 8, index: 18 });
    // The bytes before the position are not read again: made unreadable as lines, they change nothing.
    await writeFile(out, 'XXXXXXXXthree\n');
    await writeFile(`${out}.index`, index([0, 0], [0, 0], [T + 2, 1]));
    const more = await reader.readFrom(first.next);
    expect(more.lines).toEqual([{ timestamp: T + 2, stream: 1, text: 'three' }]);
    expect(more.next).toEqual({ line: 3, output: 14, index: 27 });
    expect(await reader.readFrom(more.next)).toEqual({ lines: [], next: more.next });
  });
});

describe('iterRunOutput()', () => {
  test('yields a reader for every output with an index, sorted by name', async () => {
    const run = await makeBareRun();
    const dir = join(run.metaDir, 'output');
    await mkdir(dir);
    await writeFile(join(dir, '40_run'), 'run\n');
    await writeFile(join(dir, '40_run.index'), index([T, 0]));
    await writeFile(join(dir, '10_sourcecode'), 'src\n');
    await writeFile(join(dir, '10_sourcecode.index'), index([T, 1]));
    await writeFile(join(dir, '20_runtime'), 'no index\n');
    const seen: [string, string[]][] = [];
    for await (const reader of iterRunOutput(run)) seen.push([reader.name, (await reader.read()).map((l) => l.text)]);
    expect(seen).toEqual([['10_sourcecode', ['src']], ['40_run', ['run']]]);
  });

  test('yields nothing without an output dir', async () => {
    const run = await makeBareRun();
    const names = [];
    for await (const reader of iterRunOutput(run)) names.push(reader.name);
    expect(names).toEqual([]);
  });
});

describe('readRunOutput()', () => {
  test('reads 40_run by default and a range of another output by name', async () => {
    const run = await makeBareRun();
    const dir = join(run.metaDir, 'output');
    await mkdir(dir);
    await writeFile(join(dir, '40_run'), 'a\nb\n');
    await writeFile(join(dir, '40_run.index'), index([T, 0], [T, 1]));
    await writeFile(join(dir, '50_finalize'), 'x\ny\nz\n');
    await writeFile(join(dir, '50_finalize.index'), index([T, 0], [T, 0], [T, 0]));
    expect((await readRunOutput(run)).map((l) => [l.stream, l.text])).toEqual([[0, 'a'], [1, 'b']]);
    expect((await readRunOutput(run, { name: '50_finalize', start: 1, end: 1 })).map((l) => l.text)).toEqual(['y']);
  });
});
