import type { StyleName } from '../output/ansi.js';
import { formatRelativeTime } from '../output/format-time.js';
import { formatTable, type TableColumn } from '../output/format-table.js';
import { escapeControl } from '../output/escape-control.js';
import { formatValue } from '../output/format-value.js';
import type { OutputMode } from '../io.js';
import { fitDescription } from './fit-description.js';
import type { RunRow } from './run-info.js';
import { isStatusUnsure } from './_queued-status.js';

/** Options of {@link formatRunsTable}. */
export interface RunsTableOptions {
  mode: OutputMode;
  /** Namespace of the current project, if there is one. */
  namespace: string | undefined;
  /** `-0`: always `#`, `operation`, `status`, `description`. */
  simple?: boolean;
  /** Dim every row (deleted runs). */
  dim?: boolean;
  /** Current time (epoch ms). */
  now?: number;
}

/** A runs table column (docs/spec/cli.md 4). */
export type RunsTableColumn = 'index' | 'name' | 'operation' | 'started' | 'status' | 'description';

type Col = RunsTableColumn;

/**
 * The columns of the runs table for the output width, or `-0`'s fixed set
 * (docs/spec/cli.md 4); tells a caller what it must read for the rows.
 *
 * @param options mode and `-0`
 * @example
 * ```ts
 * runsTableColumns({ mode: { ...mode, width: 40 }, namespace: undefined }); // ['index', 'name', 'operation']
 * ```
 */
export function runsTableColumns(options: Pick<RunsTableOptions, 'mode' | 'simple'>): RunsTableColumn[] {
  const w = options.mode.width;
  return options.simple
    ? ['index', 'operation', 'status', 'description']
    : w <= 28
    ? ['index', 'name']
    : w <= 45
    ? ['index', 'name', 'operation']
    : w <= 60
    ? ['index', 'name', 'operation', 'started', 'status']
    : ['index', 'name', 'operation', 'started', 'status', 'description'];
}

/**
 * Formats the runs table (docs/spec/cli.md 4): columns by width, relative start
 * times, a flexible description column.
 *
 * @param runs the rows to show, in list order (read with at least the
 *   fields of {@link runsTableColumns})
 * @param options mode, namespace, `-0`
 * @example
 * ```ts
 * io.stdout.write(formatRunsTable(infos, { mode, namespace: 'greet' }));
 * ```
 */
export function formatRunsTable(runs: readonly RunRow[], options: RunsTableOptions): string {
  const w = options.mode.width;
  const cols = runsTableColumns(options);
  const now = options.now ?? Date.now();
  const dim = options.dim === true;
  // The pairs of each row, formatted and escaped once: for the cell text and again when fitting it.
  const pairs = cols.includes('description')
    ? runs.map((r) => descriptionPairs(r).map(([k, v]): [string, string] => [escapeControl(k), escapeControl(v)]))
    : [];
  const rows = runs.map((r, i) => cols.map((c) => cell(r, c, options.namespace, now, pairs[i])));
  const color = options.mode.color;
  const columns: TableColumn[] = cols.map((c) => {
    const header = c === 'index' ? '#' : c;
    const base: StyleName[] = dim ? ['dim'] : [];
    if (c === 'description') {
      return {
        header,
        flex: 'cut',
        fit: (_text: string, width: number, row: number) => {
          const label = (runs[row] as RunRow).label;
          return fitDescription(label === undefined ? undefined : escapeControl(label), pairs[row] as [string, string][], width);
        },
        ...(color ? { style: () => base } : {}),
      };
    }
    return color ? { header, style: (text: string) => [...base, ...cellStyle(c, text)] } : { header };
  });
  return formatTable(columns, rows, { width: w, styled: options.mode.styled, color });
}

function cellStyle(c: Col, text: string): StyleName[] {
  if (c === 'operation') return ['cyan'];
  if (c === 'name' || c === 'started') return ['dim'];
  if (c !== 'status') return [];
  if (text === 'completed') return ['green'];
  if (text === 'error' || text === 'terminated') return ['red'];
  if (text === 'running') return ['yellow', 'italic'];
  if (text.startsWith('queued')) return ['yellow'];
  return ['grey'];
}

function cell(r: RunRow, c: Col, namespace: string | undefined, now: number, pairs: [string, string][] | undefined): string {
  switch (c) {
    case 'index':
      return String(r.index);
    case 'name':
      return r.run.name.slice(0, 5);
    case 'operation':
      return operationLabel(r, namespace);
    case 'started':
      return r.started === undefined || r.status === 'staged' || r.status === 'pending' ? '' : formatRelativeTime(r.started, now);
    case 'status':
      return r.status === 'queued' && isStatusUnsure(r.run) ? 'queued?' : r.status;
    case 'description':
      return [r.label, ...(pairs ?? []).map(([k, v]) => `${k}=${v}`)].filter((s) => s).join(' ');
  }
}

/**
 * The operation as runs lists show it: `ns:` when the namespace differs from
 * the project's, ` v<version>` when versioned.
 *
 * @example
 * ```ts
 * operationLabel(info, 'greet'); // 'hello' or 'other:hello v2'
 * ```
 */
function operationLabel(r: { opref: RunRow['opref'] }, namespace: string | undefined): string {
  if (!r.opref) return '';
  const { ns, name, version } = r.opref;
  return `${ns && ns !== namespace ? `${ns}:` : ''}${name}${version ? ` v${version}` : ''}`;
}

/**
 * The `name=value` fields of a run description (docs/spec/cli.md 4, decision 25): the
 * flags that changed a default of the operation (in key order), unless the
 * operation's `listing.description` names the fields; for a run made
 * without that record, summary metrics, attributes and config (config wins),
 * sorted.
 *
 * @example
 * ```ts
 * descriptionPairs(info); // [['lr', '0.01']]
 * ```
 */
function descriptionPairs(r: RunRow): [string, string][] {
  const { metrics, attributes } = r.summary;
  const noSummary = Object.keys(metrics).length === 0 && Object.keys(attributes).length === 0;
  const fields: Record<string, unknown> = noSummary ? r.config : { ...metrics, ...attributes, ...r.config };
  const listing = r.listing;
  let names: string[];
  if (listing) names = listing.filter((n): n is string => typeof n === 'string' && Object.hasOwn(fields, n));
  else if (r.changedFlags) names = r.changedFlags.filter((n) => Object.hasOwn(r.config, n)).sort();
  else names = Object.keys(fields).sort();
  return names.map((n) => [n, formatValue(fields[n])]);
}
