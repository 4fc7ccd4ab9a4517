import type { JsonValue } from '@gage/types';

const INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?(?:[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)$/;
/** A one-line plain scalar that the YAML core schema reads as a string: no indicator first, no `: ` or ` #` inside. */
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s][^\n]*$/;

/**
 * Parses a Guild AI attribute file as YAML (core schema, integers as
 * `bigint`). Most attributes are one plain scalar (`1700000000002000`,
 * `maria`, `0`): those are read here, everything else by `yaml`, which is
 * slow for tiny documents (about 0.4 ms each; a run has a dozen).
 *
 * @example
 * ```ts
 * parseGuildYaml('1700000000002000\n'); // 1700000000002000n
 * parseGuildYaml('lr: 0.1\n'); // { lr: 0.1 }
 * ```
 */
export function parseGuildYaml(text: string): JsonValue {
  if (yamlParse === undefined) throw new Error('loadGuildYaml() first');
  const line = text.replace(/\r?\n$/, '');
  if (!line.includes('\n')) {
    if (INT.test(line)) return BigInt(line);
    if (FLOAT.test(line)) return Number(line);
    if (line === 'true' || line === 'True' || line === 'TRUE') return true;
    if (line === 'false' || line === 'False' || line === 'FALSE') return false;
    if (line === 'null' || line === 'Null' || line === 'NULL' || line === '~' || line === '') return null;
    if (PLAIN.test(line) && !/: |:$| #/.test(line) && !/^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(line) && !/^0[xo]/.test(line))
      return line.trimEnd();
  }
  return yamlParse(text, { schema: 'core', intAsBigInt: true, uniqueKeys: false }) as JsonValue;
}

type YamlParse = typeof import('yaml').parse;
let yamlParse: YamlParse | undefined;

/**
 * Loads the `yaml` parser for {@link parseGuildYaml}. Loaded on demand, so
 * that `gage run` and the other commands never load it through `@gage/meta`
 * (cli/test/lazy-parsers.test.ts).
 */
export async function loadGuildYaml(): Promise<void> {
  if (yamlParse !== undefined) return;
  // A bundler that splits chunks (esbuild, as in the `gage` bundle) gives a CommonJS package only `default`.
  const mod = await import('yaml');
  yamlParse = 'parse' in mod && typeof mod.parse === 'function' ? mod.parse : (mod as unknown as { default: typeof mod }).default.parse;
}
