import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseJson, type JsonObject, type JsonValue } from '@gage/types';
import { AttrLogError } from '../errors.js';
import { readTextSync } from '../io/read-text-sync.js';

/** One attr-log entry with its defaults applied (docs/spec/lifecycle.md 14). */
export interface AttrLogEntry {
  author: string;
  set: JsonObject;
  delete: string[];
}

/** Names of the `*.json` entries of an attr-log dir in log order; `[]` for a missing dir. */
export async function attrLogNames(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  // Log ids are lowercase hex: plain code-unit order is time order.
  return names.filter((n) => n.endsWith('.json')).sort();
}

/**
 * Reads every entry of an attr-log dir in log order, each with one small
 * synchronous read that refuses anything but a regular file (an entry that
 * is a FIFO must not hang `gage list`).
 */
export async function readAttrLog(dir: string): Promise<AttrLogEntry[]> {
  const names = await attrLogNames(dir);
  return names.map((name) => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readTextSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EFTYPE') throw err;
      throw invalidEntry(path, 'not a regular file', err);
    }
    return parseEntry(text, path);
  });
}

/** Applies one entry to `attrs`: first merge `set`, then remove the names in `delete`. */
export function applyEntry(attrs: JsonObject, entry: AttrLogEntry): void {
  for (const [name, value] of Object.entries(entry.set)) {
    // defineProperty, not assignment: a `__proto__` attribute stays a plain attribute.
    Object.defineProperty(attrs, name, { value, writable: true, enumerable: true, configurable: true });
  }
  for (const name of entry.delete) delete attrs[name];
}

function invalidEntry(path: string, reason: string, cause?: unknown): AttrLogError {
  return new AttrLogError(`Invalid attribute log entry "${path}": ${reason}`, {
    hint: 'Each entry must be a JSON object {"author": ..., "set": {...}, "delete": [...]}; fix or remove the file.',
    cause,
  });
}

function parseEntry(text: string, path: string): AttrLogEntry {
  const bad = (reason: string, cause?: unknown): AttrLogError => invalidEntry(path, reason, cause);
  let data: JsonValue;
  try {
    data = parseJson(text, { bigint: true });
  } catch (err) {
    throw bad((err as Error).message, err);
  }
  if (!isObject(data)) throw bad('expected a JSON object');
  const { author = null, set = null, delete: del = null } = data;
  if (author !== null && typeof author !== 'string') throw bad('"author" must be a string');
  if (set !== null && !isObject(set)) throw bad('"set" must be an object');
  if (del !== null && !(Array.isArray(del) && del.every((n) => typeof n === 'string'))) {
    throw bad('"delete" must be a list of attribute names');
  }
  return { author: author ?? '__unknown__', set: set ?? {}, delete: (del ?? []) as string[] };
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
