import type { JsonObject, Run } from '@gage/types';
import { runUserDir } from '../run/_run-paths.js';
import { getAttrs } from './get-attrs.js';

/**
 * A run's user attributes (docs/spec/lifecycle.md 14): the replayed attr log of
 * `<runsDir>/<id>.user`, `{}` when the run has none.
 *
 * @throws {AttrLogError} `ERR_GAGE_ATTR_LOG` for an invalid entry.
 * @example
 * ```ts
 * const { label } = await runUserAttrs(run);
 * ```
 */
export async function runUserAttrs(run: Run): Promise<JsonObject> {
  return getAttrs(runUserDir(run));
}
