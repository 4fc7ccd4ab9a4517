import { appendFileSync } from 'node:fs';
import type { Run, RunFileType } from '@gage/types';
import { encodeFilesLogEntry, type FilesLogEntry } from './_files-log.js';
import { walkRunFiles } from './_walk-run-files.js';
import { withParentDir } from '../meta-file/_with-parent-dir.js';
import { readFilesLogSync } from './read-files-log-sync.js';
import { runMetaPath } from '../run/run-meta-path.js';

/**
 * Scans the run dir into the files log `log/files` (docs/spec/lifecycle.md 7.3) for a
 * phase of type `type`, appending one line per change:
 * `a <type> <mtime µs> <path>` for a file with no previous entry (or whose
 * last one was a deletion), `m …` for a file whose mtime changed, and
 * `d <type> - <path>` for a logged file that is gone (once: a path whose last
 * event is already `d` is skipped). Files are walked in path order, deletions
 * follow in the order the paths first appeared in the log. The log is only
 * appended to, and exists after the first scan even when nothing changed.
 *
 * @param run the run
 * @param type `s` source code, `r` runtime, `d` dependencies, `g` generated
 * @returns the events appended
 * @throws {MetaSchemaError} `ERR_GAGE_META_SCHEMA` when `__schema__` is not `1`
 * @throws {MetaEncodingError} `ERR_GAGE_META_ENCODING` for a malformed log line
 * @example
 * ```ts
 * await scanRunFiles(run, 's'); // log/files: a s 1718000000123456 say.py
 * ```
 */
export async function scanRunFiles(run: Run, type: RunFileType): Promise<FilesLogEntry[]> {
  const prev = new Map<string, FilesLogEntry>();
  for (const entry of readFilesLogSync(run)) prev.set(entry.path, entry);
  const seen = new Set<string>();
  const events: FilesLogEntry[] = [];
  for (const file of await walkRunFiles(run.runDir)) {
    seen.add(file.path);
    const last = prev.get(file.path);
    if (last !== undefined && last.mtime === file.mtime) continue;
    const event = last === undefined || last.event === 'd' ? 'a' : 'm';
    events.push({ event, type, mtime: file.mtime, path: file.path });
  }
  for (const [path, last] of prev) {
    if (!seen.has(path) && last.event !== 'd') events.push({ event: 'd', type, mtime: undefined, path });
  }
  const path = runMetaPath(run, 'log', 'files');
  withParentDir(run, path, () => appendFileSync(path, events.map(encodeFilesLogEntry).join(''), { mode: 0o666 }));
  return events;
}
