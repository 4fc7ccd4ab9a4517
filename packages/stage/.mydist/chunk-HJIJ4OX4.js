// src/config/format-patched-diff.ts
import { structuredPatch } from "diff";
import { compareCodePoints } from "@gage/types";
function formatPatchedDiff(files) {
  const sorted = [...files].sort((a, b) => compareCodePoints(a.path, b.path));
  let out = "";
  for (const { path, oldText, newText } of sorted) {
    if (oldText === newText) continue;
    const patch = structuredPatch(path, path, oldText, newText, void 0, void 0, { context: 3 });
    out += `--- ${path}
+++ ${path}
`;
    for (const hunk of patch.hunks) {
      out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@
`;
      for (const line of hunk.lines) {
        if (!line.startsWith("\\")) out += line + "\n";
      }
    }
  }
  return out;
}
function range(start, count) {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}

export {
  formatPatchedDiff
};
//# sourceMappingURL=chunk-HJIJ4OX4.js.map