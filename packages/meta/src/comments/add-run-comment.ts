import type { Run } from '@gage/types';
import { CommentError } from '../errors.js';
import { logUserAttrs } from '../attrs/log-user-attrs.js';
import { makeLogId } from '../attrs/make-log-id.js';
import { nowMs } from '../attrs/now-ms.js';
import { COMMENT_ATTR_PREFIX, runComments } from './run-comments.js';

/**
 * Adds a comment to a run (docs/spec/cli.md 5.11): logs the user attribute
 * `comment:<id>` = `{"msg": msg, "timestamp": <ms>}` under the run lock
 * (`logUserAttrs`), authored by the OS user. The id is the first 13
 * characters of a log id of the time (docs/spec/lifecycle.md 2.4); should the run
 * already have a comment with that id (another process in the same ms), the
 * next millisecond is taken.
 *
 * @returns The new comment's id.
 * @throws {CommentError} `ERR_GAGE_COMMENT` for an empty (blank) message.
 * @throws {RunGoneError} `ERR_GAGE_RUN_GONE` when the run was deleted.
 * @example
 * ```ts
 * const id = await addRunComment(run, 'Looks overfit'); // '018cc251-f400'
 * ```
 */
export async function addRunComment(run: Run, msg: string): Promise<string> {
  checkMessage(msg);
  const taken = new Set((await runComments(run)).map((c) => c.id));
  let ms = nowMs();
  let id = makeLogId(ms).slice(0, 13);
  while (taken.has(id)) id = makeLogId(++ms).slice(0, 13);
  await logUserAttrs(run, { [COMMENT_ATTR_PREFIX + id]: { msg, timestamp: ms } });
  return id;
}

/** Throws `ERR_GAGE_COMMENT` for a message that is empty or only white space. */
export function checkMessage(msg: string): void {
  if (msg.trim() === '') throw new CommentError('Comment message is empty', { hint: 'Give the comment some text.' });
}
