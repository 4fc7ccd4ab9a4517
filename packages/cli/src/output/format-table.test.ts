import { describe, expect, test } from '@jest/globals';
import { formatPanel, keyValueLines } from './format-panel.js';
import { formatTable } from './format-table.js';
import { cutText, wrapText } from './text-width.js';

describe('formatTable()', () => {
  test('plain table with natural widths', () => {
    const out = formatTable([{ header: 'name' }, { header: 'size', align: 'right' }], [['a.py', '7 B'], ['bb', '1.0 kB']], { width: 80 });
    expect(out).toBe('| name |   size |\n|------|--------|\n| a.py |    7 B |\n| bb   | 1.0 kB |\n');
  });

  test('a table with no rows prints header and separator', () => {
    expect(formatTable([{ header: '#' }, { header: 'name' }], [], { width: 80 })).toBe('| # | name |\n|---|------|\n');
  });

  test('a flexible column makes the table span exactly the width and cuts with …', () => {
    const out = formatTable([{ header: '#' }, { header: 'description', flex: 'cut' }], [['1', 'x'.repeat(100)]], { width: 30 });
    const lines = out.split('\n').filter((l) => l);
    for (const l of lines) expect([...l].length).toBe(30);
    expect(lines[2]).toBe(`| 1 | ${'x'.repeat(21)}… |`);
  });

  test('the flexible column is never narrower than its header', () => {
    const out = formatTable([{ header: 'operation' }, { header: 'description', flex: 'cut' }], [['x', 'y']], { width: 10 });
    expect(out.split('\n')[0]).toBe('| operation | description |');
  });

  test('a wrapping column continues on rows whose other cells are blank', () => {
    const out = formatTable([{ header: 'op' }, { header: 'description', flex: 'wrap' }], [['a', 'one two three four']], { width: 20 });
    expect(out).toBe('| op | description |\n|----|-------------|\n| a  | one two     |\n|    | three four  |\n');
  });

  test('header-less tables print only rows', () => {
    expect(formatTable([{ header: '' }, { header: '' }], [['name', 'Bob']], { width: 80, header: false })).toBe('| name | Bob |\n');
  });

  test('styled tables use rounded borders', () => {
    const out = formatTable([{ header: 'a' }], [['x']], { width: 80, styled: true });
    expect(out).toBe('╭───╮\n│ a │\n├───┤\n│ x │\n╰───╯\n');
  });

  test('colours only when asked', () => {
    expect(formatTable([{ header: 'a' }], [['x']], { width: 80 })).not.toContain('\x1b');
    expect(formatTable([{ header: 'a' }], [['x']], { width: 80, styled: true, color: true })).toContain('\x1b[93ma\x1b[39m');
  });
});

describe('formatPanel()', () => {
  test('centres the title and frames the lines to the width', () => {
    const out = formatPanel('Config', ['name  Bob'], 20);
    expect(out).toBe('       Config\n| name  Bob        |\n');
  });

  test('keyValueLines pads keys to the longest plus two', () => {
    expect(keyValueLines([['id', 'x'], ['name', 'y']])).toEqual(['id    x', 'name  y']);
  });
});

describe('text helpers', () => {
  test('cutText and wrapText', () => {
    expect(cutText('description', 5)).toBe('desc…');
    expect(cutText('abc', 5)).toBe('abc');
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
