import { parseJson, type JsonValue, type Run } from '@gage/types';
import { RunMetaError } from '../errors.js';
import { readMetaFileSync } from '../meta-file/read-meta-file-sync.js';

/**
 * Reads and parses the first existing of `files` (JSON meta files, e.g.
 * `proc/cmd` then its Gage (Python) name `proc/cmd.json`). `undefined` when
 * none exists and `required` is false.
 */
export function readMetaJsonSync(
  run: Run,
  files: readonly [string, ...string[]],
  options: { bigint?: boolean; required?: boolean } = {},
): { file: string; value: JsonValue } | undefined {
  for (const file of files) {
    const text = readMetaFileSync(run, file);
    if (text === undefined) continue;
    try {
      return { file, value: parseJson(text, { bigint: options.bigint ?? false }) };
    } catch (err) {
      throw new RunMetaError(run.id, file, (err as Error).message, { cause: err });
    }
  }
  if (options.required ?? true) throw new RunMetaError(run.id, files[0], 'file is missing');
  return undefined;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
