import { RunIdError } from './run-id-error.js';

const C = 'bdfghjklmnprstvz';
const V = 'aiou';

/**
 * The proquint name of a run id (docs/spec/lifecycle.md 2.2): the first 8 hex digits
 * (fewer for short ids) as a 32-bit integer, two five-letter quints.
 *
 * @throws {RunIdError} `invalid run id: '<id>'` (code `ERR_GAGE_RUN_ID`).
 * @example
 * ```ts
 * runNameForId('60a825b1-4196-41ff-af37-e731541cb1e4'); // 'kafom-fikud'
 * runNameForId('aaa'); // 'babab-bopop'
 * ```
 */
export function runNameForId(id: string): string {
  const head = id.slice(0, 8);
  if (!/^[0-9a-fA-F]+$/.test(head)) throw new RunIdError(id);
  const n = parseInt(head, 16);
  return `${quint(Math.floor(n / 0x10000))}-${quint(n & 0xffff)}`;
}

function quint(w: number): string {
  return (
    (C[(w >> 12) & 15] as string) + (V[(w >> 10) & 3] as string) + (C[(w >> 6) & 15] as string) +
    (V[(w >> 4) & 3] as string) + (C[w & 15] as string)
  );
}
