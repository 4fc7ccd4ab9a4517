import type { Config, Run } from '@gage/types';
import { isJsonObject, readMetaJsonSync } from './_read-meta-json-sync.js';
import { RunMetaError } from '../errors.js';

/**
 * Reads `config.json` of a run. Integers come back as `bigint`, floats as
 * `number` (decision 6: `1.0` stays a float).
 *
 * @param run the run
 * @returns the config
 * @throws {RunMetaError} `ERR_GAGE_RUN_META` when the file is missing, is not
 *   JSON, or is not an object of scalar values
 * @example
 * ```ts
 * readRunConfigSync(run); // { epochs: 3n, lr: 1 }  (lr is the float 1.0)
 * ```
 */
export function readRunConfigSync(run: Run): Config {
  const { file, value } = readMetaJsonSync(run, ['config.json'], { bigint: true })!;
  if (!isJsonObject(value)) throw new RunMetaError(run.id, file, 'expected a JSON object');
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'object' && v !== null) {
      throw new RunMetaError(run.id, file, `value of '${key}' is not a scalar (config values are null, booleans, numbers or strings)`);
    }
  }
  return value as Config;
}
