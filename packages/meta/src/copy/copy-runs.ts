import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readlink, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileSystemError, type Run } from '@gage/types';
import { CopyRunsError } from '../errors.js';
import { fileSha256 } from '../files/file-sha256.js';
import { isPidAlive } from '../status/is-pid-alive.js';
import { mergeAttrs } from '../attrs/merge-attrs.js';
import { pathExists } from '../delete/_path-exists.js';
import { readManifestSync } from '../files/read-manifest-sync.js';
import { removeTree } from '../delete/_remove-tree.js';
import { runUserDir } from '../run/_run-paths.js';
import { lockRun } from '../lock/run-lock.js';
import { runStatus } from '../status/run-status.js';
import { copyTree } from './_copy-tree.js';

/** What {@link copyRuns} did, run by run. */
export interface CopyRunsResult {
  /** Runs copied whole (the runs as they are at the destination). */
  copied: Run[];
  /** Runs the destination had, given the user attribute entries it lacked. */
  updated: Run[];
  /** Runs the destination had with every user attribute entry. */
  upToDate: Run[];
  /** Runs not copied, and why (`it is running`, `it is deleted at the destination`). */
  skipped: { run: Run; reason: string }[];
}

const FINISHED = new Set(['completed', 'error', 'terminated']);

/**
 * Copies finished runs into another runs dir (docs/spec/cli.md 5.13): run dir,
 * meta dir and user attributes, never the project reference. A run the
 * destination lacks is copied into a hidden temp dir there
 * (`.<id>.copy-<pid>-<hex>`), checked against its manifest (each file's
 * SHA-256; a file that differs from the manifest must equal the source, which
 * changed after the run), then renamed into place with its meta dir last: an
 * interrupted or failed copy (a full disk) leaves no run at the destination
 * and the runs there as they were. A run the destination has already gets
 * only the attr-log entries it lacks (`mergeAttrs`), so a second copy
 * transfers nothing. Runs that are not finished are skipped. Temp dirs left
 * by copies whose process died are removed.
 *
 * @throws {CopyRunsError} `ERR_GAGE_COPY` when a copy does not match its
 *   source; file system errors (`ENOSPC`, `EFBIG`) as they are, after the
 *   temp dir is removed.
 * @example
 * ```ts
 * const { copied, upToDate } = await copyRuns(runs, '/mnt/backup/runs');
 * ```
 */
export async function copyRuns(runs: readonly Run[], destRunsDir: string): Promise<CopyRunsResult> {
  const result: CopyRunsResult = { copied: [], updated: [], upToDate: [], skipped: [] };
  await mkdir(destRunsDir, { recursive: true });
  await removeDeadTemps(destRunsDir);
  for (const run of runs) {
    const status = await runStatus(run);
    if (!FINISHED.has(status)) {
      result.skipped.push({ run, reason: `it is ${status}` });
      continue;
    }
    const id = basename(run.runDir);
    const dest: Run = { ...run, runDir: join(destRunsDir, id), metaDir: join(destRunsDir, `${id}.meta`) };
    if (await pathExists(dest.metaDir)) {
      const merged = await mergeAttrs(runUserDir(run), runUserDir(dest));
      (merged.length > 0 ? result.updated : result.upToDate).push(dest);
      continue;
    }
    if (await pathExists(`${dest.metaDir}.deleted`)) {
      result.skipped.push({ run, reason: 'it is deleted at the destination' });
      continue;
    }
    try {
      await copyOne(run, dest, destRunsDir);
    } catch (err) {
      const e = err as { dest?: unknown; path?: unknown };
      throw fileSystemError(err, {
        action: `Cannot copy run "${run.id}" to "${destRunsDir}"`,
        path: typeof e.dest === 'string' ? e.dest : typeof e.path === 'string' ? e.path : undefined,
        hint: `Nothing of run "${run.id}" was left there; the runs copied before it are complete.`,
      }) ?? err;
    }
    result.copied.push(dest);
  }
  return result;
}

async function copyOne(run: Run, dest: Run, destRunsDir: string): Promise<void> {
  const id = basename(run.runDir);
  const tmp = join(destRunsDir, `.${id}.copy-${process.pid}-${randomBytes(4).toString('hex')}`);
  const staged: Run = { ...run, runDir: join(tmp, id), metaDir: join(tmp, `${id}.meta`) };
  await mkdir(tmp);
  try {
    if (await pathExists(run.runDir)) await copyTree(run.runDir, staged.runDir);
    await copyTree(run.metaDir, staged.metaDir);
    if (await pathExists(runUserDir(run))) await copyTree(runUserDir(run), runUserDir(staged));
    await verifyCopy(run, staged);
    const lock = await lockRun(dest);
    try {
      // A run dir without a meta dir here is the leftover of an interrupted older copy.
      await removeTree(dest.runDir);
      if (await pathExists(staged.runDir)) await rename(staged.runDir, dest.runDir);
      if (await pathExists(runUserDir(staged))) {
        if (await pathExists(runUserDir(dest))) await mergeAttrs(runUserDir(staged), runUserDir(dest));
        else await rename(runUserDir(staged), runUserDir(dest));
      }
      await rename(staged.metaDir, dest.metaDir);
    } finally {
      await lock.release();
    }
  } finally {
    await removeTree(tmp);
  }
}

/** Checks every manifest entry of the copy; a file that differs from the manifest must equal its source. */
async function verifyCopy(src: Run, copy: Run): Promise<void> {
  const manifest = readManifestSync(copy);
  for (const entry of manifest ?? []) {
    const copied = await digest(join(copy.runDir, ...entry.path.split('/')));
    if (copied === entry.sha256) continue;
    const source = await digest(join(src.runDir, ...entry.path.split('/')));
    if (copied !== undefined && copied === source) continue; // changed in the source after the run
    throw new CopyRunsError(`Copy of run "${src.id}" does not match its source: "${entry.path}" differs`, {
      hint: 'Nothing of this run was left at the destination; check the source run dir and the destination disk, then copy again.',
    });
  }
}

async function digest(path: string): Promise<string | undefined> {
  try {
    if ((await lstat(path)).isSymbolicLink()) return createHash('sha256').update(await readlink(path, { encoding: 'buffer' })).digest('hex');
    return await fileSha256(path);
  } catch {
    return undefined;
  }
}

/** Removes `.<id>.copy-<pid>-<hex>` dirs whose process is gone (an interrupted copy). */
async function removeDeadTemps(destRunsDir: string): Promise<void> {
  for (const name of await readdir(destRunsDir)) {
    const m = /^\..+\.copy-(\d+)-[0-9a-f]+$/.exec(name);
    if (m && !isPidAlive(Number(m[1]))) await removeTree(join(destRunsDir, name));
  }
}
