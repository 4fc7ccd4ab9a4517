import { compareCodePoints, type OpDef } from '@gage/types';
import { NoDefaultOperationError, OperationNotFoundError } from '../errors.js';
import type { Gagefile } from './load-gagefile.js';
import { opdefDefault } from './opdef-default.js';

/**
 * Chooses an operation (docs/spec/stage.md 3.1). With `spec`: the operation of exactly
 * that name. Without: the only operation if there is one, else the first by
 * name with `default = true`.
 *
 * @throws {OperationNotFoundError} `Cannot find operation '<spec>'`
 * @throws {NoDefaultOperationError} `Cannot find a default operation`
 * @example
 * ```ts
 * const opdef = resolveOperation(await loadGagefile('gage.toml'), 'train');
 * ```
 */
export function resolveOperation(gagefile: Pick<Gagefile, 'operations'>, spec?: string): OpDef {
  const sorted = [...gagefile.operations].sort((a, b) => compareCodePoints(a.name, b.name));
  if (spec !== undefined) {
    const found = sorted.find((op) => op.name === spec);
    if (found === undefined) throw new OperationNotFoundError(spec, sorted);
    return found;
  }
  if (sorted.length === 1) return sorted[0] as OpDef;
  const found = sorted.find(opdefDefault);
  if (found === undefined) throw new NoDefaultOperationError(sorted);
  return found;
}
