import { describe, expect, test } from '@jest/globals';
import { formatCsv } from './format-csv.js';

describe('formatCsv', () => {
  test('plain fields as they are, one line per row, LF line ends', () => {
    expect(formatCsv(['run:name', 'metric:loss'], [['abc', '0.5'], ['', '']])).toBe('run:name,metric:loss\nabc,0.5\n,\n');
  });

  test('RFC 4180 quoting: commas, quotes, CR and LF; quotes doubled; edge spaces kept by quoting', () => {
    expect(formatCsv(['a'], [['x,y'], ['say "hi"'], ['two\nlines'], ['cr\r'], [' pad ']])).toBe(
      'a\n"x,y"\n"say ""hi"""\n"two\nlines"\n"cr\r"\n" pad "\n',
    );
  });

  test('an empty table is its header', () => {
    expect(formatCsv(['a', 'b'], [])).toBe('a,b\n');
  });
});
