import type { Run } from '@gage/types';

/** A cached run attribute value: a string (`id`, `name`, `dir`) or an integer (timestamps, `exit_code`). */
export type CachedAttrValue = string | number;

const cache = new WeakMap<Run, Map<string, CachedAttrValue>>();

/**
 * The per-run-object cache behind `runAttr` (lifecycle.md 12): values read
 * from disk, never defaults. Shared with `listRuns`, whose sort keys
 * (`started`, `staged`, ...) are the same reads, so `runAttr` after a sorted
 * listing does not read them again.
 */
export function cachedRunAttr(run: Run, name: string): CachedAttrValue | undefined {
  return cache.get(run)?.get(name);
}

/** Remembers a value read from disk for {@link cachedRunAttr}. */
export function rememberRunAttr(run: Run, name: string, value: CachedAttrValue): void {
  let values = cache.get(run);
  if (!values) cache.set(run, (values = new Map()));
  values.set(name, value);
}

/** Forgets every value cached for this run object. */
export function forgetRunAttrs(run: Run): void {
  cache.delete(run);
}
