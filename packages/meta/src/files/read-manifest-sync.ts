import type { Run } from '@gage/types';
import { parseManifest, type ManifestEntry } from './_manifest.js';
import { readMetaFileSync } from '../meta-file/read-meta-file-sync.js';
import { runMetaPath } from '../run/run-meta-path.js';

export type { ManifestEntry } from './_manifest.js';

/**
 * Reads the `manifest` of a run (docs/spec/lifecycle.md 7.4).
 *
 * @param run the run
 * @returns its entries in file order, or `undefined` when the run has no manifest (not staged)
 * @throws {MetaEncodingError} `ERR_GAGE_META_ENCODING` for a malformed line:
 *   `bad encoding in "<file>", line <n>: <line>`
 * @example
 * ```ts
 * const manifest = readManifestSync(run);
 * // [{ type: 's', sha256: '3f9c639e…', path: 'say.py' }]
 * ```
 */
export function readManifestSync(run: Run): ManifestEntry[] | undefined {
  const text = readMetaFileSync(run, 'manifest');
  return text === undefined ? undefined : parseManifest(text, runMetaPath(run, 'manifest'));
}
