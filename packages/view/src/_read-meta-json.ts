import { readMetaFileSync } from '@gage/meta';
import { parseJson, type JsonObject, type Run } from '@gage/types';

/**
 * A meta JSON file of the run as an object (integers as `bigint`);
 * `undefined` when missing, unreadable, invalid or not an object. A viewer
 * shows what it can: a damaged file is left out, never an error page.
 *
 * @example
 * ```ts
 * readMetaJson(run, 'summary.json'); // { metrics: { loss: 0.1 } }
 * ```
 */
export function readMetaJson(run: Run, file: string): JsonObject | undefined {
  try {
    const text = readMetaFileSync(run, file);
    if (text === undefined) return undefined;
    const value = parseJson(text, { bigint: true });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
