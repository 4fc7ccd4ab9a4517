import type { Run } from '@gage/types';
import { checkMessage } from './add-run-comment.js';
import { CommentNotFoundError } from '../errors.js';
import { logUserAttrs } from '../attrs/log-user-attrs.js';
import { nowMs } from '../attrs/now-ms.js';
import { COMMENT_ATTR_PREFIX, runComments } from './run-comments.js';

/**
 * Replaces the text of a run's comment (docs/spec/cli.md 5.11); its timestamp
 * becomes now and its author the OS user, its id stays.
 *
 * @throws {CommentNotFoundError} `ERR_GAGE_COMMENT_NOT_FOUND` when the run has no comment `id`.
 * @throws {CommentError} `ERR_GAGE_COMMENT` for an empty message.
 * @example
 * ```ts
 * await editRunComment(run, '018cc251-f400', 'Not overfit after all');
 * ```
 */
export async function editRunComment(run: Run, id: string, msg: string): Promise<void> {
  checkMessage(msg);
  if (!(await runComments(run)).some((c) => c.id === id)) throw new CommentNotFoundError(run.id, id);
  await logUserAttrs(run, { [COMMENT_ATTR_PREFIX + id]: { msg, timestamp: nowMs() } });
}
