import { readMetaFileSync } from '@gage/meta';
import { parseJson, type JsonObject, type Run } from '@gage/types';

/**
 * The run's `provenance.json` (decision 18) as parsed JSON (integers as
 * `bigint`); `undefined` when the run has none (staged by an older Gage or
 * by a library caller) or when it is not a JSON object.
 *
 * @example
 * ```ts
 * const provenance = readRunProvenanceSync(run); // { git: { commit: '3f2a…', ... }, platform: {...}, ... }
 * ```
 */
export function readRunProvenanceSync(run: Run): JsonObject | undefined {
  try {
    const text = readMetaFileSync(run, 'provenance.json');
    if (text === undefined) return undefined;
    const value = parseJson(text, { bigint: true });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
