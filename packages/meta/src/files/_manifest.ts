import type { RunFileType } from '@gage/types';
import { MetaEncodingError } from '../errors.js';

/** One line of `manifest` (docs/spec/lifecycle.md 7.4). */
export interface ManifestEntry {
  /** The type the file was added with (`s`, `r`, `d`, `g`). */
  type: RunFileType;
  /** SHA-256 of the content, 64 lowercase hex digits. */
  sha256: string;
  /** Path relative to the run dir, `/`-separated; may contain spaces. */
  path: string;
}

const LINE = /^([srdg]) ([0-9a-f]{64}) (.+)$/;

/** Parses the text of a manifest; `path` names the file in errors. */
export function parseManifest(text: string, path: string): ManifestEntry[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    const [, type, sha256, relPath] = LINE.exec(line) ?? [];
    if (!type || !sha256 || !relPath) throw new MetaEncodingError(path, i + 1, line);
    return { type: type as RunFileType, sha256, path: relPath };
  });
}

/** Encodes a manifest: one `<type> <sha256> <path>\n` line per entry. */
export function encodeManifest(entries: readonly ManifestEntry[]): string {
  return entries.map((e) => `${e.type} ${e.sha256} ${e.path}\n`).join('');
}
