import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { substituteShellToken } from './_shell-substitute.js';

afterAll(cleanupTestdirs);

const T = '$project_dir';
const NASTY = [
  '/p',
  '/my project',
  "/it's here",
  '/a"b',
  '/dollar$HOME',
  '/back\\slash',
  '/tick`id`',
  '/inj$(touch${IFS}PWNED)',
  '/mix \'single\' "double" $(x) `y` \\z',
  '/star*?[a]',
  '/new\nline',
  '/~tilde;semi&amp|pipe>gt<lt',
];

/** What a real POSIX shell prints for `command`, one argument per line between brackets. */
function shell(command: string, cwd: string, sh = '/bin/sh'): string {
  return execFileSync(sh, ['-c', command], { cwd, encoding: 'utf8' });
}

describe('substituteShellToken()', () => {
  test.each(NASTY)('a real shell reads %j as exactly that text in every quoting context', async (dir) => {
    const cwd = await testdir();
    const forms = [
      `printf '[%s]\\n' ${T}/x`, // unquoted, then more of the same word
      `printf '[%s]\\n' "${T}/x"`, // inside double quotes
      `printf '[%s]\\n' '${T}/x'`, // inside single quotes
      `printf '[%s]\\n' "$(printf '%s' "${T}")/x"`, // in a $(...) inside double quotes
      `printf '[%s]\\n' "\`printf '%s' ${T}\`/x"`, // in backquotes inside double quotes
      `printf '[%s]\\n' $(echo)${T}/x # it's a comment with ${T}`,
    ];
    for (const sh of ['/bin/sh', 'bash']) {
      for (const form of forms) {
        expect(shell(substituteShellToken(form, T, dir), cwd, sh)).toBe(`[${dir}/x]\n`);
      }
    }
    expect(existsSync(join(cwd, 'PWNED'))).toBe(false);
  });

  test('leaves a plain path bare, an escaped token and a comment alone', () => {
    expect(substituteShellToken(`python ${T}/a.py`, T, '/p/q')).toBe('python /p/q/a.py');
    expect(substituteShellToken(`echo \\${T} ${T}`, T, '/a b')).toBe(`echo \\${T} '/a b'`);
    expect(substituteShellToken(`ls # ${T}`, T, '/a b')).toBe(`ls # ${T}`);
    expect(substituteShellToken(`ls a#${T}`, T, '/a b')).toBe("ls a#'/a b'");
  });
});
