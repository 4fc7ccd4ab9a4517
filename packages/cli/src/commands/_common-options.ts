import { defineOption, type ParsedArgs } from '../args/command-spec.js';
import { CliError } from '../errors.js';

/** `-w, --where EXPR`. */
export const whereOption = defineOption({ key: 'where', flags: ['-w', '--where'], kind: 'value', metavar: 'EXPR', help: 'Show runs matching a filter expression.' });
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
 * Archives are not supported yet (docs/spec/cli.md 5.12 is wave2), so every archive
 * name is unknown: throws the error of docs/spec/cli.md 5.2 when `-A` was given.
 *
 * @example
 * ```ts
 * rejectArchive(parsed);
 * ```
 */
export function rejectArchive(parsed: ParsedArgs<readonly [typeof archiveOption]>): void {
  const name = parsed.options.archive;
  if (name === undefined) return;
  throw new CliError('ERR_GAGE_ARCHIVE_NOT_FOUND', `archive '${name}' does not exist`, {
    hint: "Use 'gage archive --list' to show available archives.",
  });
}
