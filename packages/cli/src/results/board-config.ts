import { compareCodePoints } from '@gage/types';
import { CliError } from '../errors.js';
import type { ColDef } from './results-document.js';
import { RUN_ATTRS } from './result-row.js';

/** The run statuses a board's `run-select` may name (docs/spec/cli.md 4). */
const STATUSES = ['staged', 'pending', 'queued', 'running', 'completed', 'error', 'terminated', 'unknown'];

/** The top-level keys of a board config (Gage (Python)'s board schema). */
const TOP_KEYS = ['id', 'name', 'title', 'description', 'columns', 'run-select', 'group-select', 'group-column'];

/** Field prefixes of a column given as a string, and the field prefix each stands for. */
const STRING_PREFIXES: Readonly<Record<string, string>> = { run: 'run', 'run-attr': 'run', attribute: 'attribute', attr: 'attribute', metric: 'metric',
  config: 'config' };

/** The keys of a column object that name its field, in the order they are looked for. */
const FIELD_KEYS: readonly (readonly [string, string])[] = [['attribute', 'attribute'], ['metric', 'metric'], ['run-attr', 'run'], ['config', 'config']];

const FIELD_KINDS = 'expected run-attr, attribute, metric, or config';

/** A board config (docs/spec/cli.md 5.15), checked. */
export interface BoardDef {
  /** JSON attributes before `colDefs`: `title`, `description`, `groupColumn`. */
  meta: Record<string, unknown>;
  /** The configured columns; `undefined` for the default ones. */
  columns: ColDef[] | undefined;
  /** `run-select`: runs of these operations and statuses (each `undefined` when not given). */
  runSelect: { operations: string[] | undefined; statuses: string[] | undefined };
  /** `group-select`: one run per value of `groupBy`, the one with the least (`min`) or greatest (`max`) `field`. */
  groupSelect: { groupBy: string; pick: 'min' | 'max'; field: string } | undefined;
}

/** The default board: default columns, every run. */
export const DEFAULT_BOARD: BoardDef = { meta: {}, columns: undefined, runSelect: { operations: undefined, statuses: undefined }, groupSelect: undefined };

/**
 * Checks a board config (its parsed file) and makes its {@link BoardDef}
 * (docs/spec/cli.md 5.15, Gage (Python)'s board configs):
 *
 * - `columns`: strings `prefix:name` (`run:`, `attribute:`, `metric:`,
 *   `config:`; `run-attr:` and `attr:` too), or objects that name one field
 *   (`{attribute|metric|config|run-attr: name}` or `{field: "prefix:name"}`)
 *   or a `score` (`{average: [field or [field, weight], ...]}`), with a
 *   `label`, a `sort` (`asc`, `desc`) and any other attributes for viewers
 *   (passed on to `--json` with camelCase keys);
 * - `run-select`: `operation` and `status` (a name or a list);
 * - `group-select`: `group-by` and `min` or `max`, each a field object;
 * - `title`, `description`, `group-column`, `id`, `name`.
 *
 * The data is the file's top level; the caller has checked that it is a map.
 *
 * @throws {CliError} `ERR_GAGE_BOARD_CONFIG`: `invalid board config: <problem>`
 * @example
 * ```ts
 * parseBoardConfig({ columns: ['metric:loss', { config: 'lr', label: 'LR' }] }).columns;
 * // [{ field: 'metric:loss' }, { field: 'config:lr', label: 'LR' }]
 * ```
 */
export function parseBoardConfig(data: Record<string, unknown>): BoardDef {
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) invalid(`unknown key '${key}': expected ${TOP_KEYS.join(', ')}`);
  }
  const meta: Record<string, unknown> = {};
  for (const key of ['title', 'description'] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') invalid(`'${key}' must be a string`);
    meta[key] = value;
  }
  const groupColumn = data['group-column'];
  if (groupColumn !== undefined && groupColumn !== null) {
    if (!isMap(groupColumn)) invalid(`'group-column' must be a map`);
    meta['groupColumn'] = camelKeys(groupColumn);
  }
  return {
    meta,
    columns: parseColumns(data['columns']),
    runSelect: parseRunSelect(data['run-select']),
    groupSelect: parseGroupSelect(data['group-select']),
  };
}

function parseColumns(value: unknown): ColDef[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) invalid(`'columns' must be a list`);
  const cols = value.map((col, i) => parseColumn(col, i + 1));
  return cols.length === 0 ? undefined : cols;
}

