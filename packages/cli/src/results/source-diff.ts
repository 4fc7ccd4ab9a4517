import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Run } from '@gage/types';
import type { FileChange } from './files-diff.js';

/** The unified diff of one source code file. */
export interface SourcePatch {
  path: string;
  change: FileChange['change'];
  /** The patch text (`--- a/<path>`, `+++ b/<path>`, hunks), or a one-line note for binary or missing files. */
  patch: string;
}

/** Lines of context around each change. */
const CONTEXT = 3;

/**
 * Unified diffs of the source code files (type `s` in either manifest) that
 * changed between two runs (decision 25), read from the two run dirs: headers
 * `--- a/<path>` and `+++ b/<path>` (`/dev/null` for an added or removed
 * file), 3 lines of context, `\ No newline at end of file` where it
 * applies, so `git apply` and `patch -p1` take it. A file with a NUL byte is
 * `Binary files a/<path> and b/<path> differ`; a file no longer in its run
 * dir (or outside it) is a note. The `diff` package is loaded only here.
 *
 * @example
 * ```ts
 * for (const p of await diffSourceFiles(a, b, changes)) io.stdout.write(p.patch);
 * ```
 */
export async function diffSourceFiles(a: Run, b: Run, changes: readonly FileChange[]): Promise<SourcePatch[]> {
  const source = changes.filter((c) => c.a?.type === 's' || c.b?.type === 's');
  if (source.length === 0) return [];
  const { structuredPatch } = await import('diff');
  const patches: SourcePatch[] = [];
  for (const c of source) {
    const oldName = c.a ? `a/${c.path}` : '/dev/null';
    const newName = c.b ? `b/${c.path}` : '/dev/null';
    const oldText = c.a ? await readRunFile(a, c.path) : '';
    const newText = c.b ? await readRunFile(b, c.path) : '';
    if (oldText === undefined || newText === undefined) {
      const which = oldText === undefined ? oldName : newName;
      patches.push({ path: c.path, change: c.change, patch: `File ${which} is no longer in its run directory\n` });
      continue;
    }
    if (oldText.includes('\0') || newText.includes('\0')) {
      patches.push({ path: c.path, change: c.change, patch: `Binary files ${oldName} and ${newName} differ\n` });
      continue;
    }
    const patch = structuredPatch(oldName, newName, oldText, newText, undefined, undefined, { context: CONTEXT });
    let text = `--- ${oldName}\n+++ ${newName}\n`;
    for (const hunk of patch.hunks) {
      text += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`;
      for (const line of hunk.lines) text += line + '\n';
    }
    patches.push({ path: c.path, change: c.change, patch: text });
  }
  return patches;
}

/** A file of the run dir as text; `undefined` when it is missing or its path leads outside the run dir. */
async function readRunFile(run: Run, path: string): Promise<string | undefined> {
  const full = resolve(run.runDir, path);
  const rel = relative(run.runDir, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return readFile(full, 'utf8').catch(() => undefined);
}

function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}
