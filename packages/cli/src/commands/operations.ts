import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { encodeJson } from '../output/encode-json.js';
import { loadProject } from '../project.js';
import { formatOperationsTable, listOperations } from './_operations.js';
import { requireGagefile } from './_require-gagefile.js';

/** `gage operations` (alias `ops`), docs/spec/cli.md 5.9. */
export const spec = defineCommand({
  name: 'operations',
  usage: '[options]',
  summary: 'Show operations.',
  options: [{ key: 'json', flags: ['--json'], kind: 'flag', help: 'Print operations as JSON.' }],
  maxArgs: 0,
});

/**
 * Prints the operations of the project's Gage file.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, [], 'ops'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const ops = listOperations(requireGagefile(await loadProject(ctx)).operations);
  if (parsed.options.json) {
    const json = ops.map((op) => ({ name: op.name, description: op.description ?? null, default: op.isDefault, version: op.version ?? null }));
    ctx.io.stdout.write(encodeJson(json));
  } else {
    ctx.io.stdout.write(formatOperationsTable(ops, ctx.mode));
  }
  return 0;
}
