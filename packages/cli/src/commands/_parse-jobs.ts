import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** Most runs at a time: `-j` above this runs this many (the scheduler makes one lane per job). */
const MAX_JOBS = 1024;

/**
 * The value of `-j/--jobs` (docs/spec/cli.md 5.1, decision 24): an integer of 1 or
 * more, 1 when not given. A number larger than the runs is fine; above
 * 1,024 it counts as 1,024.
 *
 * @param ctx the command context
 * @param usage the usage line of the command, for the error
 * @param text the option's value
 * @throws {UsageError} `Invalid value for '-j' / '--jobs': '0' is not in the range x>=1.` (exit 2)
 * @example
 * ```ts
 * parseJobs(ctx, 'gage run [options]', '4'); // 4
 * ```
 */
export function parseJobs(ctx: Context, usage: string, text: string | undefined): number {
  if (text === undefined) return 1;
  const fail = (why: string): never => {
    throw new UsageError(ctx.cmdPath, usage, `Invalid value for '-j' / '--jobs': '${text}' ${why}.`);
  };
  if (!/^\s*[-+]?\d+\s*$/.test(text)) fail('is not a valid integer');
  const jobs = Number(text);
  if (jobs < 1) fail('is not in the range x>=1');
  return Math.min(jobs, MAX_JOBS);
}
