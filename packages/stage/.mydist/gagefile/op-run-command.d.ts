import { OpCmd, type OpDef } from '@gage/types';
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
export declare function opRunCommand(opdef: OpDef, projectDir: string): OpCmd;
//# sourceMappingURL=op-run-command.d.ts.map