function parseColumn(col: unknown, n: number): ColDef {
  const where = `column ${n}`;
  if (typeof col === 'string') return { field: stringField(col, where) };
  if (!isMap(col)) invalid(`${where} must be a string or a map`);
  const named = [...FIELD_KEYS.map(([k]) => k), 'field', 'score'].filter((k) => col[k] !== undefined);
  if (named.length !== 1) {
    invalid(
      `${where} must name exactly one field with one of field, run-attr, attribute, metric, config or score${
        named.length > 1 ? ` (it has ${named.join(', ')})` : ''
      }`,
    );
  }
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(col)) if (k !== named[0]) rest[k] = v;
  if (rest['label'] !== undefined && typeof rest['label'] !== 'string') invalid(`${where}: 'label' must be a string`);
  if (rest['sort'] !== undefined && rest['sort'] !== 'asc' && rest['sort'] !== 'desc') invalid(`${where}: 'sort' must be asc or desc`);
  const key = named[0] as string;
  if (key === 'score') return { score: parseScore(col['score'], where), ...camelKeys(rest) };
  const name = col[key];
  if (typeof name !== 'string' || name === '') invalid(`${where}: '${key}' must be a non-empty string`);
  const field = key === 'field' ? stringField(name, where) : checkRunAttr(`${(FIELD_KEYS.find(([k]) => k === key) as [string, string])[1]}:${name}`, where);
  return { field, ...camelKeys(rest) };
}

/** `prefix:name` as a field; `run-attr:` and `attr:` stand for `run:` and `attribute:`. */
function stringField(text: string, where: string): string {
  const colon = text.indexOf(':');
  const prefix = colon > 0 ? STRING_PREFIXES[text.slice(0, colon)] : undefined;
  if (prefix === undefined || colon === text.length - 1) {
    invalid(`${where}: '${text}' is not a field: expected run:NAME, attribute:NAME, metric:NAME or config:NAME`);
  }
  return checkRunAttr(`${prefix}:${text.slice(colon + 1)}`, where);
}

function checkRunAttr(field: string, where: string): string {
  if (field.startsWith('run:') && !(RUN_ATTRS as readonly string[]).includes(field.slice(4))) {
    invalid(`${where}: unknown run attribute '${field.slice(4)}': expected ${RUN_ATTRS.join(', ')}`);
  }
  return field;
}

/** A `score` column: `{average: [field | [field, weight], ...]}`, kept as given (fields checked). */
function parseScore(score: unknown, where: string): Record<string, unknown> {
  const average = isMap(score) ? score['average'] : undefined;
  if (!isMap(score) || Object.keys(score).length !== 1 || !Array.isArray(average)) {
    invalid(`${where}: 'score' must be {average: [field, ...]}`);
  }
  for (const item of average) {
    const [field, weight] = Array.isArray(item) ? item : [item, 1];
    const numeric = typeof weight === 'number' || typeof weight === 'bigint';
    if (typeof field !== 'string' || !numeric || (Array.isArray(item) && item.length !== 2)) {
      invalid(`${where}: each item of 'score.average' must be a field or a [field, weight] pair`);
    }
    stringField(field, where);
  }
  return score;
}

function parseRunSelect(value: unknown): BoardDef['runSelect'] {
  if (value === undefined || value === null) return { operations: undefined, statuses: undefined };
  if (!isMap(value)) invalid(`'run-select' must be a map`);
  for (const key of Object.keys(value)) {
    if (key !== 'operation' && key !== 'status') invalid(`run-select: unknown field '${key}': expected operation or status`);
  }
  const operations = nameList(value['operation'], 'run-select: operation');
  const statuses = nameList(value['status'], 'run-select: status');
  for (const s of statuses ?? []) {
    if (!STATUSES.includes(s)) invalid(`run-select: unknown status '${s}': expected ${STATUSES.join(', ')}`);
  }
  return { operations, statuses };
}

function nameList(value: unknown, what: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) invalid(`${what} must be a name or a list of names`);
  return list as string[];
}

function parseGroupSelect(value: unknown): BoardDef['groupSelect'] {
  if (value === undefined || value === null) return undefined;
  if (!isMap(value)) invalid(`'group-select' must be a map`);
  const groupBy = fieldSpec(value['group-by']);
  if (groupBy === undefined) invalid(`group-select for board is missing group-by field: ${FIELD_KINDS}`);
  const hasMin = value['min'] !== undefined && value['min'] !== null;
  const hasMax = value['max'] !== undefined && value['max'] !== null;
  if (hasMin === hasMax) invalid('group-select for board must specify either min or max fields');
  const pick = hasMin ? 'min' : 'max';
  const field = fieldSpec(value[pick]);
  if (field === undefined) invalid(`group-select selector (min/max) for board is missing field: ${FIELD_KINDS}`);
  return { groupBy, pick, field };
}

/** The field of `{attribute|metric|run-attr|config: name}`, the first of these keys found; `undefined` when none. */
function fieldSpec(spec: unknown): string | undefined {
  if (!isMap(spec)) return undefined;
  for (const [key, prefix] of FIELD_KEYS) {
    const name = spec[key];
    if (typeof name === 'string' && name !== '') return checkRunAttr(`${prefix}:${name}`, 'group-select');
  }
  return undefined;
}

/** Keys in camelCase (`row-group` → `rowGroup`), nested maps too, as Gage (Python) passes column attributes to viewers. */
function camelKeys(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).sort(compareCodePoints)) {
    const value = obj[key];
    const name = key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    Object.defineProperty(out, name, { value: isMap(value) ? camelKeys(value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(problem: string): never {
  throw new CliError('ERR_GAGE_BOARD_CONFIG', `invalid board config: ${problem}`);
}
