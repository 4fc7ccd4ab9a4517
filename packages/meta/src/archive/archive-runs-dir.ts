import { join } from 'node:path';
import { ArchiveNameError } from '../errors.js';

/** The directory under a runs dir that holds its archives (docs/spec/cli.md 5.12). */
export const ARCHIVES_DIR_NAME = '.archives';

/**
 * The runs dir of archive `name` under `runsDir` (docs/spec/cli.md 5.12):
 * `<runsDir>/.archives/<name>`. An archive is a runs dir of its own, so its
 * runs are listed, restored and purged like any others; its name is the
 * directory name, so renaming it is one rename.
 *
 * @throws {ArchiveNameError} `ERR_GAGE_ARCHIVE_NAME` for a name that cannot be a
 *   directory name: empty, `/`, `\`, a control character, a leading `.`
 *   (`.` and `..` among them), or longer than 200 bytes.
 * @example
 * ```ts
 * archiveRunsDir('/p/.gage/runs', 'baseline'); // '/p/.gage/runs/.archives/baseline'
 * ```
 */
export function archiveRunsDir(runsDir: string, name: string): string {
  checkArchiveName(name);
  return join(runsDir, ARCHIVES_DIR_NAME, name);
}

function checkArchiveName(name: string): void {
  const bad = (why: string): ArchiveNameError => new ArchiveNameError(name, why);
  if (name.trim() === '') throw bad('it is empty');
  if (/[/\\]/.test(name)) throw bad("it contains '/' or '\\'");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) throw bad('it contains a control character');
  if (name.startsWith('.')) throw bad("it starts with '.'");
  if (Buffer.byteLength(name, 'utf8') > 200) throw bad('it is longer than 200 bytes');
}
