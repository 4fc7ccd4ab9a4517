import { describe, expect, test } from '@jest/globals';
import { formatPatchedDiff } from './format-patched-diff.js';

const lines = (n: number, change: (i: number) => string | undefined = () => undefined) =>
  Array.from({ length: n }, (_, i) => (change(i + 1) ?? `line ${i + 1}`) + '\n').join('');

describe('formatPatchedDiff()', () => {
  test('formatPatchedDiff() gives the exact log/patched of the seed', () => {
    const diff = formatPatchedDiff([
      { path: 'say.py', oldText: 'msg = "Hi there"\nprint(msg)\n', newText: 'msg = "Ho there"\nprint(msg)\n' },
    ]);
    expect(diff).toBe([
      '--- say.py',
      '+++ say.py',
      '@@ -1,2 +1,2 @@',
      '-msg = "Hi there"',
      '+msg = "Ho there"',
      ' print(msg)',
      '',
    ].join('\n'));
  });

  test('formatPatchedDiff() gives the train.py example of the spec', () => {
    const oldText = 'epochs = 10\nlr = 0.1\nprint(epochs, lr)\n';
    expect(formatPatchedDiff([{ path: 'train.py', oldText, newText: oldText.replace('10', '20') }])).toBe(
      '--- train.py\n+++ train.py\n@@ -1,3 +1,3 @@\n-epochs = 10\n+epochs = 20\n lr = 0.1\n print(epochs, lr)\n',
    );
  });

  test('formatPatchedDiff() returns "" for no files and for unchanged files', () => {
    expect(formatPatchedDiff([])).toBe('');
    expect(formatPatchedDiff([{ path: 'a.py', oldText: 'x = 1\n', newText: 'x = 1\n' }])).toBe('');
  });

  test('formatPatchedDiff() uses 3 context lines', () => {
    const diff = formatPatchedDiff([{ path: 'a.py', oldText: lines(20), newText: lines(20, (i) => (i === 10 ? 'X' : undefined)) }]);
    expect(diff).toBe(
      '--- a.py\n+++ a.py\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+X\n line 11\n line 12\n line 13\n',
    );
  });

  test('formatPatchedDiff() merges hunks 6 lines apart and splits hunks 7 lines apart', () => {
    const merged = formatPatchedDiff([{ path: 'a.py', oldText: lines(20), newText: lines(20, (i) => (i === 5 || i === 12 ? 'X' : undefined)) }]);
    expect(merged.match(/^@@.*$/gm)).toEqual(['@@ -2,14 +2,14 @@']);
    const split = formatPatchedDiff([{ path: 'a.py', oldText: lines(20), newText: lines(20, (i) => (i === 5 || i === 13 ? 'X' : undefined)) }]);
    expect(split.match(/^@@.*$/gm)).toEqual(['@@ -2,7 +2,7 @@', '@@ -10,7 +10,7 @@']);
  });

  test('formatPatchedDiff() writes a count of 1 as the start alone and a count of 0 from the line before', () => {
    expect(formatPatchedDiff([{ path: 'a', oldText: 'x\n', newText: 'y\n' }])).toBe('--- a\n+++ a\n@@ -1 +1 @@\n-x\n+y\n');
    expect(formatPatchedDiff([{ path: 'a', oldText: '', newText: 'x\n' }])).toBe('--- a\n+++ a\n@@ -0,0 +1 @@\n+x\n');
    expect(formatPatchedDiff([{ path: 'a', oldText: 'x\n', newText: '' }])).toBe('--- a\n+++ a\n@@ -1 +0,0 @@\n-x\n');
    expect(formatPatchedDiff([{ path: 'a', oldText: 'a\nb\n', newText: 'a\n' }])).toBe('--- a\n+++ a\n@@ -1,2 +1 @@\n a\n-b\n');
    expect(formatPatchedDiff([{ path: 'a', oldText: 'a\nb\n', newText: 'b\n' }])).toBe('--- a\n+++ a\n@@ -1,2 +1 @@\n-a\n b\n');
  });

  test('formatPatchedDiff() writes no "No newline" marker and ends every line with LF', () => {
    const diff = formatPatchedDiff([{ path: 'a.py', oldText: 'x = 1\ny = 2', newText: 'x = 1\ny = 3' }]);
    expect(diff).toBe('--- a.py\n+++ a.py\n@@ -1,2 +1,2 @@\n x = 1\n-y = 2\n+y = 3\n');
  });

  test('formatPatchedDiff() keeps CR of CRLF lines before the LF', () => {
    const diff = formatPatchedDiff([{ path: 'a.py', oldText: 'x = 1\r\ny = 2\r\n', newText: 'x = 1\r\ny = 3\r\n' }]);
    expect(diff).toBe('--- a.py\n+++ a.py\n@@ -1,2 +1,2 @@\n x = 1\r\n-y = 2\r\n+y = 3\r\n');
  });

  test('formatPatchedDiff() concatenates files in path order', () => {
    const diff = formatPatchedDiff([
      { path: 'sub/b.py', oldText: 'b = 1\n', newText: 'b = 2\n' },
      { path: 'a.py', oldText: 'a = 1\n', newText: 'a = 2\n' },
      { path: 'Z.py', oldText: 'z = 1\n', newText: 'z = 2\n' },
    ]);
    expect(diff).toBe([
      '--- Z.py',
      '+++ Z.py',
      '@@ -1 +1 @@',
      '-z = 1',
      '+z = 2',
      '--- a.py',
      '+++ a.py',
      '@@ -1 +1 @@',
      '-a = 1',
      '+a = 2',
      '--- sub/b.py',
      '+++ sub/b.py',
      '@@ -1 +1 @@',
      '-b = 1',
      '+b = 2',
      '',
    ].join('\n'));
  });
});
