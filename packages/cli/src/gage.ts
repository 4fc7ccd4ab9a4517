import { processIo } from './io.js';
import { runMain } from './main.js';

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

process.exitCode = await runMain(process.argv.slice(2), processIo(), { gageCommand: gageCommand() });
