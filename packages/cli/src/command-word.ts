import { resolve } from 'node:path';

/**
 * Where the command word of `argv` is, read before the program loads (the
 * bin decides from it what to start early): the index after the global
 * options (`-C PATH`, `-CPATH`, `--runs[-dir] PATH`, `--runs[-dir]=PATH`,
 * `-v`..., `--verbose`; docs/spec/cli.md 2.1), and the start dir that `-C`
 * gives (`cwd` without it). Any other option ends the scan there.
 *
 * @example
 * ```ts
 * commandWord(['-C', 'proj', '-v', 'run', '-y'], '/home/me'); // { index: 3, dir: '/home/me/proj' }
 * ```
 */
export function commandWord(argv: readonly string[], cwd: string): { index: number; dir: string } {
  let dir = cwd;
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] as string;
    if (arg === '-C') dir = resolve(cwd, argv[i + 1] ?? '');
    else if (/^-C./.test(arg)) dir = resolve(cwd, arg.slice(2));
    if (arg === '-C' || arg === '--runs' || arg === '--runs-dir') i += 2;
    else if (/^-C.|^--runs(-dir)?=|^-v+$|^--verbose$/.test(arg)) i += 1;
    else break;
  }
  return { index: i, dir };
}
