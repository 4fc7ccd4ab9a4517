import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The formats `gage import` reads: Gage (Python)'s zipped meta and Guild AI's run dirs. */
export type ForeignFormat = 'gage-py' | 'guild';

/** A run of another tool found in a runs dir. */
export interface ForeignRunRef {
  format: ForeignFormat;
  /** The run id as that tool wrote it (Guild: 32 hex digits). */
  id: string;
  /** Gage (Python): the `<id>.meta.zip` file; Guild: the run dir holding `.guild/`. */
  path: string;
  /** The source run dir: `<runsDir>/<id>` (Guild: the same as `path`). */
  runDir: string;
}

const GAGE_PY_SUFFIX = '.meta.zip';
/** Guild AI names run dirs `uuid4().hex`: 32 lower-case hex digits, which no Gage run id matches. */
const GUILD_ID = /^[0-9a-f]{32}$/;

/**
 * The runs of Gage (Python) (`<id>.meta.zip`, finalized runs; its unzipped
 * `<id>.meta` dirs load as native runs) and Guild AI (`<id>/.guild/`) in a
 * runs dir, sorted by id (docs/spec/import.md 1). Costs one `readdir`, and a
 * `stat` only for entries named like a Guild run. A missing dir gives `[]`.
 *
 * @param runsDir the dir to look in
 * @param names its entry names when the caller has read it already
 * @example
 * ```ts
 * const found = await findForeignRuns(join(homedir(), '.guild', 'runs'));
 * found.filter((r) => r.format === 'guild').length;
 * ```
 */
export async function findForeignRuns(runsDir: string, names?: readonly string[]): Promise<ForeignRunRef[]> {
  let entries = names;
  if (entries === undefined) {
    try {
      entries = await readdir(runsDir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw err;
    }
  }
  const found: ForeignRunRef[] = [];
  for (const name of entries) {
    if (name.endsWith(GAGE_PY_SUFFIX) && name.length > GAGE_PY_SUFFIX.length) {
      const id = name.slice(0, -GAGE_PY_SUFFIX.length);
      found.push({ format: 'gage-py', id, path: join(runsDir, name), runDir: join(runsDir, id) });
    } else if (GUILD_ID.test(name) && isDir(join(runsDir, name, '.guild'))) {
      found.push({ format: 'guild', id: name, path: join(runsDir, name), runDir: join(runsDir, name) });
    }
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
