import { resolve } from 'node:path';
import { OpCmd, type OpDef } from '@gage/types';
import { MissingExecError } from '../errors.js';
import { opdefExec } from './opdef-exec.js';

/**
 * The run command of an operation (lifecycle.md 5.3): the opdef's `run`
 * command with every `$project_dir` (in the string, or in each array element)
 * replaced by the absolute project dir, and an empty env.
 *
 * @throws {MissingExecError} when the run command is missing, `""` or `[]`:
 *   `Operation <op> defined in "<gage file>" is missing an exec command`
 * @example
 * ```ts
 * opRunCommand(OpDef('hello', { exec: 'python $project_dir/hello.py' }), '/p');
 * // { args: 'python /p/hello.py', env: {} }
 * ```
 */
export function opRunCommand(opdef: OpDef, projectDir: string): OpCmd {
  const run = opdefExec(opdef).run;
  if (run === undefined || run === '' || (Array.isArray(run) && run.length === 0)) {
    throw new MissingExecError(opdef.name, opdef.gagefile);
  }
  const dir = resolve(projectDir);
  const replace = (s: string): string => s.replaceAll('$project_dir', dir);
  return OpCmd(typeof run === 'string' ? replace(run) : run.map(replace), {});
}
