import { readFile } from 'node:fs/promises';
import type { JsonValue } from '@gage/types';
import { DataFileError } from '../errors.js';
import { gagefileFormat, parseGagefileText } from './_parse-gagefile-text.js';

/**
 * Reads a JSON, TOML or YAML file, chosen by extension (`.json`, `.toml`,
 * `.yaml`, `.yml`, any case), with the parsers and rules of Gage files
 * (docs/spec/stage.md 1.3): integers as `bigint`, floats as `number`, YAML 1.1,
 * whole-line `//` comments in JSON, dates as ISO strings. The value is
 * returned whatever its shape: an empty YAML file is `null`, an empty TOML
 * file `{}`; checking the shape is the caller's job. The TOML and YAML
 * parsers are imported on first use.
 *
 * @param path the file
 * @throws {DataFileError} `ERR_GAGE_DATA_FILE_EXTENSION` (checked first),
 *   `ERR_GAGE_DATA_FILE_MISSING`, `ERR_GAGE_DATA_FILE_READ` (a directory, no
 *   permission), `ERR_GAGE_DATA_FILE_SYNTAX` (with `line` and `column`)
 * @example
 * ```ts
 * const data = await loadDataFile('board.yaml'); // { columns: ['metric:loss'] }
 * ```
 */
export async function loadDataFile(path: string): Promise<JsonValue> {
  if (gagefileFormat(path) === undefined) {
    throw new DataFileError('ERR_GAGE_DATA_FILE_EXTENSION', path, 'unsupported file extension (expected .json, .toml, .yaml or .yml)');
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DataFileError('ERR_GAGE_DATA_FILE_MISSING', path, 'file does not exist');
    throw new DataFileError('ERR_GAGE_DATA_FILE_READ', path, `cannot read the file: ${reasonOf(err)}`, { cause: err });
  }
  return parseGagefileText(path, text,
    (file, message, line, column, cause) => new DataFileError('ERR_GAGE_DATA_FILE_SYNTAX', file, message, { line, column, cause }));
}

/** The message of a thrown value (errors of `node:fs` may come from another realm, so no `instanceof`). */
function reasonOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}
