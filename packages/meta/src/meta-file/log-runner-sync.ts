import { appendFileSync } from 'node:fs';
import type { Run } from '@gage/types';
import { runnerLogLine } from './_runner-log-line.js';
import { runMetaPath } from '../run/run-meta-path.js';
import { withParentDir } from './_with-parent-dir.js';

/**
 * Appends one record to the runner log `log/runner` (docs/spec/lifecycle.md 6):
 * `<local time> <message>\n`, the time as `YYYY-MM-DDTHH:MM:SS±HHMM`.
 * Creates `log/` and the file (writable) on first use; only ever appends.
 * A record is one line: each line break in `message` is replaced with the
 * two characters `\n`.
 *
 * @param run the run
 * @param message the message, beginning with an upper-case letter
 * @example
 * ```ts
 * logRunnerSync(run, 'Writing meta opref');
 * // log/runner: 2024-06-27T18:32:05-0500 Writing meta opref
 * ```
 */
export function logRunnerSync(run: Run, message: string): void {
  const line = runnerLogLine(message);
  const path = runMetaPath(run, 'log', 'runner');
  withParentDir(run, path, () => appendFileSync(path, line, { mode: 0o666 }));
}
