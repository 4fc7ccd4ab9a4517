import { readFile } from 'node:fs/promises';
import { OpDef, type JsonObject } from '@gage/types';
import { GagefileExtensionError, GagefileInvalidError, GagefileMissingError, GagefileReadError } from '../errors.js';
import { gagefileFormat, parseGagefileText } from './_parse-gagefile-text.js';
import { validateGagefile } from './validate-gagefile.js';

/** Settings of a Gage file (top-level keys starting with `$`, docs/spec/stage.md 2.1). */
export interface GagefileSettings {
  /** `$runs-dir`: runs dir, relative to the project dir. */
  runsDir?: string | undefined;
  /** `$archives-dir`: accepted, unused for now. */
  archivesDir?: string | undefined;
}

/** A loaded Gage file. */
export interface Gagefile {
  /** The path it was loaded from, as given. */
  path: string;
  /** The parsed data (integers as `bigint`). */
  data: JsonObject;
  /** Every top-level key not starting with `$`, in file order, with `gagefile` set to `path`. */
  operations: OpDef[];
  settings: GagefileSettings;
}

/**
 * Loads a Gage file (docs/spec/stage.md 1.3, 2.5): TOML, YAML (1.1 rules) or JSON with
 * whole-line `//` comments, chosen by extension. Shapes that would break
 * loading are rejected with `check`'s messages; unknown opdef keys are not
 * (only `validateGagefile` reports them).
 *
 * @throws {GagefileExtensionError} `unsupported file extension for <path>`
 * @throws {GagefileMissingError} `file does not exist: <path>`
 * @throws {GagefileSyntaxError} with line and column
 * @throws {GagefileInvalidError} with `problems`
 * @example
 * ```ts
 * const gagefile = await loadGagefile('gage.toml');
 * gagefile.operations.map((op) => op.name); // ['hello']
 * ```
 */
export async function loadGagefile(path: string): Promise<Gagefile> {
  if (gagefileFormat(path) === undefined) throw new GagefileExtensionError(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new GagefileMissingError(path);
    throw new GagefileReadError(path, err);
  }
  const data = await parseGagefileText(path, text);
  const problems = validateGagefile(data, { allowUnknownOpdefKeys: true });
  if (problems.length > 0) throw new GagefileInvalidError(path, problems);
  const obj = data as JsonObject;
  const operations = Object.keys(obj)
    .filter((name) => !name.startsWith('$'))
    .map((name) => OpDef(name, obj[name] as JsonObject, path));
  const settings: GagefileSettings = {};
  if (typeof obj['$runs-dir'] === 'string') settings.runsDir = obj['$runs-dir'];
  if (typeof obj['$archives-dir'] === 'string') settings.archivesDir = obj['$archives-dir'];
  return { path, data: obj, operations, settings };
}
