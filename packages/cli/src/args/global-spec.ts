import type { ArgsSpec } from './command-spec.js';

/**
 * The global options, before the command name (docs/spec/cli.md 2.1), parsed by
 * `parseArgs` like a command's: the first positional is the command name.
 * `--version` and `-h` are eager: what follows them is not read.
 *
 * @example
 * ```ts
 * const global = parseArgs(GLOBAL_SPEC, ['-C', 'proj', 'list', '-a'], '');
 * global.options.directory; // 'proj'
 * global.args; // ['list', '-a']
 * ```
 */
export const GLOBAL_SPEC = {
  usage: '[options] command',
  beforeCommand: true,
  options: [
    { key: 'version', flags: ['--version'], kind: 'flag', eager: true, help: 'Show the version and exit.' },
    { key: 'directory', flags: ['-C'], kind: 'value', metavar: 'PATH', help: 'Run as if gage was started in PATH.' },
    { key: 'runs', flags: ['--runs', '--runs-dir'], kind: 'value', metavar: 'PATH', help: 'Use PATH as the runs directory.' },
    { key: 'verbose', flags: ['-v', '--verbose'], kind: 'count', help: 'Show more information (twice for debug output).' },
    { key: 'help', flags: ['-h', '--help'], kind: 'flag', eager: true, help: 'Show this message and exit.' },
  ],
} as const satisfies ArgsSpec;
