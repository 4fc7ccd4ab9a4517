import { constants, copyFileSync, mkdirSync } from 'node:fs';
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
 * Each file is one synchronous `copyFile` (which copies the permission
 * bits too), each target dir one `mkdir`: for many small files, a
 * thread-pool round trip per call, a `stat` and `chmod` per file and a
 * `mkdir -p` per file made staging ~10x slower than `cp -r`.
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
  const made = new Set<string>();
  for (const path of plan.paths) {
    const src = join(plan.srcDir, path);
    const dst = join(runDir, path);
    const dir = dirname(dst);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      copyFile(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      options.onWarning?.(`Cannot copy "${path}": file no longer exists`);
      continue;
    }
    copied.push(path);
  }
  return copied;
}

/** Copies content and mode; a new target skips the checks of an existing one (truncate, same-file). */
function copyFile(src: string, dst: string): void {
  try {
    copyFileSync(src, dst, constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    copyFileSync(src, dst);
  }
}
