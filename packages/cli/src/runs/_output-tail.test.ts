import { afterAll, describe, expect, test } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { readOutputTail } from './_output-tail.js';

afterAll(cleanupTestdirs);

/** Writes an output and its index (one record per line, stream codes as given) and reads its tail. */
async function tail(text: string, streams: number[], limit: number, maxLineBytes = 100, maxScanBytes?: number) {
  const dir = await testdir();
  const index = Buffer.alloc(streams.length * 9);
  streams.forEach((s, k) => index.writeUInt8(s, k * 9 + 8));
  await writeFile(join(dir, 'out'), text);
  await writeFile(join(dir, 'out.index'), index);
  const result = await readOutputTail(join(dir, 'out'), join(dir, 'out.index'), { limit, maxLineBytes, maxScanBytes });
  if (result === undefined) throw new Error('expected a tail');
  return result;
}

describe('readOutputTail()', () => {
  test('the last lines with their streams, a final line without LF, CRLF, empty lines', async () => {
    expect(await tail('a\nb\r\n\nc', [0, 1, 0, 1], 3)).toEqual({
      lines: [{ text: 'b', stream: 1 }, { text: '', stream: 0 }, { text: 'c', stream: 1 }],
      total: 4,
    });
    expect(await tail('a\nb\n', [0, 1], 10)).toEqual({ lines: [{ text: 'a', stream: 0 }, { text: 'b', stream: 1 }], total: 2 });
    expect(await tail('\n', [0], 5)).toEqual({ lines: [{ text: '', stream: 0 }], total: 1 });
    expect(await tail('', [], 5)).toEqual({ lines: [], total: 0 });
    expect(await tail('a\nb\n', [0, 1], 0)).toEqual({ lines: [], total: 2 });
  });

  test('lines across 64 KiB pieces', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const r = await tail(lines.join('\n') + '\n', lines.map((_, i) => i % 2), 3);
    expect(r).toEqual({ lines: [{ text: 'line 19997', stream: 1 }, { text: 'line 19998', stream: 0 }, { text: 'line 19999', stream: 1 }], total: 20_000 });
  });

  test('a long line is cut; a line longer than the scan budget starts with …', async () => {
    expect((await tail(`${'x'.repeat(500)}\nok\n`, [0, 0], 2, 10)).lines.map((l) => l.text)).toEqual(['xxxxxxxxxx…', 'ok']);
    expect((await tail(`${'y'.repeat(200_000)}\n`, [0], 2, 5, 100_000)).lines.map((l) => l.text)).toEqual(['…yyyyy…']);
  });

  test('a short or missing index: stream codes aligned from the end, the rest 0', async () => {
    expect((await tail('a\nb\nc\n', [1], 3)).lines.map((l) => l.stream)).toEqual([0, 0, 1]);
    expect((await tail('a\nb\nc\n', [1], 3)).total).toBe(3);
  });

  test('an index with a length record near its end: undefined (line breaks alone cannot split those lines)', async () => {
    const dir = await testdir();
    // "ERR" on stderr without LF, then "OUT" on stdout: a line record, a length record (0x81, length 3), a line record.
    const index = Buffer.alloc(27);
    index.writeUInt8(1, 8);
    index.writeBigUInt64BE(3n, 9);
    index.writeUInt8(0x81, 17);
    index.writeUInt8(0, 26);
    await writeFile(join(dir, 'out'), 'ERROUT');
    await writeFile(join(dir, 'out.index'), index);
    expect(await readOutputTail(join(dir, 'out'), join(dir, 'out.index'), { limit: 5, maxLineBytes: 100 })).toBeUndefined();
  });
});
