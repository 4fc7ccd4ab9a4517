import { constants, copyFileSync, mkdirSync, statSync } from 'node:fs';
import { copyFile as copyFileAsync } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeLoopYield } from '@gage/meta';
import type { SourcecodePlan } from './plan-sourcecode.js';

/** Options of {@link copySourcecode}. */
export interface CopySourcecodeOptions {
  /** Called for a planned file that disappeared before it could be copied. */
  onWarning?: ((message: string) => void) | undefined;
}

/**
 * Copies the planned files to the same relative paths under `runDir`
 * (docs/spec/stage.md 4.6): parents created, content and permission bits copied; a
 * symlinked file is copied as its content. Returns the copied paths.
 *
 * Each small file is one synchronous `copyFile` (which copies the permission
 * bits too), each target dir one `mkdir`: for many small files, a
 * thread-pool round trip per call, a `stat` and `chmod` per file and a
 * `mkdir -p` per file made staging ~10x slower than `cp -r`. The event loop
 * still gets a turn now and then (`makeLoopYield`), and a file over 1 MiB
 * is copied in the thread pool, so that the run lock's refresh timer runs
 * however long the copy takes: a lock not refreshed for 10 s looks stale,
 * and another process could delete the run while it stages.
 *
 * @example
 * ```ts
 * const plan = await planSourcecode(projectDir, sourcecodePatterns(opdef));
 * await copySourcecode(plan, run.runDir); // ['say.py']
 * ```
 */
export async function copySourcecode(
  plan: Pick<SourcecodePlan, 'srcDir' | 'paths'> & Partial<Pick<SourcecodePlan, 'sizes'>>,
  runDir: string,
  options: CopySourcecodeOptions = {},
): Promise<string[]> {
  const copied: string[] = [];
  const made = new Set<string>();
  const pause = makeLoopYield();
  for (const path of plan.paths) {
    const turn = pause();
    if (turn) await turn;
    const src = join(plan.srcDir, path);
    const dst = join(runDir, path);
    const dir = dirname(dst);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      // The size from the plan where its selection stat-ed the file (the default patterns do), else one stat.
      if ((plan.sizes?.get(path) ?? statSync(src).size) > BIG_FILE) await copyBigFile(src, dst);
      else copySmallFile(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      options.onWarning?.(`Cannot copy "${path}": file no longer exists`);
      continue;
    }
    copied.push(path);
  }
  return copied;
}

/** Files larger than this are copied in the thread pool: a big file on a slow disk must not block the event loop. */
const BIG_FILE = 1024 * 1024;

/** Copies content and mode; a new target skips the checks of an existing one (truncate, same-file). */
function copySmallFile(src: string, dst: string): void {
  try {
    copyFileSync(src, dst, constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    copyFileSync(src, dst);
  }
}

/** {@link copySmallFile} in the thread pool. */
async function copyBigFile(src: string, dst: string): Promise<void> {
  try {
    await copyFileAsync(src, dst, constants.COPYFILE_EXCL);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await copyFileAsync(src, dst);
  }
}
