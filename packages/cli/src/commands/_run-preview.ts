import { planSourcecode, sourcecodePatterns } from '@gage/stage';
import type { OpDef } from '@gage/types';
import type { OutputMode } from '../io.js';
import { encodeJson } from '../output/encode-json.js';
import { formatPanel } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';

/** What `run --preview` shows (stage.md 4.6): the source code plan. */
export interface RunPreview {
  /** The absolute project dir. */
  srcDir: string;
  /** The effective copy patterns. */
  patterns: string[];
  /** The matched relative paths, sorted. */
  paths: string[];
  /** Messages about skipped paths (without `WARNING: `). */
  warnings: string[];
}

/**
 * Plans, without writing anything, what staging `opdef` would copy from
 * `projectDir`; the runs dir is never scanned.
 *
 * @example
 * ```ts
 * const preview = await previewRun(opdef, '/home/me/greet', '/home/me/greet/.gage/runs');
 * preview.paths; // ['gage.toml', 'hello.py']
 * ```
 */
export async function previewRun(opdef: OpDef, projectDir: string, runsDir: string): Promise<RunPreview> {
  const plan = await planSourcecode(projectDir, sourcecodePatterns(opdef), { runsDir });
  return { srcDir: plan.srcDir, patterns: plan.patterns, paths: plan.paths, warnings: plan.warnings };
}

/**
 * The `--preview --json` document (cli.md 5.1, decision 10):
 * `{"sourcecode": {"src_dir", "patterns", "paths"}}`, 2-space indent, one
 * trailing newline.
 *
 * @example
 * ```ts
 * previewJson({ srcDir: '/p', patterns: [], paths: [], warnings: [] });
 * // '{\n  "sourcecode": {\n    "src_dir": "/p",\n    "patterns": [],\n    "paths": []\n  }\n}\n'
 * ```
 */
export function previewJson(preview: RunPreview): string {
  return encodeJson({ sourcecode: { src_dir: preview.srcDir, patterns: preview.patterns, paths: preview.paths } });
}

/**
 * The `--preview` view (cli.md 5.1): a `Source Code` panel holding a
 * `patterns` table (`<none>` when there are no patterns) and a
 * `matched files` table, separated by a blank line.
 *
 * @example
 * ```ts
 * io.stdout.write(formatPreview(preview, mode));
 * ```
 */
export function formatPreview(preview: RunPreview, mode: OutputMode): string {
  const to = { width: mode.width, styled: mode.styled, color: mode.color };
  const patterns = preview.patterns.length > 0 ? preview.patterns.map((p) => [p]) : [['<none>']];
  return (
    formatPanel('Source Code', [], mode.width, { styled: mode.styled, color: mode.color }) +
    formatTable([{ header: 'patterns' }], patterns, to) +
    '\n' +
    formatTable([{ header: 'matched files' }], preview.paths.map((p) => [p]), to)
  );
}
