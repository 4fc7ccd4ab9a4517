import { PassThrough } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { outputMode, type Io } from './io.js';

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
