import { resolve } from 'node:path';
import { OpCmd, type OpDef } from '@gage/types';
import { MissingExecError } from '../errors.js';
import { opdefExec } from './opdef-exec.js';
import { substituteShellToken } from './_shell-substitute.js';

const TOKEN = '$project_dir';
/** `#!` interpreters that read their `-c` text as a POSIX shell does. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

/**
 * The run command of an operation (docs/spec/lifecycle.md 5.3): the opdef's `run`
 * command with every `$project_dir` replaced by the absolute project dir, and
 * an empty env. How the dir is written depends on who reads the command, so
 * that any dir (spaces, `$`, quotes, `$(...)` in its name) reaches the
 * program as exactly that path and never runs as code: in an array, each
 * element gets the raw path (no shell); in a shell string (and in the body of
 * a `#!sh`/`#!bash`... string) it is quoted for the shell at its place
 * (`'...'` when unquoted, escaped inside `'...'` or `"..."`, see
 * `substituteShellToken`); in the body of another `#!` interpreter (Python...)
 * it is raw, as that language's text is not the shell's.
 *
 * @throws {MissingExecError} when the run command is missing, `""` or `[]`:
 *   `Operation <op> defined in "<gage file>" is missing an exec command`
 * @example
 * ```ts
 * opRunCommand(OpDef('hello', { exec: 'python $project_dir/hello.py' }), '/p');
 * // { args: 'python /p/hello.py', env: {} }
 * opRunCommand(OpDef('hello', { exec: 'python $project_dir/hello.py' }), '/my p');
 * // { args: "python '/my p'/hello.py", env: {} }
 * ```
 */
export function opRunCommand(opdef: OpDef, projectDir: string): OpCmd {
  const run = opdefExec(opdef).run;
  if (run === undefined || run === '' || (Array.isArray(run) && run.length === 0)) {
    throw new MissingExecError(opdef.name, opdef.gagefile);
  }
  const dir = resolve(projectDir);
  if (typeof run !== 'string') return OpCmd(run.map((arg) => arg.replaceAll(TOKEN, dir)), {});
  if (!run.startsWith('#!')) return OpCmd(substituteShellToken(run, TOKEN, dir), {});
  const newline = run.indexOf('\n');
  const first = newline < 0 ? run : run.slice(0, newline);
  const body = newline < 0 ? '' : run.slice(newline);
  const shell = SHELLS.has(interpreterName(first));
  return OpCmd(first.replaceAll(TOKEN, dir) + (shell ? substituteShellToken(body, TOKEN, dir) : body.replaceAll(TOKEN, dir)), {});
}

/** `bash` for `#!/bin/bash -e` and for `#!/usr/bin/env bash`. */
function interpreterName(firstLine: string): string {
  const words = firstLine.slice(2).trim().split(/\s+/);
  const base = (w: string | undefined) => (w ?? '').slice((w ?? '').lastIndexOf('/') + 1);
  return base(words[0]) === 'env' ? base(words.find((w, i) => i > 0 && !w.startsWith('-'))) : base(words[0]);
}
