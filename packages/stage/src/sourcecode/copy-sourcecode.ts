import { chmod, copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SourcecodePlan } from './plan-sourcecode.js';

/** Options of {@link copySourcecode}. */
export interface CopySourcecodeOptions {
  /** Called for a planned file that disappeared before it could be copied. */
  onWarning?: ((message: string) => void) | undefined;
}

/**
 * Copies the planned files to the same relative paths under `runDir`
 * (stage.md 4.6): parents created, content and permission bits copied; a
 * symlinked file is copied as its content. Returns the copied paths.
 *
 * @example
 * ```ts
 * const plan = await planSourcecode(projectDir, sourcecodePatterns(opdef));
 * await copySourcecode(plan, run.runDir); // ['say.py']
 * ```
 */
export async function copySourcecode(
  plan: Pick<SourcecodePlan, 'srcDir' | 'paths'>, runDir: string, options: CopySourcecodeOptions = {},
): Promise<string[]> {
  const copied: string[] = [];
  for (const path of plan.paths) {
    const src = join(plan.srcDir, path);
    const dst = join(runDir, path);
    let mode: number;
    try {
      mode = (await stat(src)).mode & 0o7777;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      options.onWarning?.(`Cannot copy "${path}": file no longer exists`);
      continue;
    }
    await mkdir(dirname(dst), { recursive: true });
    await copyFile(src, dst);
    await chmod(dst, mode);
    copied.push(path);
  }
  return copied;
}
