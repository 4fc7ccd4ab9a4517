import { describe, expect, test } from '@jest/globals';
import { escapeControl } from './escape-control.js';
import { formatPanel, keyValueLines } from './format-panel.js';
import { formatTable } from './format-table.js';
import { formatWarning } from './format-warning.js';

describe('escapeControl()', () => {
  test('C0, DEL, C1, line separators and bidi marks become visible escapes', () => {
    expect(escapeControl('L1\nL2\r\t\x1b[2J\x07\x00\x7f\x9b')).toBe('L1\\nL2\\r\\t\\x1b[2J\\x07\\x00\\x7f\\x9b');
    expect(escapeControl('a\u202egnp.exe\u2066\u2069\u200f\u2028')).toBe('a\\u202egnp.exe\\u2066\\u2069\\u200f\\u2028');
  });

  test('leaves printable text, backslashes and non-ASCII alone; escaping twice changes nothing', () => {
    expect(escapeControl('C:\\path é ✓ 😀 ～')).toBe('C:\\path é ✓ 😀 ～');
    const once = escapeControl('a\x1b]0;T\x07');
    expect(escapeControl(once)).toBe(once);
  });

  test('keepNewlines keeps LF only', () => {
    expect(escapeControl('one\ntwo\r\x1b', { keepNewlines: true })).toBe('one\ntwo\\r\\x1b');
  });
});

describe('human displays escape control characters', () => {
  test('a table cell and header stay on their row, widths count the escaped text', () => {
    const out = formatTable([{ header: 'h\x1b' }, { header: 'd', flex: 'cut' }], [['L1\nL2', 'x\x07y']], { width: 40 });
    expect(out.split('\n')).toEqual(['| h\\x1b  | d                           |', '|--------|-----------------------------|',
      '| L1\\nL2 | x\\x07y                      |', '']);
  });

  test('panel title, lines and key/value pairs', () => {
    expect(formatPanel('T\x1b', keyValueLines([['k\n', 'v\x9b']]), 20)).toBe('       T\\x1b\n| k\\n  v\\x9b       |\n');
  });

  test('warnings', () => {
    expect(formatWarning('Skipped "a\x1b[2J\nb"')).toBe('WARNING: Skipped "a\\x1b[2J\\nb"\n');
  });
});
