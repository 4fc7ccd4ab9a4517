import type { Run } from '@gage/types';
import { readAttrLog } from '../attrs/_attr-log.js';
import { runUserDir } from '../run/_run-paths.js';

/** One comment of a run (docs/spec/cli.md 5.11). */
export interface RunComment {
  /** The first 13 characters of a log id (`8 hex - 4 hex`, docs/spec/lifecycle.md 2.4). */
  id: string;
  /** The OS user who wrote the comment, or last edited it. */
  author: string;
  /** When the comment was written or last edited, epoch ms. */
  timestamp: number;
  /** The text. */
  msg: string;
}

/** The user attribute prefix of comments (docs/spec/lifecycle.md 14). */
export const COMMENT_ATTR_PREFIX = 'comment:';

/**
 * A run's comments, oldest (by write or last edit) first: the
 * `comment:<id>` user attributes (docs/spec/lifecycle.md 14) with the author of
 * the attr-log entry that last set each. A value that is not
 * `{"msg": <string>, "timestamp": <number>}` is skipped.
 *
 * @throws {AttrLogError} `ERR_GAGE_ATTR_LOG` for an invalid attr-log entry.
 * @example
 * ```ts
 * for (const c of await runComments(run)) console.log(c.id, c.author, c.msg);
 * ```
 */
export async function runComments(run: Run): Promise<RunComment[]> {
  const byId = new Map<string, RunComment>();
  for (const entry of await readAttrLog(runUserDir(run))) {
    for (const [name, value] of Object.entries(entry.set)) {
      if (!name.startsWith(COMMENT_ATTR_PREFIX)) continue;
      const id = name.slice(COMMENT_ATTR_PREFIX.length);
      const v = value as { msg?: unknown; timestamp?: unknown } | null;
      const ts = typeof v?.timestamp === 'bigint' ? Number(v.timestamp) : v?.timestamp;
      if (typeof v?.msg !== 'string' || typeof ts !== 'number') {
        byId.delete(id);
        continue;
      }
      byId.set(id, { id, author: entry.author, timestamp: ts, msg: v.msg });
    }
    for (const name of entry.delete) {
      if (name.startsWith(COMMENT_ATTR_PREFIX)) byId.delete(name.slice(COMMENT_ATTR_PREFIX.length));
    }
  }
  return [...byId.values()].sort((a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
