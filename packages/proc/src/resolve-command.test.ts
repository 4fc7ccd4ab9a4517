import { describe, expect, test } from '@jest/globals';
import { resolveCommand } from './resolve-command.js';

describe('resolveCommand()', () => {
  test('an array is a program and its arguments, without a shell', () => {
    expect(resolveCommand(['python', 'say.py', 'a b'])).toEqual({ file: 'python', args: ['say.py', 'a b'], shell: false });
    expect(resolveCommand(['node'])).toEqual({ file: 'node', args: [], shell: false });
  });

  test('a #! string runs its interpreter with -c and the remaining lines joined by LF', () => {
    expect(resolveCommand('#! bash \necho a\necho b\n')).toEqual({ file: 'bash', args: ['-c', 'echo a\necho b\n'], shell: false });
    expect(resolveCommand('#!python\r\nprint(1)\r\nprint(2)')).toEqual({ file: 'python', args: ['-c', 'print(1)\nprint(2)'], shell: false });
    expect(resolveCommand('#!sh')).toEqual({ file: 'sh', args: ['-c', ''], shell: false });
    expect(resolveCommand('#!/usr/bin/env python3\nprint(1)')).toEqual({
      file: '/usr/bin/env',
      args: ['python3', '-c', 'print(1)'],
      shell: false,
    });
  });

  test('any other string runs through the shell', () => {
    expect(resolveCommand('python say.py > out.txt')).toEqual({ file: 'python say.py > out.txt', args: [], shell: true });
    expect(resolveCommand(' #!bash\necho')).toEqual({ file: ' #!bash\necho', args: [], shell: true });
  });

  test('rejects an empty array and a #! without interpreter', () => {
    expect(() => resolveCommand([])).toThrow('Command array is empty: expected a program name first');
    expect(() => resolveCommand('#!  \necho')).toThrow('Command has no interpreter after "#!"');
  });
});
