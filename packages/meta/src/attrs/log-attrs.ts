import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonObject } from '@gage/types';
import { writeFileAtomicSync } from '../io/_write-file-atomic-sync.js';
import { attrLogEntry } from './_attr-log-entry.js';

/**
 * Appends one entry to the attr log in `dir` (docs/spec/lifecycle.md 14): a new
 * read-only file `<makeLogId(nowMs())>.json` holding compact JSON
 * `{"author":…,"set":{…},"delete":[…]}`, written atomically (temp file, then
 * rename), so concurrent writers in any number of processes never lose or
 * tear an entry. Creates `dir` when missing. Existing entries are never
 * touched. Values follow the `@gage/types` model: pass integers as `bigint`
 * (a `number` is a float and is written as `3.0`).
 *
 * @returns The path of the new entry file.
 * @example
 * ```ts
 * await logAttrs(join(runsDir, `${run.id}.user`), 'maria', { label: 'baseline' }, ['tag']);
 * ```
 */
export async function logAttrs(dir: string, author: string, set: JsonObject, del: readonly string[] = []): Promise<string> {
  await mkdir(dir, { recursive: true });
  const entry = attrLogEntry(author, set, del);
  const path = join(dir, entry.name);
  writeFileAtomicSync(path, entry.text, 0o444);
  return path;
}
