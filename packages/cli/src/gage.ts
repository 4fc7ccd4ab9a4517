import { processIo } from './io.js';
import { runMain } from './main.js';

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
