import { randomBytes } from 'node:crypto';

/**
 * A UUID-formatted, time-sortable log id (docs/spec/lifecycle.md 2.4): bytes 0-5 are the
 * millisecond timestamp (big-endian), bytes 6-15 random with the UUID v4 bits
 * forced. The first 12 hex digits are the timestamp, so lexical order of ids
 * is time order. Used to name attr-log entries, comments and markers.
 *
 * @param ms Milliseconds since the epoch (fractions are dropped); defaults to `Date.now()`.
 * @example
 * ```ts
 * makeLogId(1704067200000); // '018cc251-f400-4…' (the rest is random)
 * ```
 */
export function makeLogId(ms: number = Date.now()): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(Math.floor(ms), 0, 6); // throws ERR_OUT_OF_RANGE outside 0 .. 2^48-1
  randomBytes(10).copy(bytes, 6);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
