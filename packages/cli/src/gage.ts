import { enableCompileCache } from './compile-cache.js';
import { prefetchGitDiff } from '@gage/stage/git-prefetch';
import { isCompletion } from './is-completion.js';
import { provenancePrefetchDir } from './provenance-prefetch-dir.js';

/** The completion entry's file beside this one (tsup.config.ts builds it). */
const COMPLETE_ENTRY = './gage-complete.js';

// Before the program is imported: what loads after this is compiled once and
// then read from Node's compile cache (Node 22.1+; a no-op on Node 20 and Deno).
enableCompileCache(process.env);

// `gage run -y` in a git work tree: git reads the tree for the run's
// provenance while the program below is loaded (decision 18).
const prefetchDir = provenancePrefetchDir(process.argv.slice(2), process.cwd());
if (prefetchDir !== undefined) prefetchGitDiff(prefetchDir);

// A file size limit (`ulimit -f`) sends SIGXFSZ on a write past it. Node
// ignores the signal, so the write fails with EFBIG and Gage reports it and
// removes its temp files; but the run lock's `signal-exit` (of
// proper-lockfile) listens for it and, being the only listener, kills the
// process mid-write. With a listener of our own it leaves the signal alone.
process.on('SIGXFSZ', () => undefined);

/**
 * The command that starts this same `gage` (`gage run --background` runs a
 * detached copy): the runtime, its options, the bin. Under Deno the bin runs
 * as `deno run -A <bin>` (Deno has no `execArgv` to repeat).
 */
function gageCommand(): string[] | undefined {
  const bin = process.argv[1];
  if (!bin) return undefined;
  return process.versions.deno ? [process.execPath, 'run', '-A', bin] : [process.execPath, ...process.execArgv, bin];
}

const argv = process.argv.slice(2);
if (isCompletion(argv)) {
  // A shell runs `gage __complete` on every Tab: one file (a build of its own, see tsup.config.ts) instead of
  // the command table and its chunks. The URL is computed so that this build does not bundle it.
  const entry = new URL(COMPLETE_ENTRY, import.meta.url).href;
  const [{ processIo }, { runComplete }] = await Promise.all([import('./io.js'), import(entry) as Promise<typeof import('./complete-main.js')>]);
  process.exitCode = await runComplete(argv, processIo());
} else {
  const [{ processIo }, { runMain }] = await Promise.all([import('./io.js'), import('./main.js')]);
  process.exitCode = await runMain(argv, processIo(), { gageCommand: gageCommand() });
}
