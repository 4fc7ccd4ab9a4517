/** A JSON Schema (sub)document, as far as the evaluator reads it. */
export type Schema = {
    readonly [keyword: string]: unknown;
};
/**
 * Evaluates `instance` against `schema` with the keyword set and messages of
 * stage.md 2.5 (Gage's wording). `$ref` must be a local `#/...` pointer into
 * `root`. Keywords run in schema order, `additionalProperties` after
 * `properties` and `patternProperties`; a passing keyword adds no message.
 */
export declare function evaluateSchema(schema: Schema, instance: unknown, root: Schema): string[];
//# sourceMappingURL=_evaluate-schema.d.ts.map