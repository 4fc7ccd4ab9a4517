/**
 * Whether `argv` is a plain `gage [-C PATH] [--runs PATH] [-v] __complete ...`
 * that {@link runComplete} answers as `runMain` would: no help or version
 * option anywhere.
 *
 * @example
 * ```ts
 * isCompletion(['--runs', 'r', '__complete', 'runs']); // true
 * isCompletion(['__complete', '-h']); // false: runMain prints the help
 * ```
 */
export function isCompletion(argv: readonly string[]): boolean {
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] as string;
    if (arg === '-C' || arg === '--runs' || arg === '--runs-dir') i += 2;
    else if (/^-C.|^--runs(-dir)?=|^-v+$|^--verbose$/.test(arg)) i += 1;
    else break;
  }
  return argv[i] === '__complete' && !argv.some((a) => a === '-h' || a === '--help' || a === '--version');
}
