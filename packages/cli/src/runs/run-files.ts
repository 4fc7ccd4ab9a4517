import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { readMetaSync } from './_read-meta-sync.js';

/** A file of a run as `show` lists it. */
export interface RunFileEntry {
  path: string;
  type: 'source code' | 'runtime' | 'dependency' | 'generated';
  size: number;
}

const TYPE_NAMES = { s: 'source code', r: 'runtime', d: 'dependency', g: 'generated' } as const;
const TYPE_ORDER = ['generated', 'dependency', 'source code', 'runtime'];

/**
 * The files of a run (docs/spec/cli.md 5.3): from `manifest`, else by replaying
 * `log/files`; sorted by type (generated, dependency, source code, runtime)
 * then natural path order; files missing on disk are skipped.
 *
 * @example
 * ```ts
 * const files = await readRunFiles(run); // [{path: 'hello.py', type: 'source code', size: 37}]
 * ```
 */
export async function readRunFiles(run: Run): Promise<RunFileEntry[]> {
  const types = fromManifest(run) ?? fromFilesLog(run);
  const entries: RunFileEntry[] = [];
  for (const [path, t] of types) {
    const st = await lstat(join(run.runDir, path)).catch(() => undefined);
    if (!st) continue;
    entries.push({ path, type: TYPE_NAMES[t], size: st.size });
  }
  return entries.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || naturalCompare(a.path, b.path));
}

type TypeCode = keyof typeof TYPE_NAMES;

function readMeta(run: Run, name: string): string | undefined {
  try {
    return readMetaSync(run.metaDir, name);
  } catch {
    return undefined;
  }
}

function fromManifest(run: Run): Map<string, TypeCode> | undefined {
  const text = readMeta(run, 'manifest');
  if (text === undefined) return undefined;
  const out = new Map<string, TypeCode>();
  for (const line of text.split('\n')) {
    const m = /^([srdg]) [0-9a-f]+ (.+)$/.exec(line);
    if (m) out.set(m[2] as string, m[1] as TypeCode);
  }
  return out;
}

function fromFilesLog(run: Run): Map<string, TypeCode> {
  const out = new Map<string, TypeCode>();
  for (const line of (readMeta(run, 'log/files') ?? '').split('\n')) {
    const m = /^([amd]) ([srdg]) (\S+) (.+)$/.exec(line);
    if (!m) continue;
    const path = m[4] as string;
    if (m[1] === 'd') out.delete(path);
    else if (m[1] === 'a' || !out.has(path)) out.set(path, m[2] as TypeCode);
  }
  return out;
}

/**
 * Compares paths in natural order (`f2` before `f10`).
 *
 * @example
 * ```ts
 * ['f10', 'f2'].sort(naturalCompare); // ['f2', 'f10']
 * ```
 */
function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
