import { describe, expect, test } from '@jest/globals';
import { formatTable } from './format-table.js';
import { cutText, padText, textWidth, wrapText } from './text-width.js';

describe('textWidth() per Unicode (UAX #11, emoji presentation)', () => {
  test.each([
    ['abc', 3],
    ['', 0],
    ['a…', 2],
    ['测试', 4],
    ['ｆｕｌｌ', 8], // fullwidth forms
    ['ｶﾀｶﾅ', 4], // halfwidth katakana
    ['🚀', 2],
    ['👩‍💻', 2], // a ZWJ sequence is one emoji
    ['🇩🇪', 2], // a flag
    ['❤️', 2], // text-default heart with VS16
    ['❤', 1], // without VS16: text presentation
    ['é', 1], // e + combining acute
    ['\u0301', 0], // a combining mark alone
    ['α', 1], // ambiguous width: narrow
    ['label 测试 🚀', 13],
  ])('%j is %i columns', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

describe('cutText(), padText(), wrapText() by columns', () => {
  test('never split a wide character or a cluster', () => {
    expect(cutText('测试测试', 5)).toBe('测试…');
    expect(cutText('测试测试', 8)).toBe('测试测试');
    expect(cutText('👩‍💻👩‍💻', 3)).toBe('👩‍💻…');
    expect(padText('测', 3)).toBe('测 ');
    expect(padText('🚀', 4, 'right')).toBe('  🚀');
    expect(wrapText('测试测试 ab', 4)).toEqual(['测试', '测试', 'ab']);
  });

  test('a table with CJK and emoji cells lines up', () => {
    const table = formatTable([{ header: 'label' }, { header: 'n' }], [['测试', '1'], ['🚀 go', '2'], ['plain', '3']], { width: 80 });
    const lines = table.trimEnd().split('\n');
    expect(new Set(lines.map(textWidth))).toEqual(new Set([textWidth(lines[0] as string)]));
    expect(lines[2]).toBe('| 测试  | 1 |');
  });
});
