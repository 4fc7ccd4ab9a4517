import type { Run } from '@gage/types';
import { readOptional } from '../run/_load-run.js';
import { parseMetaInteger } from '../meta-file/_parse-meta-integer.js';
import { RunAttrError } from '../errors.js';
import { warnMeta } from '../meta-logger.js';

/** A run attribute value: a string (`id`, `name`, `dir`) or an integer (timestamps in µs, `exit_code`). */
export type RunAttrValue = string | number;

const cache = new WeakMap<Run, Map<string, RunAttrValue>>();

/** The attribute names {@link runAttrSync} supports (docs/spec/lifecycle.md 12). */
export const RUN_ATTR_NAMES = ['id', 'name', 'dir', 'staged', 'started', 'stopped', 'timestamp', 'exit_code'] as const;

/**
 * A run attribute (docs/spec/lifecycle.md 12): `id`, `name`, `dir` (the run dir),
 * `staged`, `started`, `stopped` (epoch µs), `timestamp` (the first present
 * of `started`, `staged`, `initialized`), `exit_code` (from `proc/exit`).
 * A value read from disk is cached per run object (a `WeakMap`), defaults
 * never are; see {@link clearRunAttrCache}. Files are read synchronously
 * (one small read each), like listing.
 *
 * @param run the run
 * @param name the attribute name
 * @param defaultValue returned when the attribute is unavailable (pass it
 *   explicitly, even as `undefined`, to avoid the throw)
 * @returns the value, or the default
 * @throws {RunAttrError} message = the name: `ERR_GAGE_RUN_ATTR_UNKNOWN` for an
 *   unsupported name (even with a default), `ERR_GAGE_RUN_ATTR_MISSING` when
 *   unavailable and no default was given
 * @example
 * ```ts
 * runAttrSync(run, 'exit_code', null); // 0, or null before finalize
 * ```
 */
export function runAttrSync(run: Run, name: string): RunAttrValue;
export function runAttrSync<T>(run: Run, name: string, defaultValue: T): RunAttrValue | T;
export function runAttrSync(run: Run, name: string, ...rest: unknown[]): unknown {
  if (!(RUN_ATTR_NAMES as readonly string[]).includes(name)) throw new RunAttrError('ERR_GAGE_RUN_ATTR_UNKNOWN', name);
  let values = cache.get(run);
  const cached = values?.get(name);
  if (cached !== undefined) return cached;
  const value = readAttr(run, name);
  if (value !== undefined) {
    if (!values) cache.set(run, values = new Map());
    values.set(name, value);
    return value;
  }
  if (rest.length > 0) return rest[0];
  throw new RunAttrError('ERR_GAGE_RUN_ATTR_MISSING', name);
}

/**
 * Forgets the attribute values {@link runAttrSync} cached for this run object,
 * so the next call reads the disk again.
 *
 * @param run the run
 * @example
 * ```ts
 * clearRunAttrCache(run);
 * runAttrSync(run, 'stopped', undefined); // read again
 * ```
 */
export function clearRunAttrCache(run: Run): void {
  cache.delete(run);
}

function readAttr(run: Run, name: string): RunAttrValue | undefined {
  switch (name) {
    case 'id':
      return run.id;
    case 'name':
      return run.name;
    case 'dir':
      return run.runDir;
    case 'timestamp':
      for (const ts of ['started', 'staged', 'initialized'] as const) {
        const value = readInteger(run, ts, () => `Invalid timestamp '${ts}' in "${run.metaDir}"`);
        if (value !== undefined) return value;
      }
      return undefined;
    case 'exit_code':
      return readInteger(run, 'proc/exit', (text) => `Invalid exit status in "${run.metaDir}": ${text}`);
    default:
      return readInteger(run, name, () => `Invalid timestamp '${name}' in "${run.metaDir}"`);
  }
}

/** An integer meta file; `undefined` when missing or malformed (which warns); throws when unreadable. */
function readInteger(run: Run, file: string, invalid: (text: string) => string): number | undefined {
  const text = readOptional(run.metaDir, file);
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw text;
  const value = parseMetaInteger(text);
  if (value === undefined) warnMeta(invalid(text));
  return value;
}
