import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';

/**
 * The namespace of a project's operations: the base name of the project dir
 * after resolving symlinks (docs/spec/stage.md 1.1), each whitespace character
 * replaced by `_` (an op ref cannot hold whitespace, docs/spec/lifecycle.md 2.5, and a
 * project dir named `my project` must still run). A dir that does not exist
 * (yet) is named by its resolved path.
 *
 * @example
 * ```ts
 * await projectNamespace('/home/ada/hello'); // 'hello'
 * await projectNamespace('/home/ada/my project'); // 'my_project'
 * ```
 */
export async function projectNamespace(projectDir: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(projectDir);
  } catch {
    real = resolve(projectDir);
  }
  return basename(real).replace(/\s/g, '_');
}
