import { GageError, type TypesErrorCode } from './errors.js';

/** An operation reference: namespace (the project), op name, optional version. */
export interface OpRef {
  ns: string;
  name: string;
  version?: string | undefined;
}

/**
 * Makes an {@link OpRef}; the seed scenario's `OpRef("test", "test")`.
 *
 * @example
 * ```ts
 * const opref = OpRef('test', 'test'); // { ns: 'test', name: 'test' }
 * ```
 */
export function OpRef(ns: string, name: string, version?: string): OpRef {
  return version === undefined ? { ns, name } : { ns, name, version };
}

/** An op ref that cannot be encoded or decoded. */
export class OpRefError extends GageError<TypesErrorCode> {
  constructor(message: string) {
    super('ERR_GAGE_OPREF', message);
  }
}

/**
 * Encodes an op ref with schema 2 (docs/spec/lifecycle.md 2.5): `2 <ns> <name>[ <version>]`.
 *
 * @throws {OpRefError} `opref namespace (op_ns) cannot be empty` and the like.
 * @example
 * ```ts
 * encodeOpref({ ns: 'test', name: 'test' }); // '2 test test'
 * encodeOpref({ ns: 'test', name: 'test', version: '1' }); // '2 test test 1'
 * ```
 */
export function encodeOpref(opref: OpRef): string {
  const { ns, name, version } = opref;
  if (!ns) throw new OpRefError('opref namespace (op_ns) cannot be empty');
  if (/\s/.test(ns)) throw new OpRefError('opref namespace (op_ns) cannot contain spaces');
  if (!name) throw new OpRefError('opref name (op_name) cannot be empty');
  if (/\s/.test(name)) throw new OpRefError('opref name (op_name) cannot contain spaces');
  if (version !== undefined && version !== null && /\s/.test(version)) {
    throw new OpRefError('opref version (op_version) cannot contain spaces');
  }
  return version ? `2 ${ns} ${name} ${version}` : `2 ${ns} ${name}`;
}

/**
 * Decodes an op ref of schema 2 or 1 (docs/spec/lifecycle.md 2.5).
 *
 * @throws {OpRefError} `invalid opref encoding: '<s>'` or `unsupported opref schema: '<s>'`.
 * @example
 * ```ts
 * decodeOpref('2 test test 1'); // { ns: 'test', name: 'test', version: '1' }
 * ```
 */
export function decodeOpref(s: string): OpRef {
  const parts = s.trimEnd().split(/\s+/).filter((p) => p !== '');
  const [schema, ...rest] = parts;
  const quoted = pythonQuote(s);
  if (schema === undefined || rest.length === 0) throw new OpRefError(`invalid opref encoding: ${quoted}`);
  if (schema === '2') {
    if (rest.length === 2) return { ns: rest[0] as string, name: rest[1] as string };
    if (rest.length === 3) return { ns: rest[0] as string, name: rest[1] as string, version: rest[2] as string };
    throw new OpRefError(`invalid opref encoding: ${quoted}`);
  }
  if (schema === '1') {
    if (rest.length === 2) return { ns: rest[0] as string, name: rest[1] as string };
    throw new OpRefError(`invalid opref encoding: ${quoted}`);
  }
  throw new OpRefError(`unsupported opref schema: ${quoted}`);
}

/**
 * The op's full name: `ns:name`, or `name` when the namespace is empty.
 *
 * @example
 * ```ts
 * opFullName({ ns: 'greet', name: 'hello' }); // 'greet:hello'
 * ```
 */
export function opFullName(opref: OpRef): string {
  return opref.ns ? `${opref.ns}:${opref.name}` : opref.name;
}

/** Python repr-like single quoting used in op ref messages. */
function pythonQuote(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
