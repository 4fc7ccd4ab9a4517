import { CliError } from '../errors.js';
import { RUN_ATTRS } from './result-row.js';
import type { ResultRow } from './result-row.js';

/** The prefixes a column name may have, and the field prefix each stands for. */
const PREFIXES: Readonly<Record<string, string>> = { run: 'run', config: 'config', metric: 'metric', attr: 'attribute', attribute: 'attribute' };

const ATTR_LIST = RUN_ATTRS.join(', ');

/**
 * The field a column name of `--columns` or `--sort` stands for
 * (decision 25): `run:<attr>`, `config:<key>`, `metric:<key>`,
 * `attr:<key>` (or `attribute:<key>`) name one; a bare name is a run
 * attribute, else the first of a config key, a metric and a summary
 * attribute that a run shown has (the order of the filter language,
 * decision 21).
 *
 * @param name the column name as given
 * @param rows the runs shown
 * @param option the option, for messages (`--columns`)
 * @throws {CliError} `ERR_GAGE_UNKNOWN_COLUMN`: a `run:` name that is no run
 *   attribute, or a bare name that is none of these
 * @example
 * ```ts
 * resolveColumn('lr', rows, '--columns'); // 'config:lr'
 * resolveColumn('attr:type', rows, '--columns'); // 'attribute:type'
 * ```
 */
export function resolveColumn(name: string, rows: readonly ResultRow[], option: string): string {
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? PREFIXES[name.slice(0, colon)] : undefined;
  if (prefix !== undefined) {
    const key = name.slice(colon + 1);
    if (prefix === 'run' && !(RUN_ATTRS as readonly string[]).includes(key)) {
      throw new CliError('ERR_GAGE_UNKNOWN_COLUMN', `Unknown run attribute '${key}' in ${option}`, { hint: `Run attributes: ${ATTR_LIST}.` });
    }
    return `${prefix}:${key}`;
  }
  if ((RUN_ATTRS as readonly string[]).includes(name)) return `run:${name}`;
  for (const p of ['config', 'metric', 'attribute']) {
    const field = `${p}:${name}`;
    if (rows.some((r) => r.fields.has(field))) return field;
  }
  throw new CliError('ERR_GAGE_UNKNOWN_COLUMN',
    `Unknown column '${name}' in ${option}: no run shown has a config key, metric or summary attribute of that name`, {
    hint:
      `A column is a run attribute (${ATTR_LIST}), or a config key, metric or summary attribute of a run shown. To name one that no run shown has, use a prefix: config:${name}, metric:${name}, attr:${name}.`,
  });
}

/**
 * The header of a field in a table: its name without the prefix, unless
 * another of `fields` has the same name (then the field itself).
 *
 * @example
 * ```ts
 * fieldHeaders(['run:name', 'config:x', 'metric:x']); // ['name', 'config:x', 'metric:x']
 * ```
 */
export function fieldHeaders(fields: readonly string[]): string[] {
  const bare = fields.map(bareName);
  const counts = new Map<string, number>();
  for (const b of bare) counts.set(b, (counts.get(b) ?? 0) + 1);
  return fields.map((f, i) => ((counts.get(bare[i] as string) ?? 0) > 1 ? f : (bare[i] as string)));
}

/**
 * A field's name without its prefix (`metric:loss` → `loss`).
 *
 * @example
 * ```ts
 * bareName('attribute:type'); // 'type'
 * ```
 */
export function bareName(field: string): string {
  const colon = field.indexOf(':');
  return colon < 0 ? field : field.slice(colon + 1);
}
