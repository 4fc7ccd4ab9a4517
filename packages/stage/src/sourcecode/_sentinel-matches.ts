import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { globRegExp } from './glob-reg-exp.js';

/**
 * True when the glob `pattern` (4.1 dialect) matches at least one existing
 * path inside `dir` (docs/spec/stage.md 4.2, `sentinel=`). Literal patterns are one
 * `lstat`; wildcard segments are matched level by level; `**` walks the
 * directory (without following symlinks).
 */
export async function sentinelMatches(dir: string, pattern: string): Promise<boolean> {
  if (!/[*?]/.test(pattern)) return exists(join(dir, pattern));
  if (pattern.includes('**')) return walkMatches(dir, '', globRegExp(pattern));
  return segmentsMatch(dir, pattern.split('/').map(globRegExp), 0);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function segmentsMatch(dir: string, segments: RegExp[], i: number): Promise<boolean> {
  const re = segments[i] as RegExp;
  const last = i === segments.length - 1;
  for (const name of await list(dir)) {
    if (!re.test(name)) continue;
    if (last) return true;
    const path = join(dir, name);
    if ((await isDir(path)) && (await segmentsMatch(path, segments, i + 1))) return true;
  }
  return false;
}

async function walkMatches(dir: string, rel: string, re: RegExp): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (re.test(path)) return true;
    if (entry.isDirectory() && (await walkMatches(join(dir, entry.name), path, re))) return true;
  }
  return false;
}
