import type { Run } from '@gage/types';
import { CommentNotFoundError } from '../errors.js';
import { logUserAttrs } from '../attrs/log-user-attrs.js';
import { COMMENT_ATTR_PREFIX, runComments } from './run-comments.js';

/**
 * Deletes a run's comment (docs/spec/cli.md 5.11): logs the deletion of its
 * `comment:<id>` user attribute.
 *
 * @throws {CommentNotFoundError} `ERR_GAGE_COMMENT_NOT_FOUND` when the run has no comment `id`.
 * @example
 * ```ts
 * await deleteRunComment(run, '018cc251-f400');
 * ```
 */
export async function deleteRunComment(run: Run, id: string): Promise<void> {
  if (!(await runComments(run)).some((c) => c.id === id)) throw new CommentNotFoundError(run.id, id);
  await logUserAttrs(run, {}, [COMMENT_ATTR_PREFIX + id]);
}
