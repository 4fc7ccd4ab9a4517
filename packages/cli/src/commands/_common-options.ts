import { defineOption, type ParsedArgs } from '../args/command-spec.js';
import { ArchiveError, listArchives } from '@gage/meta';

/** `-w, --where EXPR`. */
export const whereOption = defineOption({ key: 'where', flags: ['-w', '--where'], kind: 'value', metavar: 'EXPR',
  help: 'Show runs matching a filter expression.' });
/** `-d, --deleted`. */
export const deletedOption = defineOption({ key: 'deleted', flags: ['-d', '--deleted'], kind: 'flag', help: 'Show deleted runs.' });
/** `-A, --archive NAME`. */
export const archiveOption = defineOption({ key: 'archive', flags: ['-A', '--archive'], kind: 'value', metavar: 'NAME', help: 'Show archived runs.' });
/** `--json` for run lists. */
export const runsJsonOption = defineOption({ key: 'json', flags: ['--json'], kind: 'flag', help: 'Print runs as JSON.' });
/** `-a, --all` of modifying commands. */
export const allOption = defineOption({ key: 'all', flags: ['-a', '--all'], kind: 'flag', help: 'Select all runs.' });
/** `-y, --yes`. */
export const yesOption = defineOption({ key: 'yes', flags: ['-y', '--yes'], kind: 'flag', help: "Don't prompt for confirmation." });

/**
 * The runs dir of `-A NAME` (docs/spec/cli.md 5.12): the archive's, which must
 * exist; `runsDir` itself without `-A`.
 *
 * @throws {ArchiveError} `ERR_GAGE_ARCHIVE_NOT_FOUND`: `archive '<name>' does not exist`.
 * @example
 * ```ts
 * const dir = await archiveOrRunsDir(parsed, resolveRunsDir(ctx, project));
 * ```
 */
export async function archiveOrRunsDir(parsed: ParsedArgs<readonly [typeof archiveOption]>, runsDir: string): Promise<string> {
  const name = parsed.options.archive;
  if (name === undefined) return runsDir;
  const found = (await listArchives(runsDir)).find((a) => a.name === name);
  if (!found) throw ArchiveError.notFound(name);
  return found.dir;
}
