import { resolve } from 'node:path';
import { parseSourcePattern } from './parse-source-pattern.js';
import { selectFiles, type SkippedPath } from './_select-files.js';
import { limitSkipWarning } from './limit-skip-warning.js';

export type { SkippedPath } from './_select-files.js';

/** Options of {@link planSourcecode}. */
export interface PlanSourcecodeOptions {
  /** The runs dir: never scanned when it lies inside the project. */
  runsDir?: string | undefined;
}

/** What {@link copySourcecode} would copy: the `--preview` data (docs/spec/stage.md 4.6). */
export interface SourcecodePlan {
  /** The absolute project dir the paths are relative to. */
  srcDir: string;
  /** The effective patterns (see `sourcecodePatterns`). */
  patterns: string[];
  /** Selected relative paths, `/` separators, sorted by code point. */
  paths: string[];
  /** Sizes of some selected files, known from the selection's own `stat` (type and size tests); saves the copy one. */
  sizes: ReadonlyMap<string, number>;
  /** Paths passed over: broken or outside symlinks, cycles, the runs dir, files cut by a size test or `max-matches`. */
  skipped: SkippedPath[];
  /** Messages for the user about `skipped` (without a `WARNING: ` prefix); size and count skips make one line, last. */
  warnings: string[];
}

/**
 * Plans the source code copy (docs/spec/stage.md 4.2-4.3): reads the project tree,
 * writes nothing. Symlinks are followed inside the project only; a link
 * leading out of it, a broken link or a link cycle is skipped and reported.
 *
 * @throws {SourcePatternError} for a pattern with no glob.
 * @example
 * ```ts
 * const plan = await planSourcecode('.', sourcecodePatterns(opdef), { runsDir });
 * plan.paths; // ['say.py']
 * ```
 */
export async function planSourcecode(
  projectDir: string,
  patterns: readonly string[],
  options: PlanSourcecodeOptions = {},
): Promise<SourcecodePlan> {
  const srcDir = resolve(projectDir);
  const parsed = patterns.map(parseSourcePattern);
  const { paths, sizes, skipped, warnings } = await selectFiles(srcDir, parsed, { runsDir: options.runsDir });
  const limits = limitSkipWarning(skipped);
  return { srcDir, patterns: [...patterns], paths, sizes, skipped, warnings: limits === undefined ? warnings : [...warnings, limits] };
}
