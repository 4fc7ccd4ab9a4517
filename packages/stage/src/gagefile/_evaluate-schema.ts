import { pythonStringRepr } from '@gage/types';
import { pythonListRepr } from './_python-list-repr.js';

/** A JSON Schema (sub)document, as far as the evaluator reads it. */
export type Schema = { readonly [keyword: string]: unknown };

interface Result {
  valid: boolean;
  /** Messages in pre-order: a failing keyword's message, then its children's. */
  messages: string[];
}

const PASS: Result = { valid: true, messages: [] };

/**
 * Evaluates `instance` against `schema` with the keyword set and messages of
 * docs/spec/stage.md 2.5 (Gage's wording). `$ref` must be a local `#/...` pointer into
 * `root`. Keywords run in schema order, `additionalProperties` after
 * `properties` and `patternProperties`; a passing keyword adds no message.
 */
export function evaluateSchema(schema: Schema, instance: unknown, root: Schema): string[] {
  return evaluate(schema, instance, root).messages;
}

function evaluate(schema: Schema, instance: unknown, root: Schema): Result {
  const keys = Object.keys(schema);
  const ordered = [...keys.filter((k) => k !== 'additionalProperties'), ...keys.filter((k) => k === 'additionalProperties')];
  const out: Result = { valid: true, messages: [] };
  for (const keyword of ordered) {
    const r = evaluateKeyword(keyword, schema, instance, root);
    if (!r.valid) {
      out.valid = false;
      out.messages.push(...r.messages);
    }
  }
  return out;
}

function fail(message: string, children: Result[] = []): Result {
  return { valid: false, messages: [message, ...children.flatMap((c) => c.messages)] };
}

function evaluateKeyword(keyword: string, schema: Schema, instance: unknown, root: Schema): Result {
  const value = schema[keyword];
  switch (keyword) {
    case '$ref':
      return evaluate(resolveRef(value as string, root), instance, root);
    case 'type':
      return hasType(instance, value as string) ? PASS : fail(`The instance must be of type "${value as string}"`);
    case 'properties':
    case 'patternProperties':
    case 'additionalProperties':
      return isObject(instance) ? evaluateObjectKeyword(keyword, schema, instance, root) : PASS;
    case 'required': {
      if (!isObject(instance)) return PASS;
      const missing = (value as string[]).filter((k) => !Object.hasOwn(instance, k));
      return missing.length === 0 ? PASS : fail(`The object is missing required properties ${pythonListRepr(missing)}`);
    }
    case 'items': {
      if (!Array.isArray(instance)) return PASS;
      const results = instance.map((item) => evaluate(value as Schema, item, root));
      const bad = results.flatMap((r, i) => (r.valid ? [] : [i]));
      return bad.length === 0 ? PASS : fail(`Items: ${pythonListRepr(bad)}`, results.filter((r) => !r.valid));
    }
    case 'minLength':
      return typeof instance !== 'string' || [...instance].length >= (value as number)
        ? PASS
        : fail(`The text is too short (minimum ${value as number} characters)`);
    case 'minItems':
      return !Array.isArray(instance) || instance.length >= (value as number)
        ? PASS
        : fail(`The array has too few elements (minimum ${value as number})`);
    case 'pattern':
      return typeof instance !== 'string' || new RegExp(value as string, 'u').test(instance)
        ? PASS
        : fail(`The text must match the regular expression ${JSON.stringify(value)}`);
    case 'enum': {
      const options = value as unknown[];
      return options.some((o) => o === instance) ? PASS : fail(`Value must be one of: ${enumRepr(options)}`);
    }
    case 'oneOf': {
      const results = (value as Schema[]).map((s) => evaluate(s, instance, root));
      const valid = results.flatMap((r, i) => (r.valid ? [i] : []));
      const invalid = results.flatMap((r, i) => (r.valid ? [] : [i]));
      if (valid.length === 1) return PASS;
      return fail(
        'The instance must be valid against exactly one subschema; ' +
          `it is valid against ${pythonListRepr(valid)} and invalid against ${pythonListRepr(invalid)}`,
        results.filter((r) => !r.valid),
      );
    }
    default:
      return PASS; // annotations ($schema, $id, $defs, title, description)
  }
}

function evaluateObjectKeyword(keyword: string, schema: Schema, instance: Record<string, unknown>, root: Schema): Result {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const patterns = Object.entries((schema['patternProperties'] ?? {}) as Record<string, Schema>).map(
    ([p, s]) => [new RegExp(p, 'u'), s] as const,
  );
  const names = Object.keys(instance);
  if (keyword === 'additionalProperties') {
    if (schema[keyword] !== false) return PASS;
    const extra = names.filter((n) => !Object.hasOwn(properties, n) && !patterns.some(([re]) => re.test(n)));
    return extra.length === 0 ? PASS : fail(`Additional properties: ${pythonListRepr(extra)}`);
  }
  const bad: string[] = [];
  const children: Result[] = [];
  for (const name of names) {
    const schemas = keyword === 'properties'
      ? (Object.hasOwn(properties, name) ? [properties[name] as Schema] : [])
      : patterns.filter(([re]) => re.test(name)).map(([, s]) => s);
    const results = schemas.map((s) => evaluate(s, instance[name], root)).filter((r) => !r.valid);
    if (results.length > 0) {
      bad.push(name);
      children.push(...results);
    }
  }
  return bad.length === 0 ? PASS : fail(`Properties ${pythonListRepr(bad)} are invalid`, children);
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) throw new RangeError(`Unsupported $ref: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter((p) => p !== '')) {
    node = (node as Schema)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    if (node === undefined) throw new RangeError(`Unresolved $ref: ${ref}`);
  }
  return node as Schema;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function hasType(x: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(x);
    case 'array':
      return Array.isArray(x);
    case 'string':
      return typeof x === 'string';
    case 'number':
      return typeof x === 'number' || typeof x === 'bigint';
    case 'integer':
      return typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x));
    case 'boolean':
      return typeof x === 'boolean';
    case 'null':
      return x === null;
    default:
      throw new RangeError(`Unsupported type: ${type}`);
  }
}

function enumRepr(options: unknown[]): string {
  const items = options.map((o) => typeof o === 'string' ? pythonStringRepr(o) : o === null ? 'None' : o === true ? 'True' : o === false ? 'False' : String(o));
  return `[${items.join(', ')}]`;
}
