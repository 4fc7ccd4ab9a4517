import { commandWord } from './command-word.js';

/**
 * The dir whose git work tree the bin should start the provenance's
 * `git diff HEAD` for (`prefetchGitDiff` of `@gage/stage/git-prefetch`,
 * decision 18) before the program is loaded, or `undefined`: a `gage run`
 * that stages without a prompt (`-y`, and none of `--preview`, `--start`,
 * `--help-op`, `--help`), in the start dir (`cwd`, or the global `-C PATH`).
 * Reads only what it needs of `argv`. A wrong guess costs one unused
 * `git diff`, killed at exit: staging takes a prefetch only for the work
 * tree that holds its project.
 *
 * @example
 * ```ts
 * provenancePrefetchDir(['-C', 'proj', 'run', 'train', '-y'], '/home/me'); // '/home/me/proj'
 * provenancePrefetchDir(['run', 'train'], '/home/me'); // undefined: the prompt comes first
 * ```
 */
export function provenancePrefetchDir(argv: readonly string[], cwd: string): string | undefined {
  const { index: i, dir } = commandWord(argv, cwd);
  if (argv[i] !== 'run') return undefined;
  const rest = argv.slice(i + 1);
  const end = rest.indexOf('--');
  const options = end === -1 ? rest : rest.slice(0, end);
  const yes = options.some((a) => a === '--yes' || /^-[nqy]*y[nqy]*$/.test(a));
  const other = options.some((a) => ['--preview', '--start', '--help-op', '--help', '-h'].includes(a) || a.startsWith('--start='));
  return yes && !other ? dir : undefined;
}
