import { randomUUID } from 'node:crypto';

/**
 * A new run id: a lowercase random UUID v4 (docs/spec/lifecycle.md 2.1). Random, not
 * time-ordered, because the run name comes from the first 32 bits.
 *
 * @returns a 36-character id such as `60a825b1-4196-41ff-af37-e731541cb1e4`
 * @example
 * ```ts
 * const id = makeRunId(); // '60a825b1-4196-41ff-af37-e731541cb1e4'
 * ```
 */
export function makeRunId(): string {
  return randomUUID();
}
