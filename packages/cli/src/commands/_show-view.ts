import { dirname, sep } from 'node:path';
import { compareCodePoints, type JsonObject } from '@gage/types';
import type { OutputMode } from '../io.js';
import { escapeControl } from '../output/escape-control.js';
import { formatPanel, keyValueLines } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';
import { formatSize, formatDateTime } from '../output/format-time.js';
import { formatFloat, formatValue } from '../output/format-value.js';
import type { ScalarSeriesSummary } from '@gage/proc';
import type { RunComment } from '@gage/meta';
import { commentTextLines } from '../output/format-comment-panel.js';
import { textWidth } from '../output/text-width.js';
import type { RunFileEntry } from '../runs/run-files.js';
import type { RunInfo } from '../runs/run-info.js';
import type { PhaseOutput } from '../runs/run-output.js';
import { provenanceLines } from './_show-provenance.js';

/**
 * The `show --config` table: header-less `| key | value |` rows, sorted.
 *
 * @example
 * ```ts
 * formatConfigTable(info, mode); // '| name | Bob |\n'
 * ```
 */
export function formatConfigTable(info: RunInfo, mode: OutputMode): string {
  const rows = Object.keys(info.config).sort(compareCodePoints).map((k) => [k, formatValue(info.config[k])]);
  return formatTable([{ header: '' }, { header: '' }], rows, { width: mode.width, header: false, styled: mode.styled, color: mode.color });
}

/**
 * The summary table `name | value | type`: attributes then metrics, each sorted.
 *
 * @example
 * ```ts
 * formatSummaryTable(info, mode);
 * ```
 */
export function formatSummaryTable(info: RunInfo, mode: OutputMode): string {
  const rows: string[][] = [];
  for (const [kind, values] of [['attribute', info.summary.attributes], ['metric', info.summary.metrics]] as const) {
    for (const k of Object.keys(values).sort(compareCodePoints)) rows.push([k, formatValue(values[k]), kind]);
  }
  return formatTable([{ header: 'name' }, { header: 'value' }, { header: 'type' }], rows, { width: mode.width, styled: mode.styled, color: mode.color });
}

/**
 * The `show --scalars` table `key | last | min | max | count | step`, keys
 * in order of first appearance (decision 20).
 *
 * @example
 * ```ts
 * formatScalarsTable([{ key: 'loss', last: 0.1, min: 0.1, max: 0.9, count: 10, lastStep: 9 }], mode);
 * ```
 */
export function formatScalarsTable(series: readonly ScalarSeriesSummary[], mode: OutputMode): string {
  const rows = series.map((s) => [s.key, formatFloat(s.last), formatFloat(s.min), formatFloat(s.max), String(s.count), String(s.lastStep)]);
  const right = 'right' as const;
  const columns = [{ header: 'key' }, { header: 'last', align: right }, { header: 'min', align: right }, { header: 'max', align: right }, { header: 'count',
    align: right }, { header: 'step', align: right }];
  return formatTable(columns, rows, { width: mode.width, styled: mode.styled, color: mode.color });
}

/**
 * The files table `name | type | size` (size hidden with `noSize`).
 *
 * @example
 * ```ts
 * formatFilesTable(files, mode);
 * ```
 */
export function formatFilesTable(files: RunFileEntry[], mode: OutputMode, noSize = false): string {
  const cols = [{ header: 'name' }, { header: 'type' }, ...(noSize ? [] : [{ header: 'size', align: 'right' as const }])];
  const rows = files.map((f) => [f.path, f.type, ...(noSize ? [] : [formatSize(f.size)])]);
  return formatTable(cols, rows, { width: mode.width, styled: mode.styled, color: mode.color });
}

/**
 * A path with the home directory `home` shown as `~`.
 *
 * @example
 * ```ts
 * tildePath('/home/me/greet', '/home/me'); // '~/greet'
 * ```
 */
function tildePath(path: string, home: string): string {
  return path === home ? '~' : path.startsWith(home + sep) ? '~' + path.slice(home.length) : path;
}

/** What the full `show` view displays. */
export interface ShowView {
  info: RunInfo;
  /** The run's `provenance.json`, when it has one. */
  provenance?: JsonObject | undefined;
  files: RunFileEntry[];
  fileLimit: number;
  outputs: PhaseOutput[];
  /** The home directory, shown as `~` in paths. */
  home: string;
  /** The run's comments, oldest first (docs/spec/cli.md 5.11). */
  comments?: readonly RunComment[] | undefined;
}

