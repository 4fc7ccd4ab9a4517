import { describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import type { OutStream } from '../io.js';
import { OutputEcho, prefixLines } from './output-echo.js';
import { StatusLine } from './status-line.js';

/** A stream that records each write as text; `log` is shared to see the order across streams. */
function recorder(name: string, log: [string, string][], isTTY = false): OutStream {
  return {
    isTTY,
    write: (data: string | Uint8Array) => {
      log.push([name, typeof data === 'string' ? data : Buffer.from(data).toString()]);
      return true;
    },
  };
}

const bytes = (text: string): Uint8Array => Buffer.from(text);

describe('prefixLines()', () => {
  test('puts the prefix before each line, joins the pieces, and ends a last line without LF', () => {
    const p = bytes('[r] ');
    expect(prefixLines(p, [bytes('start of '), bytes('a line\nline 2\n')]).toString()).toBe('[r] start of a line\n[r] line 2\n');
    expect(prefixLines(p, [bytes('a\n\nlast')]).toString()).toBe('[r] a\n[r] \n[r] last\n');
    expect(prefixLines(p, []).toString()).toBe('');
  });
});

describe('OutputEcho', () => {
  test("with a prefix every write holds whole prefixed lines: a run never ends another run's line", () => {
    const log: [string, string][] = [];
    const status = new StatusLine(recorder('status', log), false);
    const a = new OutputEcho(status, recorder('out', log), recorder('err', log), { prefix: '[a] ' });
    const b = new OutputEcho(status, recorder('out', log), recorder('err', log), { prefix: '[b] ' });
    // The recorders take every write at once: no chunk promise is ever pending here.
    void a.chunk(0, [bytes('one\ntw')]);
    void b.chunk(0, [bytes('x\n')]);
    void a.chunk(0, [bytes('o\n')]);
    void b.chunk(1, [bytes('e\n')]);
    b.line(0, bytes('hook\n'));
    b.flush();
    expect(log).toEqual([['out', '[a] one\n[a] tw\n'], ['out', '[b] x\n'], ['out', '[a] o\n'], ['err', '[b] e\n'], ['out', '[b] hook\n']]);
  });

  test('chunk writes each piece at once, stdout pieces to stdout and stderr pieces to stderr', () => {
    const log: [string, string][] = [];
    const echo = new OutputEcho(new StatusLine(recorder('status', log), false), recorder('out', log), recorder('err', log));
    // The recorders take every write (they return true): chunk never has a drain to wait for.
    void echo.chunk(0, [bytes('a\nb\n')]);
    void echo.chunk(1, [bytes('e1\n')]);
    void echo.chunk(0, [bytes('c'), bytes('d\ne\n')]);
    expect(log).toEqual([['out', 'a\nb\n'], ['err', 'e1\n'], ['out', 'c'], ['out', 'd\ne\n']]);
  });

  test('lines queued by the line callback are written before a chunk', () => {
    const log: [string, string][] = [];
    const echo = new OutputEcho(new StatusLine(recorder('status', log), false), recorder('out', log), recorder('err', log));
    echo.line(0, bytes('hook 1\n'));
    echo.line(0, bytes('hook 2\n'));
    void echo.chunk(1, [bytes('run\n')]); // the recorders take every write: no drain to wait for
    expect(log).toEqual([['out', 'hook 1\nhook 2\n'], ['err', 'run\n']]);
    echo.flush();
    expect(log).toHaveLength(2);
  });

  test('on a TTY the status line is cleared once before a chunk and redrawn once after it', () => {
    const log: [string, string][] = [];
    const status = new StatusLine(recorder('status', log, true), true);
    status.set('Running op');
    log.length = 0;
    const echo = new OutputEcho(status, recorder('out', log), recorder('err', log));
    void echo.chunk(0, [bytes('start of '), bytes('a line\nline 2\nline 3\n')]); // the recorders take every write
    status.stop();
    expect(log.map(([name, text]) => [name, text.replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/, '*')])).toEqual([
      ['status', '\r\x1b[2K'],
      ['out', 'start of '],
      ['out', 'a line\nline 2\nline 3\n'],
      ['status', '\r\x1b[2K* Running op'],
      ['status', '\r\x1b[2K'],
    ]);
  });

  test('chunk returns a promise that resolves on drain when the stream buffers, and nothing when it does not', async () => {
    const written: string[] = [];
    let full = false;
    const out = Object.assign(new EventEmitter(), {
      write: (data: string | Uint8Array) => {
        written.push(Buffer.from(data).toString());
        return !full;
      },
    });
    const echo = new OutputEcho(new StatusLine(recorder('status', []), false), out, recorder('err', []));
    expect(echo.chunk(0, [bytes('a\n')])).toBeUndefined();
    full = true;
    const wait = echo.chunk(0, [bytes('b'), bytes('\n')]);
    expect(wait).toBeInstanceOf(Promise);
    let resolved = false;
    void wait?.then(() => {
      resolved = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);
    out.emit('drain');
    await wait;
    expect(resolved).toBe(true);
    expect(out.listenerCount('drain') + out.listenerCount('close')).toBe(0);
    expect(written).toEqual(['a\n', 'b', '\n']);
  });

  test('a stream that closes while full ends the wait too', async () => {
    const out = Object.assign(new EventEmitter(), { write: () => false });
    const echo = new OutputEcho(new StatusLine(recorder('status', []), false), out, recorder('err', []));
    const wait = echo.chunk(0, [bytes('x\n')]);
    out.emit('close');
    await wait;
    expect(out.listenerCount('drain') + out.listenerCount('close')).toBe(0);
  });

  test('chunks that come while a stream is full share one wait (one drain and one close listener)', async () => {
    const out = Object.assign(new EventEmitter(), { write: () => false });
    const echo = new OutputEcho(new StatusLine(recorder('status', []), false), out, recorder('err', []));
    const waits = Array.from({ length: 20 }, () => echo.chunk(0, [bytes('x\n')]));
    expect(new Set(waits).size).toBe(1);
    expect([out.listenerCount('drain'), out.listenerCount('close')]).toEqual([1, 1]);
    out.emit('drain');
    await waits[0];
    expect(out.listenerCount('drain') + out.listenerCount('close')).toBe(0);
    // Full again: a new wait.
    const next = echo.chunk(0, [bytes('y\n')]);
    expect(next).not.toBe(waits[0]);
    out.emit('drain');
    await next;
  });

  test('to a stdout that is a regular file: chunks queued, lines in their turn, all in order after drain', async () => {
    const dir = await testdir();
    const path = join(dir, 'out');
    const fd = openSync(path, 'w');
    try {
      let syncWrites = 0;
      const stdout: OutStream = {
        fd,
        write: (data: string | Uint8Array) => {
          syncWrites++;
          writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
          return true;
        },
      };
      const errLog: [string, string][] = [];
      const echo = new OutputEcho(new StatusLine(recorder('status', errLog), false), stdout, recorder('err', errLog));
      echo.line(0, bytes('hook\n'));
      echo.flush(); // nothing queued: written at once
      expect(syncWrites).toBe(1);
      let expected = 'hook\n';
      for (let i = 0; i < 2000; i++) {
        const wait = echo.chunk(0, [bytes(`part ${i} `), bytes(`rest ${i}\n`)]);
        expected += `part ${i} rest ${i}\n`;
        if (wait) await wait;
      }
      echo.line(0, bytes('after\n'));
      void echo.chunk(1, [bytes('err\n')]); // stderr is a recorder (takes every write); echo.drain() below waits for stdout
      expected += 'after\n';
      await echo.drain();
      expect(syncWrites).toBe(1);
      expect(readFileSync(path, 'utf8') === expected).toBe(true);
      expect(errLog).toEqual([['err', 'err\n']]);
    } finally {
      closeSync(fd);
      await removeTree(dir);
    }
  });
});
