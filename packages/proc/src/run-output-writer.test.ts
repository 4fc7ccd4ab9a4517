import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs } from '@gage/test-utils';
import { decodeIndex, exitOf, FIXTURES, makeBareRun, spawnFixture, steps } from '../test/helpers.js';
import { openRunOutput } from './open-run-output.js';
import { readRunOutput } from './read-run-output.js';
import { RunOutputWriter } from './run-output-writer.js';

afterEach(cleanupTestdirs);

async function capture(fixture: string, args: string[], options: Parameters<typeof openRunOutput>[2] = {}) {
  const run = await makeBareRun();
  const before = Date.now();
  const child = spawnFixture(fixture, args, run.runDir);
  const writer = openRunOutput(run, child, options);
  const exit = await exitOf(child);
  await writer.waitAndClose();
  const after = Date.now();
  const name = options.name ?? '40_run';
  const output = await readFile(join(run.metaDir, 'output', name));
  const index = await readFile(join(run.metaDir, 'output', `${name}.index`));
  return { run, exit, output, index, records: decodeIndex(index), before, after };
}

/** An `onOutputChunk` that keeps every piece and holds the capture for `ms` after the first chunk. */
function holdFirstChunk(ms: number) {
  const state = {
    pieces: [] as Uint8Array[],
    calls: 0,
    callsWhileHeld: 0,
    held: false,
    onOutputChunk: (_stream: number, chunk: readonly Uint8Array[]): Promise<void> | undefined => {
      state.calls++;
      if (state.held) state.callsWhileHeld++;
      state.pieces.push(...chunk);
      if (state.calls !== 1) return undefined;
      state.held = true;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          state.held = false;
          resolve();
        }, ms)
      );
    },
  };
  return state;
}

