import { paint, type StyleName } from '../output/ansi.js';
import { formatTable } from '../output/format-table.js';
import { formatValue } from '../output/format-value.js';
import { formatDateTime } from '../output/format-time.js';
import { escapeControl } from '../output/escape-control.js';
import { textWidth } from '../output/text-width.js';
import type { OutputMode } from '../io.js';
import type { FilesDiff } from './files-diff.js';
import { FILE_TYPE_NAMES } from './files-diff.js';
import type { DiffEntry, RunDiff } from './run-diff.js';

/** The sections of the default view, in order, with their titles. */
const SECTIONS: readonly (readonly [keyof RunDiff, string, string])[] = [
  ['attributes', 'Attributes', 'attribute'],
  ['config', 'Config', 'key'],
  ['metrics', 'Metrics', 'metric'],
  ['summaryAttributes', 'Summary attributes', 'attribute'],
  ['provenance', 'Provenance', 'part'],
];

/**
 * The default `gage diff` view: a section per part (Attributes, Config,
 * Metrics, Summary attributes, Provenance; empty ones left out), each a
 * title centred in `W` (as panels have, docs/spec/cli.md 1.5) over a table
 * `* | <name> | <run A> | <run B>`, where `*` marks a changed entry. Every
 * entry is shown, changed or not; a value a run does not have is an empty
 * cell; the operation has its namespace only when it is not the current
 * project's (`namespace`); times are local `YYYY-MM-DD HH:MM:SS`, digests their first 12 hex
 * digits, values as displays show them (docs/spec/cli.md 1.7). With colours, changed
 * entries are yellow.
 *
 * @example
 * ```ts
 * io.stdout.write(formatRunDiff(diff, ['juhop-lumin', 'robiv-huhal'], mode));
 * ```
 */
export function formatRunDiff(diff: RunDiff, names: readonly [string, string], mode: OutputMode, namespace?: string): string {
  const parts: string[] = [];
  for (const [key, title, header] of SECTIONS) {
    const entries = diff[key];
    if (entries.length === 0) continue;
    const rows = entries.map((e) => [e.changed ? '*' : ' ', e.name, cell(key, e, 'a', namespace), cell(key, e, 'b', namespace)]);
    const changed = (row: number): StyleName[] => (entries[row]?.changed ? ['yellow'] : []);
    const columns = [{ header: '' }, { header }, { header: names[0] }, { header: names[1] }].map((
      c,
    ) => (mode.color ? { ...c, style: (_: string, row: number) => changed(row) } : c));
    parts.push(sectionTitle(title, mode) + formatTable(columns, rows, { width: mode.width, styled: mode.styled, color: mode.color }));
  }
  return parts.join('\n');
}

/**
 * The `gage diff --files` view: a `change | path | type` table of the files
 * added, removed or changed (by manifest digest), then
 * ` <n> changed, <m> unchanged`.
 *
 * @example
 * ```ts
 * io.stdout.write(formatFilesDiff(files, mode));
 * ```
 */
export function formatFilesDiff(files: FilesDiff, mode: OutputMode): string {
  const rows = files.changes.map((c) => [c.change, c.path, FILE_TYPE_NAMES[(c.b ?? c.a)?.type ?? ''] ?? '']);
  const style = (cell: string): StyleName[] => (cell === 'added' ? ['green'] : cell === 'removed' ? ['red'] : ['yellow']);
  const table = formatTable([{ header: 'change', ...(mode.color ? { style } : {}) }, { header: 'path' }, { header: 'type' }], rows, { width: mode.width,
    styled: mode.styled, color: mode.color });
  return `${table} ${files.changes.length} changed, ${files.unchanged} unchanged\n`;
}

function cell(section: keyof RunDiff, e: DiffEntry, side: 'a' | 'b', namespace: string | undefined): string {
  if (!Object.hasOwn(e, side)) return '';
  const value = e[side];
  if (section === 'attributes' && e.name === 'operation' && typeof value === 'string' && namespace !== undefined && value.startsWith(`${namespace}:`)) {
    return value.slice(namespace.length + 1);
  }
  if (section === 'attributes' && (e.name === 'started' || e.name === 'stopped') && typeof value === 'string') {
    return formatDateTime(Date.parse(value));
  }
  if (section === 'provenance' && (e.name === 'patch' || e.name.startsWith('lockfile:')) && typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) {
    return value.slice(0, 12);
  }
  return formatValue(value);
}

function sectionTitle(title: string, mode: OutputMode): string {
  const left = Math.max(0, Math.floor((mode.width - textWidth(title)) / 2));
  return `${' '.repeat(left)}${paint(escapeControl(title), ['bold'], mode.color)}\n`;
}
