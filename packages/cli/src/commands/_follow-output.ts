import { followRunOutput } from '@gage/proc';
import type { ParsedArgs } from '../args/command-spec.js';
import type { whereOption } from './_common-options.js';
import type { Context } from '../context.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { loadRunList, selectOne } from '../runs/run-list.js';

/**
 * `gage cat -f [RUN]`: prints the run output recorded so far, then each new
 * line as the run writes it (stdout lines to stdout, stderr lines to
 * stderr), until the run stops or the user presses Ctrl-C.
 *
 * @example
 * ```ts
 * await followOutput(ctx, parsed, '1');
 * ```
 */
export async function followOutput(ctx: Context, parsed: ParsedArgs<readonly [typeof whereOption]>, runSpec: string | undefined): Promise<number> {
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const info = selectOne(await loadRunList(runsDir, { where: parsed.options.where }), runSpec);
  const stop = new AbortController();
  const onSigint = (): void => stop.abort();
  process.once('SIGINT', onSigint);
  try {
    for await (const line of followRunOutput(info.run, { signal: stop.signal })) {
      (line.stream === 1 ? ctx.io.stderr : ctx.io.stdout).write(line.text + '\n');
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  return 0;
}
