import { evaluateSchema, type Schema } from './_evaluate-schema.js';
import { gagefileSchema } from './gagefile-schema.js';

/** Options of {@link validateGagefile}. */
export interface ValidateGagefileOptions {
  /**
   * Accept unknown opdef keys: what every load checks (docs/spec/stage.md 2.5 [REC]);
   * only `gage check` reports them. Default false.
   */
  allowUnknownOpdefKeys?: boolean | undefined;
}

const loadSchema: Schema = (() => {
  const { additionalProperties: _dropped, ...opdef } = gagefileSchema.$defs.opdef;
  return { ...gagefileSchema, $defs: { ...gagefileSchema.$defs, opdef } };
})();

/**
 * Validates parsed Gage file data against {@link gagefileSchema} and returns
 * the problems, one message per line of `gage check` output, in evaluation
 * order (docs/spec/stage.md 2.5): a parent's message before its children's. An empty
 * list means valid.
 *
 * @example
 * ```ts
 * validateGagefile({ op: { 'output-summary': 123n } });
 * // ["Properties ['op'] are invalid", "Properties ['output-summary'] are invalid",
 * //  'The instance must be valid against exactly one subschema; it is valid against [] and invalid against [0, 1]',
 * //  'The instance must be of type "boolean"', 'The instance must be of type "string"']
 * ```
 */
export function validateGagefile(data: unknown, options: ValidateGagefileOptions = {}): string[] {
  const schema: Schema = options.allowUnknownOpdefKeys ? loadSchema : gagefileSchema;
  return evaluateSchema(schema, data, schema);
}
