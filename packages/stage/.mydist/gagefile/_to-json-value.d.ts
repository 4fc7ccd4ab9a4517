import type { JsonValue } from '@gage/types';
/**
 * Turns what a TOML or YAML parser returns into plain JSON values: plain
 * objects (no null prototype), dates as ISO strings, maps as objects, sets
 * as arrays. Integers stay `bigint`, floats `number`.
 */
export declare function toJsonValue(value: unknown): JsonValue;
//# sourceMappingURL=_to-json-value.d.ts.map