describe('openRunOutput()', () => {
  test('writes the raw bytes and one 9-byte record per stdout line with code 0', async () => {
    const { output, index, records, before, after } = await capture('print-lines.mjs', ['3']);
    expect(output.toString()).toBe('line 1\nline 2\nline 3\n');
    expect(index.length).toBe(27);
    expect(records.map(([, s]) => s)).toEqual([0, 0, 0]);
    for (const [ts] of records) {
      expect(ts).toBeGreaterThanOrEqual(before);
      expect(ts).toBeLessThanOrEqual(after);
    }
  });

  test('gives stderr lines stream code 1', async () => {
    const { output, records } = await capture('print-lines.mjs', ['2', 'err', 'oops']);
    expect(output.toString()).toBe('oops 1\noops 2\n');
    expect(records.map(([, s]) => s)).toEqual([1, 1]);
  });

  test('keeps the arrival order of lines from both streams', async () => {
    // Each write waits until the one before it is in the output: only then is the arrival order the writing order.
    const { output, records } = await capture('emit.mjs', steps(
      ['out', 'a\n'],
      ['await', ['output/40_run', 2]],
      ['err', 'b\n'],
      ['await', ['output/40_run', 4]],
      ['out', 'c\nd\n'],
      ['await', ['output/40_run', 8]],
      ['err', 'e\n'],
    ));
    expect(output.toString()).toBe('a\nb\nc\nd\ne\n');
    expect(records.map(([, s]) => s)).toEqual([0, 1, 0, 0, 1]);
  });

  test('a line split across writes is one line, written once it is complete', async () => {
    // "par" is held back (no LF yet), so only "x\n" can be awaited in the output.
    const { output, records } = await capture('emit.mjs', steps(
      ['out', 'par'],
      ['sleep', 100],
      ['err', 'x\n'],
      ['await', ['output/40_run', 2]],
      ['out', 'tial\n'],
    ));
    expect(output.toString()).toBe('x\npartial\n');
    expect(records.map(([, s]) => s)).toEqual([1, 0]);
  });

  test('a last line without LF is written and gets a record', async () => {
    const { output, index } = await capture('emit.mjs', steps(['out', 'abc']));
    expect(output.toString()).toBe('abc');
    expect(index.length).toBe(9);
    expect(index[8]).toBe(0);
  });

  test('the last lines of both streams without LF each keep their own record and read back apart', async () => {
    const { run, output, records } = await capture('emit.mjs', steps(['err', 'ERR'], ['sleep', 300], ['out', 'OUT']));
    expect(output.toString()).toMatch(/^(ERROUT|OUTERR)$/);
    const first = output.toString().startsWith('ERR') ? 1 : 0;
    // The first last line is followed by output: its length record (0x80 | stream) says where it ends.
    expect(records).toEqual([[expect.any(Number), first], [3, 0x80 | first], [expect.any(Number), 1 - first]]);
    const lines = (await readRunOutput(run)).map((l) => [l.stream, l.text]);
    expect(lines).toEqual(first === 1 ? [[1, 'ERR'], [0, 'OUT']] : [[0, 'OUT'], [1, 'ERR']]);
  });

  test('an empty output gives two empty files', async () => {
    const { output, index } = await capture('emit.mjs', steps());
    expect(output.length).toBe(0);
    expect(index.length).toBe(0);
  });

  test('writes binary, CR and invalid UTF-8 bytes unchanged', async () => {
    const hex = '00010203ff fe 0d0a 610d0d0a c328 0a 1b5b33316d 0a'.replace(/ /g, '');
    const { output, records } = await capture('emit.mjs', steps(['outhex', hex], ['errhex', 'e29c93']));
    expect(output.toString('hex')).toBe(`${hex}e29c93`);
    expect(records.map(([, s]) => s)).toEqual([0, 0, 0, 0, 1]);
  });

  test('writes a 10 MB line without LF exactly, with one record', async () => {
    const size = 10 * 1024 * 1024;
    const { run, output, records } = await capture('long-line.mjs', [String(size)]);
    expect(output.length).toBe(size);
    expect(output.every((b) => b === 0x78)).toBe(true);
    expect(records).toHaveLength(1);
    expect((await stat(join(run.metaDir, 'output', '40_run'))).size).toBe(size);
  });

  test('a long line written ahead of its LF keeps one record for the whole line', async () => {
    const size = 3 * 1024 * 1024;
    const { output, records } = await capture('long-line.mjs', [String(size), JSON.stringify('y\nz\n')]);
    expect(output.length).toBe(size + 4);
    expect(output.subarray(size).toString()).toBe('y\nz\n');
    expect(records.map(([, s]) => s)).toEqual([0, 0]);
  });

  test('writes 1,000,000 lines with 1,000,000 records', async () => {
    const { output, records } = await capture('print-lines.mjs', ['1000000']);
    expect(records).toHaveLength(1_000_000);
    const text = output.toString();
    expect(text.startsWith('line 1\nline 2\n')).toBe(true);
    expect(text.endsWith('line 999999\nline 1000000\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(1_000_001);
  });

  test('calls onOutput once per line with the LF, and close once', async () => {
    const lines: [number, string][] = [];
    let closes = 0;
    await capture('emit.mjs', steps(['out', 'a\nb'], ['sleep', 50], ['out', 'c\n'], ['err', 'e1\n'], ['out', 'tail']), {
      onOutput: (stream, bytes) => lines.push([stream, Buffer.from(bytes).toString()]),
      onClose: () => closes++,
    });
    expect(lines).toEqual(expect.arrayContaining([[0, 'a\n'], [0, 'bc\n'], [1, 'e1\n'], [0, 'tail']]));
    expect(lines.filter(([s]) => s === 0).map(([, t]) => t)).toEqual(['a\n', 'bc\n', 'tail']);
    expect(closes).toBe(1);
  });

  test('calls onOutputChunk with every byte of each stream, whole lines per call, the last line without LF at the end', async () => {
    const calls: [number, string][] = [];
    // 'c\n' is written once 'a\n' is in the output: a separate read, also on a busy machine.
    await capture('emit.mjs', steps(['out', 'a\nb'], ['await', ['output/40_run', 2]], ['out', 'c\n'], ['err', 'e1\n'], ['out', 'tail']), {
      onOutputChunk: (stream, pieces) => {
        calls.push([stream, Buffer.concat(pieces).toString()]);
      },
    });
    const out = calls.filter(([s]) => s === 0).map(([, t]) => t);
    expect(out.join('')).toBe('a\nbc\ntail');
    expect(out.at(-1)).toBe('tail');
    for (const text of out.slice(0, -1)) expect(text.endsWith('\n')).toBe(true);
    expect(out).toContain('bc\n');
    expect(calls.filter(([s]) => s === 1)).toEqual([[1, 'e1\n']]);
  });

  test('onOutputChunk gets 1,000,000 lines in far fewer calls, exactly the bytes of the output file', async () => {
    const pieces: Uint8Array[] = [];
    let calls = 0;
    const { output, records } = await capture('print-lines.mjs', ['1000000'], {
      onOutputChunk: (_stream, chunk) => {
        calls++;
        pieces.push(...chunk);
      },
    });
    expect(records).toHaveLength(1_000_000);
    expect(Buffer.concat(pieces).equals(output)).toBe(true);
    expect(calls).toBeLessThan(10_000);
  });

  test('stops reading while a promise from onOutputChunk is pending, then gets the rest exactly', async () => {
    // Hold the capture while the process writes ~1.3 MB into a 64 KiB pipe.
    const holder = holdFirstChunk(300);
    const { output } = await capture('print-lines.mjs', ['200000'], { onOutputChunk: holder.onOutputChunk });
    expect(holder.callsWhileHeld).toBe(0);
    expect(holder.calls).toBeGreaterThan(1);
    expect(Buffer.concat(holder.pieces).equals(output)).toBe(true);
    expect(output.toString().endsWith('line 199999\nline 200000\n')).toBe(true);
  });

  test('keeps holding after the process exits while a process it left behind still writes', async () => {
    const run = await makeBareRun();
    // The shell exits during the hold; the node process it started in the background writes 200,000 lines.
    const script = `node ${JSON.stringify(join(FIXTURES, 'print-lines.mjs'))} 200000 & sleep 0.5; exit 0`;
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Node resumes the pipes of a child that exits: the hold must survive that.
    const holder = holdFirstChunk(1500);
    const writer = openRunOutput(run, child, { onOutputChunk: holder.onOutputChunk });
    await exitOf(child);
    await writer.waitAndClose();
    const output = await readFile(join(run.metaDir, 'output', '40_run'));
    // At most the chunk already read when the exit resumed the pipe.
    expect(holder.callsWhileHeld).toBeLessThanOrEqual(1);
    expect(Buffer.concat(holder.pieces).equals(output)).toBe(true);
    expect(output.toString().endsWith('line 199999\nline 200000\n')).toBe(true);
  });

  test('a throwing onOutput is reported once and dropped; capture goes on', async () => {
    const reported: unknown[] = [];
    let calls = 0;
    const { output, records } = await capture('print-lines.mjs', ['5'], {
      onOutput: () => {
        calls++;
        throw new Error('boom');
      },
      onCallbackError: (err) => reported.push(err),
    });
    expect(output.toString()).toBe('line 1\nline 2\nline 3\nline 4\nline 5\n');
    expect(records).toHaveLength(5);
    expect(calls).toBe(1);
    expect(reported.map((e) => (e as Error).message)).toEqual(['boom']);
  });

  test('uses the given output name', async () => {
    const { output } = await capture('emit.mjs', steps(['out', 'hook\n']), { name: '20_runtime' });
    expect(output.toString()).toBe('hook\n');
  });
});

describe('RunOutputWriter', () => {
  test('is closed before open and after waitAndClose()', async () => {
    const run = await makeBareRun();
    const writer = new RunOutputWriter(run);
    expect(writer.closed).toBe(true);
    const child = spawnFixture('emit.mjs', steps(['out', 'x\n']));
    writer.open(child);
    expect(writer.closed).toBe(false);
    await writer.waitAndClose();
    expect(writer.closed).toBe(true);
  });

  test('waitAndClose(timeoutMs) stops waiting for a pipe that stays open', async () => {
    const run = await makeBareRun();
    const child = spawnFixture('sleep.mjs', ['60000']);
    const writer = openRunOutput(run, child);
    await new Promise((resolve) => child.stdout?.once('data', resolve));
    await writer.waitAndClose(50);
    expect(writer.closed).toBe(true);
    child.kill('SIGKILL');
    await exitOf(child);
    expect((await readFile(join(run.metaDir, 'output', '40_run'))).toString()).toBe('started\n');
    expect((await readFile(join(run.metaDir, 'output', '40_run.index'))).length).toBe(9);
  });
});
