import type { RunFileType } from '@gage/types';
import { MetaEncodingError } from '../errors.js';

/** One event of `log/files` (docs/spec/lifecycle.md 7.3). */
export interface FilesLogEntry {
  /** `a` added, `m` modified, `d` deleted. */
  event: 'a' | 'm' | 'd';
  /** `s` source code, `r` runtime, `d` dependency, `g` generated. */
  type: RunFileType;
  /** Modification time in integer epoch µs; `undefined` for a deletion. */
  mtime: number | undefined;
  /** Path relative to the run dir, `/`-separated; may contain spaces. */
  path: string;
}

const LINE = /^([amd]) ([srdg]) (-|\d+) (.+)$/;

/** Parses the text of a files log; `path` names the file in errors. */
export function parseFilesLog(text: string, path: string): FilesLogEntry[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    const m = LINE.exec(line);
    const [, event, type, mtime, relPath] = m ?? [];
    if (!event || !type || !mtime || !relPath || (event === 'd') !== (mtime === '-')) {
      throw new MetaEncodingError(path, i + 1, line);
    }
    return {
      event: event as FilesLogEntry['event'],
      type: type as RunFileType,
      mtime: mtime === '-' ? undefined : Number(mtime),
      path: relPath,
    };
  });
}

/** Encodes one event as a line of `log/files`, LF included. */
export function encodeFilesLogEntry(entry: FilesLogEntry): string {
  return `${entry.event} ${entry.type} ${entry.mtime ?? '-'} ${entry.path}\n`;
}
