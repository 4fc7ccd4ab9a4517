import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeOpref, runNameForId, type OpRef, type Run } from '@gage/types';
import { RunLoadError } from '../errors.js';
import { readTextSync } from '../io/read-text-sync.js';

/**
 * Loads the run of a meta dir (docs/spec/lifecycle.md 15): reads `opref`, then `id`.
 * Synchronous on purpose (see `readTextSync`): `listRuns` must list 10,000
 * runs in well under half a second, and small reads through `fs.promises`
 * cost several times more than synchronous ones.
 * A directory without `opref` is a half-made run (killed, or out of disk
 * space, inside `makeRun` or `initRunMetaSync`): it loads with `opref`
 * undefined, so that it can be listed and deleted. `undefined` when the
 * path is not a directory; a {@link RunLoadError} when it looks like a run
 * but is corrupt (unreadable or undecodable `opref`, unreadable `id`, an id
 * that cannot be named). `read` reads the files (default: from disk,
 * synchronously).
 */
export function loadRun(metaDir: string, read: MetaReader = readOptional): Run | RunLoadError | undefined {
  const suffix = metaDir.endsWith('.meta.deleted') ? '.meta.deleted' : metaDir.endsWith('.meta') ? '.meta' : '';
  const runDir = metaDir.slice(0, metaDir.length - suffix.length);
  const oprefText = read(metaDir, 'opref');
  if (oprefText === undefined && !isDir(metaDir)) return undefined;
  if (oprefText !== undefined && typeof oprefText !== 'string')
    return new RunLoadError(metaDir, `cannot read opref: ${oprefText.message}`, { cause: oprefText });
  let opref: OpRef | undefined;
  try {
    opref = oprefText === undefined ? undefined : decodeOpref(oprefText);
  } catch (err) {
    return new RunLoadError(metaDir, (err as Error).message, { cause: err });
  }
  const idText = read(metaDir, 'id');
  if (idText !== undefined && typeof idText !== 'string') return new RunLoadError(metaDir, `cannot read id: ${idText.message}`, { cause: idText });
  const id = idText?.trim() || basename(runDir);
  let name: string;
  try {
    name = runNameForId(id);
  } catch (err) {
    return new RunLoadError(metaDir, (err as Error).message, { cause: err });
  }
  return { id, name, runDir, metaDir, opref };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a small meta file: its text; `undefined` when it (or the meta dir) is missing; the error when unreadable. */
export type MetaReader = (metaDir: string, file: string) => string | Error | undefined;

/** A meta file's text; `undefined` when it (or the meta dir) is missing, the error when unreadable. */
export function readOptional(metaDir: string, name: string): string | Error | undefined {
  try {
    return readTextSync(join(metaDir, name));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return err as Error;
  }
}
