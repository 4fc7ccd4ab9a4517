import type { JsonObject } from '@gage/types';
import { applyEntry, readAttrLog } from './_attr-log.js';

/**
 * Replays an attr log per author (docs/spec/lifecycle.md 14): like {@link getAttrs},
 * but each author's entries build that author's own attributes. With
 * `author` (non-empty), only that author is returned, and an author with no
 * entries gives `{}`. Entries without an author count as `__unknown__`.
 *
 * @throws {AttrLogError} `ERR_GAGE_ATTR_LOG` for an invalid entry.
 * @example
 * ```ts
 * await getAttrsByAuthor(dir);          // { maria: { label: 'a' }, li: { label: 'b' } }
 * await getAttrsByAuthor(dir, 'li');    // { li: { label: 'b' } }
 * await getAttrsByAuthor(dir, 'nobody'); // {}
 * ```
 */
export async function getAttrsByAuthor(dir: string, author = ''): Promise<Record<string, JsonObject>> {
  const byAuthor: Record<string, JsonObject> = {};
  for (const entry of await readAttrLog(dir)) {
    if (author && entry.author !== author) continue;
    applyEntry(byAuthor[entry.author] ??= {}, entry);
  }
  return byAuthor;
}
