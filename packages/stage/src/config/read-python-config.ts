import type { Config, ConfigValue } from '@gage/types';
import { collectPythonLiterals } from './_python-literals.js';
import type { PythonStringLiteral } from './_python-string.js';

/** One literal of a Python config file and the keys that read it. */
export interface PythonConfigLiteral {
  /** The keys whose value is this literal (several for a chain `a = b = 1`), in target order. */
  keys: string[];
  /** Start offset of the literal in the source (a unary sign included). */
  from: number;
  /** End offset (exclusive). */
  to: number;
  /** The literal text as written. */
  text: string;
  /** Its value. */
  value: ConfigValue;
  /** The parts of a string literal (prefix, quote, triple quoting). */
  string?: PythonStringLiteral;
}

/** What {@link readPythonConfig} finds in a Python file. */
export interface PythonConfig {
  /** Keys to values, in file order. */
  values: Config;
  /** The literals behind the values, in source order per assignment. */
  literals: PythonConfigLiteral[];
}

/**
 * Reads config defaults from Python source without running Python
 * (docs/spec/stage.md 5.6): literal values of top-level assignments (`x = 1`,
 * `x: int = 1`, `a = b = 1`, statements joined by `;`). The last literal
 * assignment of a name wins. Integers (also hex, octal, binary) come back as
 * `bigint`, floats as `number`, strings decoded; unary `-`, `+`, `~` are
 * computed; list elements become `name.<i>` and dict entries with string keys
 * `name.<key>`, recursively.
 *
 * @param source - the Python source text
 * @returns the values and the literals they come from
 * @throws {ConfigSyntaxError} `ERR_GAGE_CONFIG_SYNTAX` when the source is not valid Python
 * @example
 * ```ts
 * readPythonConfig('lr = 0.1\nepochs = 10\nopts = {"loud": True}\n').values;
 * // { lr: 0.1, epochs: 10n, 'opts.loud': true }
 * ```
 */
export function readPythonConfig(source: string): PythonConfig {
  return collectPythonLiterals(source);
}
