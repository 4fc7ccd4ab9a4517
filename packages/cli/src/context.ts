import type { Io, OutputMode } from './io.js';

/** What every command handler gets: the terminal and the global options. */
export interface Context {
  io: Io;
  /** The command as typed, aliases included (`rm`). */
  cmdPath: string;
  /** The absolute directory the command behaves as if started in (`-C`). */
  cwd: string;
  /** The absolute directory gage was started in (before `-C`): paths in messages are shown relative to it. */
  startDir?: string | undefined;
  /** The `--runs` option, absolute, if given. */
  runsOption: string | undefined;
  /** `-v` count. */
  verbose: number;
  mode: OutputMode;
  /**
   * The command that starts this same `gage` (`[node, .../gage.js]`), for
   * `gage run --background`; `undefined` when unknown (`runMain` called without it).
   */
  gageCommand?: readonly string[] | undefined;
}
