import { formatFileSize } from '@gage/types';
import type { SkippedPath } from './_select-files.js';

const LARGEST = 3;

/**
 * The one warning line for files the source code rules left out because of
 * a size test or a used-up `max-matches` budget (issue 11: nothing skipped
 * in silence): how many, the largest few with their sizes, and how to
 * include them. `undefined` when there are none.
 *
 * @param skipped - a plan's skipped paths (other reasons are ignored)
 * @example
 * ```ts
 * limitSkipWarning([{ path: 'data.csv', reason: 'size-limit', size: 765_000 }]);
 * // '1 file not copied (source code size or count limit): data.csv (765.0 kB); to copy it, add a "sourcecode" pattern for it or list it under "depends"'
 * ```
 */
export function limitSkipWarning(skipped: readonly SkippedPath[]): string | undefined {
  const limited = limitSkips(skipped);
  if (limited.length === 0) return undefined;
  const largest = [...limited].sort((a, b) => (b.size ?? -1) - (a.size ?? -1)).slice(0, LARGEST);
  const named = largest.map((s) => (s.size === undefined ? s.path : `${s.path} (${formatFileSize(s.size)})`));
  const more = limited.length - largest.length;
  const one = limited.length === 1;
  return (
    `${limited.length} file${one ? '' : 's'} not copied (source code size or count limit): ` +
    `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}; ` +
    `to copy ${one ? 'it' : 'them'}, add a "sourcecode" pattern for ${one ? 'it' : 'them'} or list ${one ? 'it' : 'them'} under "depends"`
  );
}

/** The skipped paths of `skipped` that a size test or a `max-matches` budget left out. */
export function limitSkips(skipped: readonly SkippedPath[]): SkippedPath[] {
  return skipped.filter((s) => s.reason === 'size-limit' || s.reason === 'max-matches');
}
