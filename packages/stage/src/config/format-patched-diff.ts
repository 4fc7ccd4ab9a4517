import { structuredPatch } from 'diff';
import { compareCodePoints } from '@gage/types';

/** One file changed by config application. */
export interface PatchedFile {
  /** Path relative to the run dir, with `/` separators. */
  path: string;
  /** The text before patching. */
  oldText: string;
  /** The text after patching. */
  newText: string;
}

/**
 * Formats the `log/patched` diff (docs/spec/stage.md 5.13): per changed file, in path
 * order, a unified diff with headers `--- <path>` / `+++ <path>`, 3 context
 * lines (hunks at most 6 lines apart merge), ranges `start,count` with a
 * count of 1 written as `start` and a count of 0 as `<line before>,0`, no
 * `\ No newline at end of file` marker, and every line ending with LF.
 * Files whose text did not change add nothing; no file gives `""`.
 *
 * @param files - the patched files
 * @returns the diff text
 * @example
 * ```ts
 * formatPatchedDiff([{ path: 'say.py', oldText: 'msg = "Hi there"\nprint(msg)\n', newText: 'msg = "Ho there"\nprint(msg)\n' }]);
 * // '--- say.py\n+++ say.py\n@@ -1,2 +1,2 @@\n-msg = "Hi there"\n+msg = "Ho there"\n print(msg)\n'
 * ```
 */
export function formatPatchedDiff(files: readonly PatchedFile[]): string {
  const sorted = [...files].sort((a, b) => compareCodePoints(a.path, b.path));
  let out = '';
  for (const { path, oldText, newText } of sorted) {
    if (oldText === newText) continue;
    const patch = structuredPatch(path, path, oldText, newText, undefined, undefined, { context: 3 });
    out += `--- ${path}\n+++ ${path}\n`;
    for (const hunk of patch.hunks) {
      out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`;
      for (const line of hunk.lines) {
        if (!line.startsWith('\\')) out += line + '\n';
      }
    }
  }
  return out;
}

function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}
