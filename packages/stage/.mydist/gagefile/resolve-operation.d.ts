import { type OpDef } from '@gage/types';
import type { Gagefile } from './load-gagefile.js';
/**
 * Chooses an operation (stage.md 3.1). With `spec`: the operation of exactly
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
export declare function resolveOperation(gagefile: Pick<Gagefile, 'operations'>, spec?: string): OpDef;
//# sourceMappingURL=resolve-operation.d.ts.map