import { commandWord } from './command-word.js';

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
  return argv[commandWord(argv, '').index] === '__complete' && !argv.some((a) => a === '-h' || a === '--help' || a === '--version');
}
