import * as complete from './commands/complete.js';
import type { Io } from './io.js';
import { runWith, type RunMainOptions } from './run-with.js';

const ENTRY = { names: ['__complete'], summary: 'Print completion candidates.', hidden: true, load: async () => complete };

/**
 * `gage __complete ...` (docs/spec/cli.md 5.21) as `runMain` runs it, from
 * a program that holds that one command: the bin loads this entry
 * (`dist/gage-complete.js`, one file) instead of the command table and its
 * chunks, because a shell runs it on every Tab; `isCompletion` says when.
 *
 * @example
 * ```ts
 * process.exitCode = await runComplete(['__complete', 'runs'], processIo());
 * ```
 */
export function runComplete(argv: string[], io: Io, options: RunMainOptions = {}): Promise<number> {
  return runWith(argv, io, options, { find: (name) => (name === '__complete' ? ENTRY : undefined), help: () => '' });
}
