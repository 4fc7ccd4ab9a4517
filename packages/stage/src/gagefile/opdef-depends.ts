import type { JsonObject, OpDef } from '@gage/types';
import { DependsNotSupportedError } from '../errors.js';

/**
 * The opdef's dependencies (docs/spec/stage.md 2.4, 6): absent -> `[]`, object ->
 * `[obj]`, array as is.
 *
 * @example
 * ```ts
 * opdefDepends(OpDef('train', { depends: { files: 'data.csv' } })); // [{ files: 'data.csv' }]
 * ```
 */
export function opdefDepends(opdef: OpDef): JsonObject[] {
  const depends = opdef.data['depends'];
  if (depends === undefined || depends === null) return [];
  if (Array.isArray(depends)) return depends.filter(isObject);
  return isObject(depends) ? [depends] : [];
}

/**
 * A dependency's type (docs/spec/stage.md 2.4): `type` if set; else `run-files` if
 * `run-select` is set; else `project-files` if `files` is set; else `''`.
 *
 * @example
 * ```ts
 * dependencyType({ files: 'data.csv' }); // 'project-files'
 * ```
 */
export function dependencyType(dependency: JsonObject): string {
  const type = dependency['type'];
  if (typeof type === 'string' && type !== '') return type;
  if (dependency['run-select'] !== undefined) return 'run-files';
  if (dependency['files'] !== undefined) return 'project-files';
  return '';
}

/**
 * Staging calls this before anything is copied. Project-files dependencies
 * are resolved at staging (docs/spec/stage.md 6); resolving run files and runs
 * summaries is left for later by the spec, so such a dependency is refused
 * rather than silently ignored.
 *
 * @throws {DependsNotSupportedError} `Cannot stage operation <op>: run-files dependencies are not supported yet`
 * @example
 * ```ts
 * checkDependsSupported(OpDef('train', { depends: { 'run-select': 'prepare' } })); // throws
 * ```
 */
export function checkDependsSupported(opdef: OpDef): void {
  for (const dependency of opdefDepends(opdef)) {
    const type = dependencyType(dependency);
    if (type !== 'project-files') throw new DependsNotSupportedError(opdef.name, type || 'untyped');
  }
}

function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
