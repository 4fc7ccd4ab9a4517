import { readManifestSync, type ManifestEntry } from '@gage/meta';
import { compareCodePoints, type Run } from '@gage/types';

/** A file whose manifest entry differs between two runs. */
export interface FileChange {
  /** Path relative to the run dir, `/`-separated. */
  path: string;
  /** `added`: only in run B; `removed`: only in run A; `changed`: another digest or type. */
  change: 'added' | 'removed' | 'changed';
  /** The manifest entry in run A, when it has the file. */
  a?: ManifestEntry;
  /** The manifest entry in run B, when it has the file. */
  b?: ManifestEntry;
}

/** What {@link diffRunFiles} finds. */
export interface FilesDiff {
  /** Files added, removed or changed, by path. */
  changes: FileChange[];
  /** How many files both manifests hold with the same digest and type. */
  unchanged: number;
  /** The runs of the two that have no manifest (a run that was never staged), compared as having no files. */
  noManifest: Run[];
}

/**
 * Compares the files of two runs by their manifests (docs/spec/lifecycle.md 7.4,
 * decision 25): a path in only one manifest is added or removed, a path in
 * both with another sha256 or type is changed. Files are never read.
 *
 * @throws {MetaEncodingError} for a malformed manifest
 * @example
 * ```ts
 * const { changes } = await diffRunFiles(a, b); // [{ path: 'train.py', change: 'changed', a: {...}, b: {...} }]
 * ```
 */
export async function diffRunFiles(a: Run, b: Run): Promise<FilesDiff> {
  const noManifest: Run[] = [];
  const read = async (run: Run) => {
    const entries = readManifestSync(run);
    if (entries === undefined && !noManifest.includes(run)) noManifest.push(run);
    return new Map((entries ?? []).map((e) => [e.path, e]));
  };
  const ma = await read(a);
  const mb = await read(b);
  const changes: FileChange[] = [];
  let unchanged = 0;
  for (const path of [...new Set([...ma.keys(), ...mb.keys()])].sort(compareCodePoints)) {
    const ea = ma.get(path);
    const eb = mb.get(path);
    if (ea && eb && ea.sha256 === eb.sha256 && ea.type === eb.type) {
      unchanged++;
      continue;
    }
    const change: FileChange = { path, change: !ea ? 'added' : !eb ? 'removed' : 'changed' };
    if (ea) change.a = ea;
    if (eb) change.b = eb;
    changes.push(change);
  }
  return { changes, unchanged, noManifest };
}

/** The names of manifest types, as `show` names them. */
export const FILE_TYPE_NAMES: Readonly<Record<string, string>> = { s: 'source code', r: 'runtime', d: 'dependency', g: 'generated' };
