import { basename } from 'node:path';
import { captureCommand } from '@gage/proc';
import type { Provenance } from './provenance.js';

const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;
// Generous: a pyenv shim alone takes ~250 ms, far more on a loaded machine; a staging run waits at most this long.
const TIMEOUT_MS = 15_000;

/**
 * `--version` of the interpreter that an op's run command starts, when its
 * program is `python`, `python3` or `python3.X` (by base name); run from
 * `cwd` with the same `PATH`. `undefined` for other commands.
 */
export async function interpreterVersion(command: readonly string[] | string, cwd: string, signal?: AbortSignal): Promise<Provenance['interpreter']> {
  const program = firstWord(command);
  if (program === undefined || !PYTHON.test(basename(program))) return undefined;
  const r = await captureCommand(program, ['--version'], { cwd, timeoutMs: TIMEOUT_MS, maxBytes: 4096, signal });
  if (r.exitCode === 0) {
    // Python 2 prints its version on stderr.
    const version = (r.stdout.toString('utf8').trim() || r.stderr.trim()).split('\n')[0] as string;
    return { command: program, version };
  }
  const why = r.error ?? (r.timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : (r.stderr.trim().split('\n')[0] || `exit ${String(r.exitCode)}`));
  return { command: program, error: why };
}

function firstWord(command: readonly string[] | string): string | undefined {
  if (typeof command !== 'string') return command[0];
  return /^\s*("([^"]*)"|'([^']*)'|(\S+))/.exec(command)?.slice(2).find((x) => x !== undefined);
}
