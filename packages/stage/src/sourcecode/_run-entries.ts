/**
 * Runs in a runs dir, as the source code selection sees them when the runs
 * dir is the project dir itself (`$runs-dir = "."`): every run's run dir
 * `<id>` and its sidecars (docs/spec/lifecycle.md 1) must stay out of the next run's
 * source code.
 */

const META_DIR = /^(.+)\.meta(?:\.deleted)?$/;
const SIDECAR = /^(.+)(?:\.meta(?:\.deleted|\.zip)?|\.user|\.project|\.lock|\.move)$/;
/** `.<name>.<pid>.<hex>.tmp`: an atomic write in progress (`@gage/meta`'s `writeMetaFileSync`, `associateProject`). */
const TEMP_FILE = /^\.(.+)\.\d+\.[0-9a-f]+\.tmp$/;

/**
 * The ids of the runs whose meta dir (`<id>.meta`, `<id>.meta.deleted`) is
 * among `entries`: a name is a run's only when its run has a meta dir, so
 * a project file that merely looks like an id is kept.
 */
export function runIdsIn(entries: readonly { name: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const { name } of entries) {
    const id = META_DIR.exec(name)?.[1];
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** True for a run dir, meta dir, sidecar or meta temp file of one of `runIds` (from {@link runIdsIn}). */
export function isRunEntry(name: string, runIds: ReadonlySet<string>): boolean {
  const base = TEMP_FILE.exec(name)?.[1] ?? name;
  if (runIds.has(base)) return true;
  const id = SIDECAR.exec(base)?.[1];
  return id !== undefined && runIds.has(id);
}
