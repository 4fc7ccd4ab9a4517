import { decodeOpref, type OpDef, type OpRef, type Run } from '@gage/types';
import { isJsonObject, readMetaJsonSync } from './_read-meta-json-sync.js';
import { RunMetaError } from '../errors.js';
import { readMetaFileSync } from '../meta-file/read-meta-file-sync.js';

/**
 * Reads `opdef.json` of a run as an {@link OpDef} whose name is the op name
 * of the run's opref (`run.opref`, else the `opref` file). Numbers keep their
 * type: integers as `bigint`, floats as `number`.
 *
 * @param run the run
 * @returns `{name, data}`
 * @throws {RunMetaError} `ERR_GAGE_RUN_META` when `opdef.json` or `opref` is
 *   missing or cannot be decoded
 * @example
 * ```ts
 * readRunOpdefSync(run); // { name: 'test', data: { config: 'say.py', exec: 'python say.py' } }
 * ```
 */
export function readRunOpdefSync(run: Run): OpDef {
  const opref = run.opref ?? readOpref(run);
  const { file, value } = readMetaJsonSync(run, ['opdef.json'], { bigint: true })!;
  if (!isJsonObject(value)) throw new RunMetaError(run.id, file, 'expected a JSON object');
  return { name: opref.name, data: value };
}

function readOpref(run: Run): OpRef {
  const text = readMetaFileSync(run, 'opref');
  if (text === undefined) throw new RunMetaError(run.id, 'opref', 'file is missing');
  try {
    return decodeOpref(text);
  } catch (err) {
    throw new RunMetaError(run.id, 'opref', (err as Error).message, { cause: err });
  }
}
