import { describe, expect, test } from '@jest/globals';
import { parseBatchCsv } from './parse-batch-csv.js';

const values = (rows: ReturnType<typeof parseBatchCsv>) => rows.map((r) => Object.fromEntries(r.map((f) => [f.name, f.value])));

describe('parseBatchCsv()', () => {
  test('types cells like flag values and keeps their text', () => {
    const rows = parseBatchCsv("name,n,lr,ok,tag\nJoe,1,0.1,true,'7'\nMike,2,1e-3,false,null\n", 'b.csv');
    expect(values(rows)).toEqual([
      { name: 'Joe', n: 1n, lr: 0.1, ok: true, tag: '7' },
      { name: 'Mike', n: 2n, lr: 0.001, ok: false, tag: null },
    ]);
    expect(rows[1]?.find((f) => f.name === 'lr')?.text).toBe('1e-3');
  });

  test('an empty cell sets nothing (the default stays); whitespace counts as empty', () => {
    expect(values(parseBatchCsv('x,y\n1,\n, \n,2\n', 'b.csv'))).toEqual([{ x: 1n }, {}, { y: 2n }]);
  });

  test('CSV quoting: commas, quotes and line breaks inside a quoted cell', () => {
    const rows = parseBatchCsv('msg,n\n"a, b",1\n"say ""hi""",2\n"two\nlines",3\n"",4\n', 'b.csv');
    expect(values(rows)).toEqual([{ msg: 'a, b', n: 1n }, { msg: 'say "hi"', n: 2n }, { msg: 'two\nlines', n: 3n }, { n: 4n }]);
  });

  test('a byte-order mark, CRLF and CR line breaks, a missing last line break, empty lines', () => {
    expect(values(parseBatchCsv('\ufeffname,n\r\nJoe,1\r\n\r\nMike,2', 'b.csv'))).toEqual([{ name: 'Joe', n: 1n }, { name: 'Mike', n: 2n }]);
    expect(values(parseBatchCsv('a\r1\r2\r', 'b.csv'))).toEqual([{ a: 1n }, { a: 2n }]);
  });

  test('header names are trimmed; a header alone, or an empty file, has no rows', () => {
    expect(values(parseBatchCsv(' x , y \n1,2\n', 'b.csv'))).toEqual([{ x: 1n, y: 2n }]);
    expect(parseBatchCsv('x,y\n', 'b.csv')).toEqual([]);
    expect(parseBatchCsv('', 'b.csv')).toEqual([]);
  });

  test('a one-column file: a quoted empty cell is a row that keeps the defaults', () => {
    expect(values(parseBatchCsv('x\n""\n3\n', 'b.csv'))).toEqual([{}, { x: 3n }]);
  });

  const error = (text: string) => {
    try {
      parseBatchCsv(text, 'b.csv');
    } catch (err) {
      return { code: (err as { code: string }).code, message: (err as Error).message };
    }
    throw new Error('no error');
  };

  test('ragged rows are refused, naming the line', () => {
    expect(error('x,y\n1,2\n1,2,3\n')).toEqual({ code: 'ERR_GAGE_BATCH_FILE_READ',
      message: 'Cannot read batch file b.csv: line 3 has 3 values, the header has 2 columns' });
    expect(error('x,y\n1\n').message).toBe('Cannot read batch file b.csv: line 2 has 1 value, the header has 2 columns');
  });

  test('duplicate and empty header names are refused', () => {
    expect(error('x,y,x\n1,2,3\n').message).toBe("Cannot read batch file b.csv: line 1: column 'x' is named twice (columns 1 and 3)");
    expect(error('x,,y\n1,2,3\n').message).toBe('Cannot read batch file b.csv: line 1: column 2 has no name');
  });

  test('broken quoting and cells that do not parse are refused, naming the line', () => {
    expect(error('x\n"abc\n').message).toBe('Cannot read batch file b.csv: line 2: a quoted value is not closed');
    expect(error('x\n"a"b\n').message).toBe('Cannot read batch file b.csv: line 2: text after the closing quote of a quoted value');
    expect(error("x,y\n1,'a'b\n").message).toBe("Cannot read batch file b.csv: line 2, column 'y': Unexpected token: 'b'");
  });
});
