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

/**
 * Makes an {@link OpCmd}; the seed scenario's `OpCmd(["python", "say.py"], {})`.
 *
 * @example
 * ```ts
 * const cmd = OpCmd(['python', 'say.py'], {});
 * ```
 */
export function OpCmd(args: string | string[], env: Record<string, string> = {}): OpCmd {
  return { args, env };
}
