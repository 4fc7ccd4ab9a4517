import { escapeControl } from './escape-control.js';

/**
 * One warning line for stderr: `WARNING: <message>` and a newline, the
 * message's control characters escaped (it may name a file or echo a value
 * from a run or a project).
 *
 * @example
 * ```ts
 * io.stderr.write(formatWarning('Skipped "a\x1b": broken symbolic link')); // 'WARNING: Skipped "a\\x1b": broken symbolic link\n'
 * ```
 */
export function formatWarning(message: string): string {
  return `WARNING: ${escapeControl(message)}\n`;
}