/**
 * The full `show` view (docs/spec/cli.md 5.3): header, Attributes, Config,
 * Provenance (decision 18), Summary, Files, Output and Comments panels, empty ones
 * left out, separated by blank lines. A human display: control characters
 * are escaped, in the run's output too (`gage show -o` and `gage cat -o`
 * print the output raw).
 *
 * @example
 * ```ts
 * io.stdout.write(formatShowView(view, mode));
 * ```
 */
export function formatShowView(view: ShowView, mode: OutputMode): string {
  const { info } = view;
  const w = mode.width;
  const po = { styled: mode.styled, color: mode.color };
  const panels: string[] = [];
  const op = escapeControl(
    info.opref ? `${info.opref.ns ? `${info.opref.ns}:` : ''}${info.opref.name}${info.opref.version ? ` v${info.opref.version}` : ''}` : '',
  );
  const inner = w - 4;
  const headLine = op + ' '.repeat(Math.max(1, inner - textWidth(op) - textWidth(info.status))) + info.status;
  panels.push(formatPanel(info.run.id, [headLine, ...(info.label ? [info.label] : [])], w, po));
  panels.push(
    formatPanel(
      'Attributes',
      keyValueLines([
        ['id', info.run.id],
        ['name', info.run.name],
        ['started', info.started === undefined ? '' : formatDateTime(info.started)],
        ['stopped', info.stopped === undefined ? '' : formatDateTime(info.stopped)],
        ['location', tildePath(dirname(info.run.runDir), view.home)],
        ['project', info.projectDir ? tildePath(info.projectDir, view.home) : ''],
        ['exit_code', info.exitCode === undefined ? '' : String(info.exitCode)],
        // User attributes but the label (in the header): `batch`, `batch-index`, ... (decision 22).
        ...Object.keys(info.userAttrs).filter((k) => k !== 'label').sort(compareCodePoints)
          .map((k): [string, string] => [k, formatValue(info.userAttrs[k])]),
      ]),
      w,
      po,
    ),
  );
  const keys = Object.keys(info.config).sort(compareCodePoints);
  if (keys.length > 0) panels.push(formatPanel('Config', keyValueLines(keys.map((k) => [k, formatValue(info.config[k])])), w, po));
  if (view.provenance) panels.push(formatPanel('Provenance', keyValueLines(provenanceLines(view.provenance)), w, po));
  if (Object.keys(info.summary.attributes).length + Object.keys(info.summary.metrics).length > 0) {
    panels.push(formatPanel('Summary', [], w, po) + formatSummaryTable(info, mode));
  }
  if (view.files.length > 0) {
    const shown = view.files.slice(0, view.fileLimit);
    const total = formatSize(view.files.reduce((s, f) => s + f.size, 0));
    const n = view.files.length;
    const footer = shown.length < n ? ` truncated (${shown.length} of ${n} files), total ${total}` : ` ${n} ${n === 1 ? 'file' : 'files'}, total ${total}`;
    panels.push(formatPanel('Files', [], w, po) + formatFilesTable(shown, mode) + footer + '\n');
  }
  const withLines = view.outputs.filter((o) => o.lines.length > 0);
  if (withLines.length > 0) {
    const lines: string[] = [];
    for (const o of withLines) {
      if (withLines.length > 1 || o.name !== 'run') lines.push(o.name);
      const earlier = o.total - o.lines.length;
      if (earlier > 0) lines.push(`… ${earlier} earlier ${earlier === 1 ? 'line' : 'lines'} (see --limit-output, gage cat -o)`);
      for (const line of o.lines) lines.push(line.text);
    }
    panels.push(formatPanel('Output', lines, w, po));
  }
  if (view.comments && view.comments.length > 0) {
    const lines = view.comments.flatMap((c, i) => [
      ...(i > 0 ? [''] : []),
      `${c.author}  ${formatDateTime(c.timestamp)}  (${c.id})`,
      ...commentTextLines(c.msg, w - 4),
    ]);
    panels.push(formatPanel('Comments', lines, w, po));
  }
  return panels.join('\n');
}
