import { PassThrough } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { outputMode, recordWriteError, reportWriteErrors, type Io } from './io.js';

function io(stdout: { isTTY?: boolean; columns?: number }, env: Record<string, string>): Io {
  const write = () => true;
  return { stdin: new PassThrough(), stdout: { write, ...stdout }, stderr: { write }, env };
}

describe('outputMode()', () => {
  test('plain when stdout is not a TTY or TERM is dumb/unknown; styled on a TTY', () => {
    expect(outputMode(io({}, {}))).toEqual({ styled: false, color: false, width: 80 });
    expect(outputMode(io({ isTTY: true, columns: 100 }, { TERM: 'dumb' }))).toEqual({ styled: false, color: false, width: 100 });
    expect(outputMode(io({ isTTY: true, columns: 100 }, { TERM: 'unknown' })).styled).toBe(false);
    expect(outputMode(io({ isTTY: true, columns: 100 }, { TERM: 'xterm' }))).toEqual({ styled: true, color: true, width: 100 });
  });

  test('NO_COLOR keeps the styled layout without colour; FORCE_COLOR forces colour', () => {
    expect(outputMode(io({ isTTY: true }, { NO_COLOR: '' }))).toEqual({ styled: true, color: false, width: 80 });
    expect(outputMode(io({}, { FORCE_COLOR: '1' }))).toEqual({ styled: false, color: true, width: 80 });
  });

  test('width: COLUMNS, else the TTY width, else 80 (also for a TTY that reports 0 columns)', () => {
    expect(outputMode(io({ isTTY: true, columns: 120 }, { COLUMNS: '60' })).width).toBe(60);
    expect(outputMode(io({ isTTY: true, columns: 120 }, { COLUMNS: 'wide' })).width).toBe(120);
    expect(outputMode(io({ isTTY: true, columns: 0 }, {})).width).toBe(80);
    expect(outputMode(io({ isTTY: true, columns: 0 }, { COLUMNS: '0' })).width).toBe(80);
  });
});

describe('recordWriteError() and reportWriteErrors()', () => {
  function sinkIo(): { io: Io; err: () => string } {
    let err = '';
    const io: Io = { stdin: new PassThrough(), stdout: { write: () => true }, stderr: { write: (d) => (err += String(d)) }, env: {}, writeErrors: {} };
    return { io, err: () => err };
  }
  const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

  test('EPIPE is no error; another failure of stdout is named and makes a 0 exit 1, keeps a non-zero one', () => {
    const t = sinkIo();
    recordWriteError(t.io.writeErrors, 'stdout', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect(reportWriteErrors(t.io, 0)).toBe(0);
    recordWriteError(t.io.writeErrors, 'stdout', enospc);
    recordWriteError(t.io.writeErrors, 'stdout', new Error('second'));
    expect(reportWriteErrors(t.io, 0)).toBe(1);
    expect(t.err()).toBe('gage: cannot write to stdout: ENOSPC: no space left on device, write\n');
    expect(reportWriteErrors(t.io, 3)).toBe(3);
  });

  test('a failed stderr exits non-zero without a message', () => {
    const t = sinkIo();
    recordWriteError(t.io.writeErrors, 'stderr', enospc);
    recordWriteError(t.io.writeErrors, 'stdout', enospc);
    expect(reportWriteErrors(t.io, 0)).toBe(1);
    expect(t.err()).toBe('');
  });
});
