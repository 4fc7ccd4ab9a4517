import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runAttrSync, runComments, runStatus, runUserAttrs } from '@gage/meta';
import { compareCodePoints, encodeOpref, type Run } from '@gage/types';
import { jsonSafe } from './_json-safe.js';
import { readMetaJson } from './_read-meta-json.js';
import type { RunDetail } from './route-types.js';

/**
 * Everything the run page shows but files and output lines. Damaged meta
 * files are left out (shown as missing), never an error.
 *
 * @example
 * ```ts
 * const detail = await runDetail(run);
 * detail.config; // { lr: 0.1 }
 * ```
 */
export async function runDetail(run: Run): Promise<RunDetail> {
  const attributes: Record<string, unknown> = { id: run.id, name: run.name, dir: run.runDir };
  for (const name of ['staged', 'started', 'stopped', 'exit_code'] as const) {
    try {
      const value = runAttrSync(run, name, undefined);
      if (value !== undefined) attributes[name] = name === 'exit_code' ? value : Math.floor(Number(value) / 1000);
    } catch {
      // A damaged attribute is left out.
    }
  }
  const user = await runUserAttrs(run).catch(() => ({}));
  const userAttrs = Object.fromEntries(Object.entries(user).filter(([k]) => !k.startsWith('comment:')));
  const comments = await runComments(run).catch(() => []);
  return {
    id: run.id,
    name: run.name,
    opref: run.opref ? encodeOpref(run.opref) : null,
    status: await runStatus(run),
    attributes,
    config: jsonOf(readMetaJson(run, 'config.json')) ?? {},
    opdef: jsonOf(readMetaJson(run, 'opdef.json')),
    provenance: jsonOf(readMetaJson(run, 'provenance.json')),
    summary: jsonOf(readMetaJson(run, 'summary.json')),
    userAttrs: jsonSafe(userAttrs) as Record<string, unknown>,
    comments: comments.map((c) => ({ id: c.id, author: c.author, timestamp: c.timestamp, msg: c.msg })),
    outputs: await outputNames(run),
  };
}

function jsonOf(value: object | undefined): Record<string, unknown> | null {
  return value === undefined ? null : jsonSafe(value) as Record<string, unknown>;
}

/** The outputs that have an index, sorted by name. */
async function outputNames(run: Run): Promise<string[]> {
  const names = await readdir(join(run.metaDir, 'output')).catch(() => [] as string[]);
  const present = new Set(names);
  return names.filter((n) => !n.endsWith('.index') && present.has(`${n}.index`)).sort(compareCodePoints);
}
