import { fileSystemError, isGageError } from '@gage/types';
import { denoPermissionMessage } from './deno-permission-message.js';
import { UsageError } from './errors.js';
import { exitStatus } from './exit-status.js';
import type { Io } from './io.js';
import { escapeControl } from './output/escape-control.js';

/**
 * Prints an error the way `gage` does (docs/spec/cli.md 1.2) and returns its exit
 * code: a usage error (exit 2), a failed hook (its exit status, no message),
 * a `GageError` (`gage: ` + message + hint, exit 1 or its `exitCode`), a
 * file-system error as the `FileSystemError` it stands for, anything else as
 * a bug (with the stack trace when `verbose`).
 *
 * @example
 * ```ts
 * return printError(err, ctx.io, ctx.verbose);
 * ```
 */
export function printError(caught: unknown, io: Io, verbose: number): number {
  // A full disk, a read-only file system or a permission is the user's to fix, not a bug in Gage.
  const err = isGageError(caught) ? caught : (fileSystemError(caught) ?? caught);
  const e = err as { code?: string; message: string; hint?: string; exitCode?: unknown; stack?: string };
  if (err instanceof UsageError) {
    const tryCmd = err.cmdPath ? `gage ${err.cmdPath}` : 'gage';
    const message = escapeControl(err.message, { keepNewlines: true });
    io.stderr.write(err.short ? `Error: ${message}\n` : `Usage: ${err.usage}\nTry '${tryCmd} -h' for help.\n\nError: ${message}\n`);
    return 2;
  }
  if (isGageError(err) && e.code === 'ERR_GAGE_RUN_EXEC' && typeof e.exitCode === 'number') {
    return exitStatus(e.exitCode);
  }
  const unprefixed = (err as { unprefixed?: unknown } | null)?.unprefixed === true;
  // Messages echo user input (run specs, flags, paths, file contents): no escape sequence reaches the terminal.
  const safe = (text: string) => escapeControl(text, { keepNewlines: true });
  if (isGageError(err)) {
    io.stderr.write(`${unprefixed ? '' : 'gage: '}${safe(e.message)}\n${e.hint ? `\n${safe(e.hint)}\n` : ''}`);
    if (verbose > 0 && e.stack) io.stderr.write(`\n${e.stack}\n`);
    return typeof e.exitCode === 'number' ? e.exitCode : 1;
  }
  const denied = denoPermissionMessage(err);
  if (denied) {
    io.stderr.write(`gage: ${safe(denied.message)}\n\n${denied.hint}\n`);
    if (verbose > 0 && e.stack) io.stderr.write(`\n${e.stack}\n`);
    return 1;
  }
  io.stderr.write(`gage: ${safe(e?.message ?? String(err))}\n`);
  if (verbose > 0 && e?.stack) io.stderr.write(`\n${e.stack}\n\nThis is a bug in Gage; please report it with the trace above.\n`);
  else io.stderr.write('\nThis looks like a bug in Gage; run again with -v for details and please report it.\n');
  return 1;
}
