import { stat } from 'node:fs/promises';
import { sep } from 'node:path';

/** Gage file names looked up in a project dir, first existing wins (docs/spec/stage.md 1.2). */
export const GAGEFILE_CANDIDATES: readonly string[] = [
  '.gage/gage.toml',
  '.gage/gage.yaml',
  '.gage/gage.json',
  'gage.toml',
  'gage.yaml',
  'gage.json',
];

/**
 * Finds the project's Gage file (docs/spec/stage.md 1.2): the first of
 * {@link GAGEFILE_CANDIDATES} that exists as a file in `projectDir` (no
 * walking up, no merging). Returns `<projectDir>/<candidate>` as written
 * (`./gage.toml` for `.`, as `gage check .` reports it) or `undefined`.
 *
 * @example
 * ```ts
 * await findGagefile('.'); // './gage.toml'
 * ```
 */
export async function findGagefile(projectDir: string): Promise<string | undefined> {
  const prefix = projectDir.endsWith('/') || projectDir.endsWith(sep) ? projectDir : projectDir + sep;
  for (const candidate of GAGEFILE_CANDIDATES) {
    const path = prefix + candidate;
    try {
      if ((await stat(path)).isFile()) return path;
    } catch {
      // Not there: try the next name.
    }
  }
  return undefined;
}
