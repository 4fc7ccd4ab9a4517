import { pythonFloatRepr, pythonStringRepr, type Config, type ConfigValue } from '@gage/types';
import { encodePythonString } from './_python-string.js';
import { pythonLiterals } from './_python-literals.js';
import type { PythonConfigLiteral } from './read-python-config.js';

/**
 * Writes new config values into Python source (docs/spec/stage.md 5.11), changing
 * only the text of literals whose value differs with its type taken into
 * account (`1` and `1.0` differ); every other character stays as it was
 * (comments, spacing, line endings). Strings keep their prefix, quote
 * character and triple quoting; a raw string that cannot hold the value
 * loses its `r`. Other values are written as Python literals (floats as
 * `repr`, non-finite as `float("inf")`). For a chain `a = b = 1` the value
 * of the last changed name is written. Keys the source lacks are ignored.
 *
 * @param source - the Python source text
 * @param values - the keys to set
 * @returns the new source (the same string when nothing changed)
 * @throws {ConfigSyntaxError} `ERR_GAGE_CONFIG_SYNTAX` when the source is not valid Python
 * @example
 * ```ts
 * patchPythonConfig('msg = "Hi there"\nprint(msg)\n', { msg: 'Ho there' });
 * // 'msg = "Ho there"\nprint(msg)\n'
 * ```
 */
export function patchPythonConfig(source: string, values: Config): string {
  const edits = pythonConfigEdits(pythonLiterals(source), values);
  let out = '';
  let pos = 0;
  for (const edit of edits) {
    out += source.slice(pos, edit.from) + edit.text;
    pos = edit.to;
  }
  return out + source.slice(pos);
}

/** A span of Python source to replace: `[from, to)` becomes `text`. */
export interface PythonEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * The edits that write `values` over `literals` (docs/spec/stage.md 5.11), sorted by
 * position: one per literal whose value changes, with the new literal's
 * text. {@link patchPythonConfig} applies them to the source; the notebook
 * format maps them into a cell's JSON strings.
 *
 * @example
 * ```ts
 * pythonConfigEdits(pythonLiterals('x = 1\n'), { x: 2n }); // [{ from: 4, to: 5, text: '2' }]
 * ```
 */
export function pythonConfigEdits(literals: readonly PythonConfigLiteral[], values: Config): PythonEdit[] {
  const edits: PythonEdit[] = [];
  for (const literal of literals) {
    let last: string | undefined;
    for (const key of literal.keys) if (Object.hasOwn(values, key) && !sameValue(values[key] as ConfigValue, literal.value)) last = key;
    if (last === undefined) continue;
    edits.push({ from: literal.from, to: literal.to, text: literalText(literal, values[last] as ConfigValue) });
  }
  return edits.sort((a, b) => a.from - b.from);
}

/** Same type and same value (`NaN` equals `NaN`, `-0.0` differs from `0.0`). */
function sameValue(a: ConfigValue, b: ConfigValue): boolean {
  return typeof a === typeof b && Object.is(a, b);
}

function literalText(literal: PythonConfigLiteral, value: ConfigValue): string {
  if (typeof value === 'string') return literal.string ? encodePythonString(literal.string, value) : pythonStringRepr(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : 'float("-inf")';
    return pythonFloatRepr(value);
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return 'None';
}
