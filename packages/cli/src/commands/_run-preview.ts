import { planSourcecode, sourcecodePatterns, type SkippedPath } from '@gage/stage';
import { compareCodePoints, configValueType, formatFileSize, type Config, type ConfigValue, type ConfigValueType, type OpDef } from '@gage/types';
import type { OutputMode } from '../io.js';
import { encodeJson } from '../output/encode-json.js';
import { formatPanel } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';
import { formatValue } from '../output/format-value.js';

/** One flag of a preview: its default and the value the run would get. */
interface PreviewFlag {
  name: string;
  /** The type of the run's value. */
  type: ConfigValueType;
  /** The default; `undefined` for a flag forced with `--force-flags`. */
  default: ConfigValue | undefined;
  value: ConfigValue;
}

/** What `run --preview` shows (docs/spec/stage.md 4.6): the flags and the source code plan. */
export interface RunPreview {
  /** Every flag of the run config, sorted by name. */
  flags: PreviewFlag[];
  /** The absolute project dir. */
  srcDir: string;
  /** The effective copy patterns. */
  patterns: string[];
  /** The matched relative paths, sorted. */
  paths: string[];
  /** Files a size test or `max-matches` budget left out (issue 11), in traversal order. */
  skipped: SkippedPath[];
  /** Messages about skipped paths (without `WARNING: `). */
  warnings: string[];
}

/**
 * Plans, without writing anything, what staging `opdef` with `config`
 * would copy from `projectDir`; the runs dir is never scanned.
 *
 * @example
 * ```ts
 * const preview = await previewRun(opdef, '/home/me/greet', '/home/me/greet/.gage/runs', { name: 'World' }, { name: 'Ada' });
 * preview.paths; // ['gage.toml', 'hello.py']
 * ```
 */
export async function previewRun(opdef: OpDef, projectDir: string, runsDir: string, defaults: Config, config: Config): Promise<RunPreview> {
  const plan = await planSourcecode(projectDir, sourcecodePatterns(opdef), { runsDir });
  const flags = Object.keys(config).sort(compareCodePoints).map((name): PreviewFlag => {
    const value = config[name] as ConfigValue;
    return { name, type: configValueType(value), default: Object.hasOwn(defaults, name) ? defaults[name] : undefined, value };
  });
  const skipped = plan.skipped.filter((s) => s.reason === 'size-limit' || s.reason === 'max-matches');
  return { flags, srcDir: plan.srcDir, patterns: plan.patterns, paths: plan.paths, skipped, warnings: plan.warnings };
}

/**
 * The `--preview --json` document (docs/spec/cli.md 5.1, decision 10):
 * `{"flags": {NAME: {"type", "default", "value"}}, "sourcecode": {"src_dir",
 * "patterns", "paths", "skipped": [{"path", "reason", "size"}]}}`, 2-space
 * indent, one trailing newline. A forced flag has no `default`.
 *
 * @example
 * ```ts
 * previewJson({ flags: [], srcDir: '/p', patterns: [], paths: [], skipped: [], warnings: [] });
 * // '{\n  "flags": {},\n  "sourcecode": {\n    "src_dir": "/p",\n ...'
 * ```
 */
export function previewJson(preview: RunPreview): string {
  const flags: Record<string, unknown> = {};
  for (const f of preview.flags) {
    const entry = { type: f.type, ...(f.default === undefined ? {} : { default: f.default }), value: f.value };
    Object.defineProperty(flags, f.name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return encodeJson({ flags, sourcecode: sourcecodeJson(preview) });
}

/**
 * The `sourcecode` object of the `--preview --json` document:
 * `{"src_dir", "patterns", "paths", "skipped": [{"path", "reason", "size"}]}`.
 *
 * @example
 * ```ts
 * encodeJson({ sourcecode: sourcecodeJson(preview) });
 * ```
 */
export function sourcecodeJson(preview: RunPreview): Record<string, unknown> {
  return {
    src_dir: preview.srcDir,
    patterns: preview.patterns,
    paths: preview.paths,
    // Sizes are integers (bigint), not floats, in the JSON.
    skipped: preview.skipped.map((s) => ({ path: s.path, reason: s.reason, ...(s.size === undefined ? {} : { size: BigInt(s.size) }) })),
  };
}

/**
 * The `--preview` view (docs/spec/cli.md 5.1): a `Flags` panel (name, type, default,
 * value) when the run has flags, then a `Source Code` panel holding a
 * `patterns` table (`<none>` when there are no patterns), a `matched files`
 * table and, when any, a `not copied` table of files a size or count limit
 * left out, separated by blank lines.
 *
 * @example
 * ```ts
 * io.stdout.write(formatPreview(preview, mode));
 * ```
 */
export function formatPreview(preview: RunPreview, mode: OutputMode): string {
  const to = { width: mode.width, styled: mode.styled, color: mode.color };
  const po = { styled: mode.styled, color: mode.color };
  let out = '';
  if (preview.flags.length > 0) {
    const rows = preview.flags.map((f) => [f.name, f.type, f.default === undefined ? '<none>' : formatValue(f.default), formatValue(f.value)]);
    out += formatPanel('Flags', [], mode.width, po);
    out += formatTable([{ header: 'name' }, { header: 'type' }, { header: 'default' }, { header: 'value' }], rows, to) + '\n';
  }
  const patterns = preview.patterns.length > 0 ? preview.patterns.map((p) => [p]) : [['<none>']];
  out += formatPanel('Source Code', [], mode.width, po) +
    formatTable([{ header: 'patterns' }], patterns, to) +
    '\n' +
    formatTable([{ header: 'matched files' }], preview.paths.map((p) => [p]), to);
  if (preview.skipped.length > 0) {
    const rows = preview.skipped.map((s) => [s.path, s.size === undefined ? '' : formatFileSize(s.size), s.reason === 'size-limit' ? 'size' : 'max-matches']);
    out += '\n' + formatTable([{ header: 'not copied' }, { header: 'size', align: 'right' }, { header: 'limit' }], rows, to);
  }
  return out;
}
