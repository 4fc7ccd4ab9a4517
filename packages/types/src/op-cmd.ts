/**
 * The run command (`proc/cmd`) and its extra environment (`proc/env`).
 * `args` is an argv array, or a string run through the shell (or the `#!` form).
 *
 * @example
 * ```ts
 * const cmd: OpCmd = { args: ['python', 'say.py'], env: {} };
 * ```
 */
export interface OpCmd {
  args: string | string[];
  env: Record<string, string>;
}
