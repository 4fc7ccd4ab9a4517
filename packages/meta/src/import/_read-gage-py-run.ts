import { existsSync, readFileSync, statSync } from 'node:fs';
import { decodeOpref, encodeMetaJson, parseJson, type JsonObject, type JsonValue } from '@gage/types';
import { redactEnv } from '../run/redact-env.js';
import { SkipRun, type ConvertedRun } from './_converted-run.js';
import { flattenConfig } from './_flatten-config.js';
import { readZipSync } from './_zip.js';
import type { ForeignRunRef } from './find-foreign-runs.js';

const TEXT = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a Gage (Python) run whose meta dir it zipped at finalize
 * (`<id>.meta.zip`) and converts it (docs/spec/import.md 3.1): the files keep
 * their names and formats, which this project took from it, except
 * `proc/cmd.json` and `proc/env.json` (now `proc/cmd`, `proc/env`), the JSON
 * files (re-encoded as lifecycle.md 5.2 says, types kept) and the manifest
 * (dropped: the importer digests the files again). Throws {@link SkipRun}
 * for a damaged run.
 */
export function readGagePyRunSync(ref: ForeignRunRef): ConvertedRun {
  let members;
  try {
    members = readZipSync(readFileSync(ref.path));
  } catch (err) {
    throw new SkipRun(`"${ref.path}" is not a readable zip file: ${(err as Error).message}`);
  }
  const files = new Map<string, Uint8Array>();
  for (const m of members) if (!m.name.endsWith('/')) files.set(m.name.replace(/^\.?\//, ''), m.data);
  const text = (name: string): string | undefined => {
    const data = files.get(name);
    if (data === undefined) return undefined;
    try {
      return TEXT.decode(data);
    } catch {
      throw new SkipRun(`"${name}" in "${ref.path}" is not UTF-8 text`);
    }
  };
  const schema = text('__schema__')?.trim();
  if (schema !== undefined && schema !== '1') throw new SkipRun(`"${ref.path}" has meta schema '${schema}' (only 1 is known)`);
  const oprefText = text('opref');
  if (oprefText === undefined) throw new SkipRun(`"${ref.path}" has no "opref" member`);
  let operation: string;
  try {
    operation = decodeOpref(oprefText).name;
  } catch (err) {
    throw new SkipRun(`"${ref.path}": ${(err as Error).message}`);
  }
  if (!existsSync(ref.runDir) || !statSync(ref.runDir).isDirectory()) throw new SkipRun(`its run dir "${ref.runDir}" is missing`);
  const json = (name: string): JsonValue => {
    try {
      return parseJson(text(name) as string, { bigint: true });
    } catch (err) {
      throw new SkipRun(`"${name}" in "${ref.path}" is not valid JSON: ${(err as Error).message}`);
    }
  };
  const meta = new Map<string, string | Uint8Array>();
  let config: JsonObject = {};
  for (const [name, data] of files) {
    if (name === 'manifest' || name === 'log/files' || name === 'proc/lock') continue;
    if (name === 'config.json') {
      const value = json(name);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SkipRun(`"config.json" in "${ref.path}" is not a JSON object`);
      config = flattenConfig(value) as JsonObject;
      meta.set(name, encodeMetaJson(config));
    } else if (name === 'proc/cmd.json' || name === 'proc/cmd') meta.set('proc/cmd', encodeMetaJson(json(name)));
    else if (name === 'proc/env.json' || name === 'proc/env') {
      const env = json(name);
      if (env === null || typeof env !== 'object' || Array.isArray(env)) throw new SkipRun(`"${name}" in "${ref.path}" is not a JSON object`);
      meta.set('proc/env', encodeMetaJson(redactEnv(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])))));
    } else if (name.endsWith('.json')) meta.set(name, encodeMetaJson(json(name)));
    else meta.set(name, data);
  }
  if (!meta.has('id')) meta.set('id', ref.id);
  const exit = text('proc/exit')?.trim();
  const code = exit !== undefined && /^-?\d+$/.test(exit) ? Number(exit) : undefined;
  const time = (name: string): number | undefined => {
    const t = text(name)?.trim();
    return t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined;
  };
  const userDir = `${ref.runDir}.user`;
  const projectFile = `${ref.runDir}.project`;
  return {
    ref,
    meta,
    exclude: [],
    sourcecode: undefined,
    filesLog: text('log/files') ?? '',
    attrs: [],
    userDir: existsSync(userDir) ? userDir : undefined,
    projectFile: existsSync(projectFile) ? projectFile : undefined,
    notes: [],
    row: {
      operation,
      status: code === undefined ? 'terminated' : code === 0 ? 'completed' : code < 0 ? 'terminated' : 'error',
      label: undefined,
      started: time('started'),
      stopped: time('stopped'),
      config,
    },
  };
}
