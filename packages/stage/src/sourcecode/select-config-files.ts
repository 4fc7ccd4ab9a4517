import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseSourcePattern, type SourcePattern } from './parse-source-pattern.js';
import { selectFiles } from './_select-files.js';

/** Options of {@link selectConfigFiles}. */
export interface SelectConfigFilesOptions {
  /** The runs dir: never scanned when it lies inside `rootDir`. */
  runsDir?: string | undefined;
}

/**
 * Chooses the files of one config object (docs/spec/stage.md 5.2): `filePatterns` are
 * the file parts of its config paths (excluded ones prefixed with `-`),
 * evaluated like source code patterns with no type, size or count limit
 * unless written. Top-level directories are pruned unless an include pattern
 * starts with `<dir>/`, or an include pattern's first segment has a wildcard
 * (`**\/x.py`, `*\/x.py`) and the directory is not hidden.
 * Returns relative paths sorted by code point.
 *
 * @example
 * ```ts
 * await selectConfigFiles(run.runDir, ['train.py', 'conf/**\/*.yaml']); // ['conf/a.yaml', 'train.py']
 * ```
 */
export async function selectConfigFiles(
  rootDir: string,
  filePatterns: readonly string[],
  options: SelectConfigFilesOptions = {},
): Promise<string[]> {
  const patterns = filePatterns.map(parseSourcePattern);
  const pruneTopDirs = await topDirsToPrune(resolve(rootDir), patterns);
  const { paths } = await selectFiles(rootDir, patterns, { runsDir: options.runsDir, pruneTopDirs });
  return paths;
}

async function topDirsToPrune(root: string, patterns: readonly SourcePattern[]): Promise<Set<string>> {
  const includes = patterns.filter((p) => !p.exclude && p.type !== 'dir');
  const wildcard = includes.some((p) => {
    const first = p.glob.split('/')[0] ?? '';
    return (p.glob.includes('/') || p.glob.includes('**')) && /[*?]/.test(first);
  });
  const prune = new Set<string>();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(join(root, entry.name)).then((s) => s.isDirectory(), () => false)));
    if (!isDir) continue;
    if (includes.some((p) => p.glob.startsWith(`${entry.name}/`))) continue;
    if (wildcard && !entry.name.startsWith('.')) continue;
    prune.add(entry.name);
  }
  return prune;
}
