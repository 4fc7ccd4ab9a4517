import { JsonSyntaxError, parseJson, type JsonValue } from '@gage/types';
import { GagefileExtensionError, GagefileSyntaxError } from '../errors.js';
import { toJsonValue } from './_to-json-value.js';

/** The parser for a Gage file name, by extension (case-insensitive), or undefined. */
export function gagefileFormat(path: string): 'toml' | 'json' | 'yaml' | undefined {
  const m = /\.([^./\\]+)$/.exec(path);
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'toml' || ext === 'json') return ext;
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return undefined;
}

/** Makes the error for text that does not parse: `message` names line and column when known. */
export type SyntaxErrorFactory = (path: string, message: string, line: number | undefined, column: number | undefined, cause: unknown) => Error;

const gagefileSyntaxError: SyntaxErrorFactory = (path, message, line, column, cause) => new GagefileSyntaxError(path, message, line, column, cause);

/**
 * Parses Gage file text (docs/spec/stage.md 1.3). Integers come back as `bigint`.
 * The TOML and YAML parsers are imported on first use, so `gage run` with a
 * `gage.toml` never loads the YAML parser (about 270 KB of code).
 * `syntaxError` makes the error for text that does not parse (default:
 * `GagefileSyntaxError`; `loadDataFile` passes its own).
 * @throws {GagefileExtensionError} for an unknown extension.
 * @throws {GagefileSyntaxError} naming line and column.
 */
export async function parseGagefileText(path: string, text: string, syntaxError: SyntaxErrorFactory = gagefileSyntaxError): Promise<JsonValue> {
  switch (gagefileFormat(path)) {
    case 'toml':
      return parseTomlText(path, text, await import('smol-toml'), syntaxError);
    case 'json':
      return parseJsonText(path, text, syntaxError);
    case 'yaml':
      return parseYamlText(path, text, cjsNamespace(await import('yaml')), syntaxError);
    default:
      throw new GagefileExtensionError(path);
  }
}

/**
 * The named exports of a CommonJS package loaded with `import()`. Bundlers
 * that split chunks (esbuild, as in the `gage` bundle) give only `default`
 * for a CommonJS module, so `yaml`'s `parse` and `YAMLError` live there.
 */
function cjsNamespace<T extends object>(mod: T): T {
  const fallback = (mod as { default?: unknown }).default;
  return !('parse' in mod) && typeof fallback === 'object' && fallback !== null ? (fallback as T) : mod;
}

/** Drops every line whose first non-blank characters are `//`. */
function dropCommentLines(text: string): string {
  return text.split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
}

function parseJsonText(path: string, text: string, syntaxError: SyntaxErrorFactory): JsonValue {
  try {
    return parseJson(dropCommentLines(text), { bigint: true });
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw syntaxError(path, err.message, err.line, err.column, err);
    throw err;
  }
}

function parseTomlText(path: string, text: string, { parse, TomlError }: typeof import('smol-toml'), syntaxError: SyntaxErrorFactory): JsonValue {
  try {
    return toJsonValue(parse(text, { integersAsBigInt: true }));
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const first = firstLine(err.message);
    throw syntaxError(path, `${first} at line ${err.line}, column ${err.column}`, err.line, err.column, err);
  }
}

function parseYamlText(path: string, text: string, { parse, YAMLError }: typeof import('yaml'), syntaxError: SyntaxErrorFactory): JsonValue {
  try {
    return toJsonValue(parse(text, { version: '1.1', intAsBigInt: true, uniqueKeys: false }));
  } catch (err) {
    if (!(err instanceof YAMLError)) throw err;
    const pos = err.linePos?.[0];
    let message = firstLine(err.message);
    if (pos && !/ at line \d+, column \d+/.test(message)) message += ` at line ${pos.line}, column ${pos.col}`;
    throw syntaxError(path, message, pos?.line, pos?.col, err);
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/:$/, '');
}
