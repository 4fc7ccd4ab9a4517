import type { Run, RunTimestampName } from '@gage/types';
import { parseMetaInteger } from './_parse-meta-integer.js';
import { RunAttrError } from './errors.js';
import { warnMeta } from './meta-logger.js';
import { readMetaFile } from './read-meta-file.js';
import { runTimestamp } from './run-timestamp.js';

/** A run attribute value: a string (`id`, `name`, `dir`) or an integer (timestamps in µs, `exit_code`). */
export type RunAttrValue = string | number;

/** The attribute names {@link runAttr} supports (lifecycle.md 12). */
export const RUN_ATTR_NAMES = ['id', 'name', 'dir', 'staged', 'started', 'stopped', 'timestamp', 'exit_code'] as const;

const cache = new WeakMap<Run, Map<string, RunAttrValue>>();

/**
 * A run attribute (lifecycle.md 12): `id`, `name`, `dir` (the run dir),
 * `staged`, `started`, `stopped` (epoch µs), `timestamp` (the first present
 * of `started`, `staged`, `initialized`), `exit_code` (from `proc/exit`).
 * A value read from disk is cached per run object (a `WeakMap`), defaults
 * never are; see {@link clearRunAttrCache}.
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
 * await runAttr(run, 'exit_code', null); // 0, or null before finalize
 * ```
 */
export async function runAttr(run: Run, name: string): Promise<RunAttrValue>;
export async function runAttr<T>(run: Run, name: string, defaultValue: T): Promise<RunAttrValue | T>;
export async function runAttr(run: Run, name: string, ...rest: unknown[]): Promise<unknown> {
  if (!(RUN_ATTR_NAMES as readonly string[]).includes(name)) throw new RunAttrError('ERR_GAGE_RUN_ATTR_UNKNOWN', name);
  let values = cache.get(run);
  const cached = values?.get(name);
  if (cached !== undefined) return cached;
  const value = await readAttr(run, name);
  if (value !== undefined) {
    if (!values) cache.set(run, (values = new Map()));
    values.set(name, value);
    return value;
  }
  if (rest.length > 0) return rest[0];
  throw new RunAttrError('ERR_GAGE_RUN_ATTR_MISSING', name);
}

/**
 * Forgets the attribute values {@link runAttr} cached for this run object,
 * so the next call reads the disk again.
 *
 * @param run the run
 * @example
 * ```ts
 * clearRunAttrCache(run);
 * await runAttr(run, 'stopped', undefined); // read again
 * ```
 */
export function clearRunAttrCache(run: Run): void {
  cache.delete(run);
}

async function readAttr(run: Run, name: string): Promise<RunAttrValue | undefined> {
  switch (name) {
    case 'id':
      return run.id;
    case 'name':
      return run.name;
    case 'dir':
      return run.runDir;
    case 'timestamp':
      for (const ts of ['started', 'staged', 'initialized'] as const) {
        const value = await runTimestamp(run, ts);
        if (value !== undefined) return value;
      }
      return undefined;
    case 'exit_code':
      return readExitCode(run);
    default:
      return runTimestamp(run, name as RunTimestampName);
  }
}

async function readExitCode(run: Run): Promise<number | undefined> {
  const text = await readMetaFile(run, 'proc/exit');
  if (text === undefined) return undefined;
  const code = parseMetaInteger(text);
  if (code === undefined) warnMeta(`Invalid exit status in "${run.metaDir}": ${text}`);
  return code;
}
