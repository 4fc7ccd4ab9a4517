import type { ExecCommand } from '@gage/types';

/** A command ready to spawn: see {@link resolveCommand}. */
export interface ResolvedCommand {
  /** The program, or with `shell` the whole command line. */
  file: string;
  /** Arguments passed to `file` (empty with `shell`). */
  args: string[];
  /** True when `file` is a command line for the platform shell (`/bin/sh -c` on POSIX). */
  shell: boolean;
}

/**
 * Resolves a hook or run command (docs/spec/lifecycle.md 7.5):
 *
 * - an array is a program and its arguments, spawned without a shell;
 * - a string whose first line starts with `#!` becomes
 *   `[<rest of line 1, trimmed>, '-c', <remaining lines joined with '\n'>]`, no shell;
 *   the rest of line 1 is split at whitespace, so `#!/usr/bin/env python3`
 *   runs `/usr/bin/env python3 -c ...` as it would in a script file;
 * - any other string runs through the platform shell.
 *
 * @param args The command as stored in `proc/cmd` or in an opdef `exec`.
 * @returns What to spawn.
 * @throws {RangeError} for an empty array or an empty `#!` interpreter.
 * @example
 * ```ts
 * resolveCommand(['python', 'say.py']);      // { file: 'python', args: ['say.py'], shell: false }
 * resolveCommand('#!bash\necho a\necho b');   // { file: 'bash', args: ['-c', 'echo a\necho b'], shell: false }
 * resolveCommand('echo hi > out.txt');        // { file: 'echo hi > out.txt', args: [], shell: true }
 * ```
 */
export function resolveCommand(args: ExecCommand): ResolvedCommand {
  if (Array.isArray(args)) {
    const [file, ...rest] = args;
    if (file === undefined || file === '') throw new RangeError('Command array is empty: expected a program name first');
    return { file, args: rest, shell: false };
  }
  if (args.startsWith('#!')) {
    const lines = args.split(/\r?\n/);
    const [interpreter, ...interpreterArgs] = (lines[0] ?? '').slice(2).trim().split(/\s+/);
    if (!interpreter) throw new RangeError(`Command has no interpreter after "#!": ${JSON.stringify(args)}`);
    return { file: interpreter, args: [...interpreterArgs, '-c', lines.slice(1).join('\n')], shell: false };
  }
  return { file: args, args: [], shell: true };
}
