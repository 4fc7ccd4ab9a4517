import { decodeOpref, type OpDef, type OpRef, type Run } from '@gage/types';
import { isJsonObject, readMetaJson } from './_read-meta-json.js';
import { RunMetaError } from './errors.js';
import { readMetaFile } from './read-meta-file.js';

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
 * await readRunOpdef(run); // { name: 'test', data: { config: 'say.py', exec: 'python say.py' } }
 * ```
 */
export async function readRunOpdef(run: Run): Promise<OpDef> {
  const opref = run.opref ?? (await readOpref(run));
  const { file, value } = (await readMetaJson(run, ['opdef.json'], { bigint: true }))!;
  if (!isJsonObject(value)) throw new RunMetaError(run.id, file, 'expected a JSON object');
  return { name: opref.name, data: value };
}

async function readOpref(run: Run): Promise<OpRef> {
  const text = await readMetaFile(run, 'opref');
  if (text === undefined) throw new RunMetaError(run.id, 'opref', 'file is missing');
  try {
    return decodeOpref(text);
  } catch (err) {
    throw new RunMetaError(run.id, 'opref', (err as Error).message, { cause: err });
  }
}
