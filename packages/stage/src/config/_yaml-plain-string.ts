// A quick answer to "does this string read back as itself as a plain YAML
// scalar?" for the common case, so that patching a YAML file with a new
// string value usually needs no parser call.
import { resolveYamlPlain } from './_yaml-plain-value.js';

/** A letter, then letters, digits, `_`, `-`, `.`, `/` and inner spaces: no YAML indicator anywhere, and no number of YAML 1.1 or 1.2. */
const WORDS = /^[A-Za-z](?:[A-Za-z0-9_\-./ ]*[A-Za-z0-9_\-./])?$/;

/**
 * True when `s` is of the simple form above and reads back as the same
 * string with every YAML reading `_yaml-encode.ts` checks (YAML 1.1 with
 * PyYAML's booleans, the yaml package's YAML 1.1 with `y`/`n` booleans, and
 * YAML 1.2 core); false means "not known", not "unsafe".
 *
 * @example
 * ```ts
 * isPlainYamlString('name-5-patched'); // true
 * isPlainYamlString('yes');            // false (a boolean)
 * isPlainYamlString('n');              // false (a boolean in YAML 1.1 as the yaml package reads it)
 * isPlainYamlString('1.5');            // false (not known here)
 * ```
 */
export function isPlainYamlString(s: string): boolean {
  return WORDS.test(s) && s !== 'y' && s !== 'Y' && s !== 'n' && s !== 'N' && resolveYamlPlain(s) === s;
}
