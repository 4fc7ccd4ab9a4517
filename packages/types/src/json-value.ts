/**
 * A parsed JSON value. With `{ bigint: true }` integers are `bigint` and
 * every `number` is a float (the config value model, see `ConfigValue`).
 */
export type JsonValue = null | boolean | string | number | bigint | JsonValue[] | JsonObject;

/** A parsed JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}
