/**
 * Bytes read from pipes after which {@link noteBytesRead} runs a
 * young-generation GC.
 */
export const COLLECT_EVERY = 4 * 1024 * 1024;

type GcFunction = (options?: { type?: 'minor' | 'major' }) => void;

let enabled = false;
let sinceCollect = 0;
let gcFunction: GcFunction | null | undefined;

/**
 * Lets output capture free the read buffers of pipes early (see
 * {@link noteBytesRead}). Off by default: it runs garbage collections and
 * briefly sets a V8 flag, which is the business of the process's owner, so
 * a library user opts in; the `gage` CLI does. Has no effect outside Node.
 *
 * @param on whether to collect (default true)
 * @example
 * ```ts
 * collectReadBuffers(); // before execRun, in a process you own
 * ```
 */
export function collectReadBuffers(on = true): void {
  enabled = on;
}

/**
 * Once {@link collectReadBuffers} was called: counts bytes read from a pipe
 * and, every {@link COLLECT_EVERY} bytes, frees
 * the buffers of the chunks already handled with a young-generation GC.
 *
 * Why: Node allocates a new buffer (up to 64 KiB) for every read from a pipe,
 * outside the JS heap. They are garbage as soon as the chunk is written, but
 * V8 only collects them at a young-generation GC, which it starts after tens
 * of MB of such buffers; at a few hundred MB/s that left 30-45 MB of dead
 * read buffers in the peak RSS of a capture (a plain Node script doing nothing
 * with 200 MB from a pipe peaks 44 MB above an idle one). A scavenge with
 * almost nothing alive takes ~0.3 ms; every 4 MiB that is ~15 ms for 200 MB,
 * and the dead buffers stay under ~8 MB.
 *
 * Node only: the GC function is taken from a fresh context made while
 * `--expose-gc` is set, and the flag is unset again right after, so no other
 * code sees a `gc` global. Elsewhere (Deno, Bun), or if that fails, this does
 * nothing. `node:v8` and `node:vm` are loaded then (`process.getBuiltinModule`),
 * not when this module is imported.
 */
export function noteBytesRead(bytes: number): void {
  if (!enabled) return;
  sinceCollect += bytes;
  if (sinceCollect < COLLECT_EVERY) return;
  sinceCollect = 0;
  if (gcFunction === undefined) gcFunction = obtainGc();
  gcFunction?.({ type: 'minor' });
}

function obtainGc(): GcFunction | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as GcFunction;
  const versions = process.versions as Record<string, string | undefined>;
  if (versions.deno !== undefined || versions.bun !== undefined || versions.v8 === undefined) return null;
  // `node:v8` and `node:vm` are loaded here, on first use, not with the module: a run with little output
  // never needs them, and Node 20 compiles each built-in on first import (docs/performance.md, "Run overhead").
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (typeof getBuiltin !== 'function') return null;
  try {
    const { setFlagsFromString } = getBuiltin('node:v8') as typeof import('node:v8');
    const { runInNewContext } = getBuiltin('node:vm') as typeof import('node:vm');
    setFlagsFromString('--expose-gc');
    try {
      const gc: unknown = runInNewContext('gc');
      return typeof gc === 'function' ? (gc as GcFunction) : null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  } catch {
    return null;
  }
}
