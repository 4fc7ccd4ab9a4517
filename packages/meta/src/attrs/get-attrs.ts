import type { JsonObject } from '@gage/types';
import { applyEntry, readAttrLog } from './_attr-log.js';

/**
 * Replays an attr log (docs/spec/lifecycle.md 14): applies every `*.json` entry of
 * `dir` in file-name (= time) order, first merging its `set`, then removing
 * the names in its `delete`. An empty or missing dir gives `{}`. Integers
 * come back as `bigint`, floats as `number` (the `@gage/types` value model).
 *
 * @throws {AttrLogError} `ERR_GAGE_ATTR_LOG` when an entry is not valid JSON
 *   or has fields of the wrong type; the message names the file.
 * @example
 * ```ts
 * await logAttrs(dir, 'maria', { label: 'first', epochs: 3n });
 * await logAttrs(dir, 'maria', { label: 'second' }, ['epochs']);
 * await getAttrs(dir); // { label: 'second' }
 * ```
 */
export async function getAttrs(dir: string): Promise<JsonObject> {
  const attrs: JsonObject = {};
  for (const entry of await readAttrLog(dir)) applyEntry(attrs, entry);
  return attrs;
}
