import type { OpCmd, Run } from '@gage/types';
import { isJsonObject, readMetaJsonSync } from './_read-meta-json-sync.js';
import { RunMetaError } from '../errors.js';

/**
 * Reads the run command: `proc/cmd` (an argv array, or a string for a shell
 * command) and `proc/env` (an object of strings). Runs made by Gage (Python)
 * have `proc/cmd.json` and `proc/env.json`; those are read when the
 * suffix-less files are missing. A run without either env file has `{}`.
 *
 * @param run the run
 * @returns `{args, env}`
 * @throws {RunMetaError} `ERR_GAGE_RUN_META` when the command file is missing,
 *   either file is not JSON, or holds the wrong shape
 * @example
 * ```ts
 * readRunCmdSync(run); // { args: ['python', 'say.py'], env: {} }
 * ```
 */
export function readRunCmdSync(run: Run): OpCmd {
  const cmd = readMetaJsonSync(run, ['proc/cmd', 'proc/cmd.json'])!;
  const args = cmd.value;
  const isArgv = Array.isArray(args) && args.every((a) => typeof a === 'string');
  if (typeof args !== 'string' && !isArgv) {
    throw new RunMetaError(run.id, cmd.file, 'expected a JSON array of strings or a string');
  }
  const envFile = readMetaJsonSync(run, ['proc/env', 'proc/env.json'], { required: false });
  const env = envFile?.value ?? {};
  if (!isJsonObject(env) || !Object.values(env).every((v) => typeof v === 'string')) {
    throw new RunMetaError(run.id, envFile?.file ?? 'proc/env', 'expected a JSON object of strings');
  }
  return { args: args as string | string[], env: env as Record<string, string> };
}
