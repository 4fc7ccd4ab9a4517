import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The ids `makeRunId` makes (UUID v4, lowercase): a bare dir so named is a run dir. */
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Sidecars of a run (docs/spec/lifecycle.md 1) that mean nothing without its meta dir. */
const SIDECAR = /^(.+)\.(user|project|lock|move)$/;

/**
 * Files of the runs dir that belong to no run: the run dir and the sidecars
 * (`<id>.user`, `<id>.project`, `<id>.lock`, `<id>.move`) of an id that has
 * neither `<id>.meta` nor `<id>.meta.deleted`. They are left by a permanent
 * delete that was interrupted by an older Gage (which removed the meta dir
 * first), by a label written while its run was purged, or by hand. A bare
 * dir counts only when it is named like a run id (a UUID), so that nothing
 * else kept in a runs dir is taken for a run. Reads only the runs dir.
 *
 * @param runsDir the runs dir
 * @returns the orphans grouped by id, sorted; `[]` for a missing runs dir
 * @example
 * ```ts
 * await findOrphanedRunFiles(runsDir);
 * // [{ id: '6f1c…', paths: ['/runs/6f1c…', '/runs/6f1c….user'] }]
 * ```
 */
export async function findOrphanedRunFiles(runsDir: string): Promise<{ id: string; paths: string[] }[]> {
  let names: string[];
  try {
    names = await readdir(runsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const present = new Set(names);
  // A Gage (Python) run whose meta dir it zipped is a run too: its run dir and sidecars are kept for 'gage import' (docs/spec/import.md 1).
  const hasMeta = (id: string) =>
    present.has(`${id}.meta`) || present.has(`${id}.meta.deleted`) || present.has(`${id}.meta.zip`) || present.has(`${id}.meta.zip.deleted`);
  const byId = new Map<string, string[]>();
  const add = (id: string, name: string) => byId.set(id, [...(byId.get(id) ?? []), name]);
  for (const name of names) {
    const sidecar = SIDECAR.exec(name);
    if (sidecar) add(sidecar[1] as string, name);
    else if (present.has(`${name}.user`) || present.has(`${name}.project`) || (RUN_ID.test(name) && (await isDir(join(runsDir, name))))) add(name, name);
  }
  return [...byId]
    .filter(([id]) => !hasMeta(id))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, found]) => ({ id, paths: found.sort().map((n) => join(runsDir, n)) }));
}

async function isDir(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isDirectory() === true;
}
