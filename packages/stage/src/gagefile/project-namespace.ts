import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';

/**
 * The namespace of a project's operations: the base name of the project dir
 * after resolving symlinks (stage.md 1.1). A dir that does not exist (yet) is
 * named by its resolved path.
 *
 * @example
 * ```ts
 * await projectNamespace('/home/ada/hello'); // 'hello'
 * ```
 */
export async function projectNamespace(projectDir: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(projectDir);
  } catch {
    real = resolve(projectDir);
  }
  return basename(real);
}
