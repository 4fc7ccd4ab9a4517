import { readMetaFile } from '@gage/meta';
import { parseJson, type JsonObject, type Run } from '@gage/types';

/**
 * The run's `provenance.json` (decision 18) as parsed JSON (integers as
 * `bigint`); `undefined` when the run has none (staged by an older Gage or
 * by a library caller) or when it is not a JSON object.
 *
 * @example
 * ```ts
 * const provenance = await readRunProvenance(run); // { git: { commit: '3f2a…', ... }, platform: {...}, ... }
 * ```
 */
export async function readRunProvenance(run: Run): Promise<JsonObject | undefined> {
  const text = await readMetaFile(run, 'provenance.json').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value = parseJson(text, { bigint: true });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
