import { writeFileSync } from 'node:fs';

/**
 * Writes a new read-only file of an import box (docs/spec/import.md 2,
 * "Safety") directly: one `open(O_CREAT | O_EXCL)`, `write`, `close`, no
 * temp file and rename. This is atomic from every reader's view because no
 * reader can see the file yet: it lies in `<runs>/.<id>.import.<pid>/`,
 * which no listing reads, and reaches a reader's path only when its whole
 * meta dir is renamed into place (one `rename`), after every file of the
 * box is closed. An interrupted import leaves the box, never a part of it
 * under a run's name; the next import of the run removes it.
 *
 * @throws the `EEXIST` of a file the box already holds (never overwritten)
 */
export function writeBoxFile(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content, { flag: 'wx', mode: 0o444 });
}
