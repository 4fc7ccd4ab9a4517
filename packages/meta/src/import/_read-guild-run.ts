import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { encodeMetaJson, encodeOpref, type JsonObject, type JsonValue } from '@gage/types';
import { makeLogId } from '../attrs/make-log-id.js';
import { COMMENT_ATTR_PREFIX } from '../comments/run-comments.js';
import { redactEnv } from '../run/redact-env.js';
import { isPidAlive } from '../status/is-pid-alive.js';
import { SkipRun, type ConvertedRun, type ImportedAttrEntry } from './_converted-run.js';
import { flattenConfig } from './_flatten-config.js';
import { convertOutputIndex } from './_guild-output-index.js';
import { parseGuildYaml } from './_parse-guild-yaml.js';
import { shlexSplit } from './_shlex-split.js';
import { findTfEventFiles, readTfScalars } from './_tf-events.js';
import type { ForeignRunRef } from './find-foreign-runs.js';

/** Attributes that have a place of their own in the converted run; every other one goes to `sys/guild_<name>.json`. */
const MAPPED = new Set(['id', 'flags', 'cmd', 'env', 'exit_status', 'initialized', 'started', 'stopped', 'label', 'tags', 'comments', 'platform']);

/**
 * Reads a Guild AI run (`<id>/.guild/`: `opref`, YAML attributes in
 * `attrs/`, `output` and `output.index`, `LOCK`) and converts it
 * (docs/spec/import.md 3.2). Throws {@link SkipRun} for a run that is still
 * running, was never started, or is damaged.
 */
export function readGuildRunSync(ref: ForeignRunRef, author: string): ConvertedRun {
  const guild = join(ref.path, '.guild');
  const notes: string[] = [];
  if (existsSync(join(guild, 'LOCK.remote'))) throw new SkipRun('it runs on a remote (.guild/LOCK.remote)');
  const lockPid = readLockPid(join(guild, 'LOCK'));
  const attrsDir = join(guild, 'attrs');
  if (!isDir(attrsDir)) throw new SkipRun(`"${attrsDir}" is missing`);
  const attrs = new Map<string, JsonValue>();
  for (const entry of readdirSync(attrsDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const name = entry.name;
    const path = join(attrsDir, name);
    // The entry's type spares a stat per attribute; a symlink (or a file system that gives no type) is stat-ed.
    if (!entry.isFile() && (entry.isDirectory() || !statSync(path).isFile())) continue;
    try {
      attrs.set(name, parseGuildYaml(readFileSync(path, 'utf8')));
    } catch (err) {
      throw new SkipRun(`"${path}" is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const exit = attrs.get('exit_status');
  if (exit === undefined && lockPid !== undefined && isPidAlive(lockPid)) throw new SkipRun(`it is still running (process ${lockPid}, .guild/LOCK)`);
  if (exit !== undefined && exit !== null && typeof exit !== 'bigint') throw new SkipRun(`"${join(attrsDir, 'exit_status')}" is not an integer`);
  for (const marker of ['PENDING', 'STAGED']) {
    if (existsSync(join(guild, marker)) && !attrs.has('started')) throw new SkipRun(`it was never started (.guild/${marker})`);
  }
  const oprefPath = join(guild, 'opref');
  if (!existsSync(oprefPath)) throw new SkipRun(`"${oprefPath}" is missing`);
  const guildOpref = readFileSync(oprefPath, 'utf8').trim();
  let parts: string[];
  try {
    parts = shlexSplit(guildOpref);
  } catch (err) {
    throw new SkipRun(`"${oprefPath}" does not parse: ${(err as Error).message}`);
  }
  if (parts.length !== 4 || !(parts[0] as string).includes(':'))
    throw new SkipRun(`"${oprefPath}" is not a Guild opref ('<type>:<package> <version> <model> <op>'): ${guildOpref}`);
  const [typeAndPkg, , model, op] = parts as [string, string, string, string];
  const pkg = typeAndPkg.slice(typeAndPkg.indexOf(':') + 1);
  // Guild shows `model:op`; the model is the namespace here, or else the dir of the Guild file (or package).
  const ns = sanitize(model || basename(pkg.replace(/[/\\]+$/, '')) || 'guild');
  const name = sanitize(op);
  const timestamp = (attr: string): number | undefined => {
    const v = attrs.get(attr);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'bigint' || v < 0n) throw new SkipRun(`"${join(attrsDir, attr)}" is not a timestamp (an integer of microseconds)`);
    return Number(v);
  };
  const initialized = timestamp('initialized');
  const started = timestamp('started');
  const stopped = timestamp('stopped');
  if (started === undefined && initialized === undefined)
    throw new SkipRun(`"${join(attrsDir, 'started')}" and "${join(attrsDir, 'initialized')}" are missing`);
  const flags = attrs.get('flags') ?? {};
  if (flags === null || typeof flags !== 'object' || Array.isArray(flags)) throw new SkipRun(`"${join(attrsDir, 'flags')}" is not a YAML mapping`);
  const config = flattenConfig(flags) as JsonObject;
  const cmd = attrs.get('cmd') ?? [];
  if (!Array.isArray(cmd)) throw new SkipRun(`"${join(attrsDir, 'cmd')}" is not a YAML list`);
  const env = attrs.get('env') ?? {};
  if (env === null || typeof env !== 'object' || Array.isArray(env)) throw new SkipRun(`"${join(attrsDir, 'env')}" is not a YAML mapping`);

  const meta = new Map<string, string | Uint8Array>();
  meta.set('__schema__', '1');
  meta.set('opref', encodeOpref({ ns, name }));
  meta.set('id', ref.id);
  meta.set('opdef.json', encodeMetaJson({}));
  meta.set('config.json', encodeMetaJson(config));
  meta.set('proc/cmd', encodeMetaJson(cmd.map(String)));
  meta.set('proc/env', encodeMetaJson(redactEnv(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])))));
  const platform = attrs.get('platform');
  if (platform !== undefined) meta.set('sys/platform.json', encodeMetaJson(platform));
  meta.set('sys/guild_opref.json', encodeMetaJson(guildOpref));
  for (const [attr, value] of attrs) if (!MAPPED.has(attr)) meta.set(`sys/guild_${attr}.json`, encodeMetaJson(value));
  const first = initialized ?? (started as number);
  meta.set('initialized', String(first));
  meta.set('staged', String(first));
  if (started !== undefined) meta.set('started', String(started));
  if (stopped !== undefined) meta.set('stopped', String(stopped));
  if (typeof exit === 'bigint') meta.set('proc/exit', String(exit));

  const outputPath = join(guild, 'output');
  const indexPath = join(guild, 'output.index');
  const output = existsSync(outputPath) ? readFileSync(outputPath) : new Uint8Array(0);
  const index = existsSync(indexPath) ? readFileSync(indexPath) : undefined;
  const converted = convertOutputIndex(output, index, Math.floor((started ?? first) / 1000));
  if (converted.note !== undefined && (output.length > 0 || index !== undefined)) notes.push(converted.note);
  meta.set('output/40_run', output);
  meta.set('output/40_run.index', converted.index);

  importTfScalars(ref.path, meta, notes);

  const entries: ImportedAttrEntry[] = [];
  const label = attrs.get('label');
  const tags = attrs.get('tags');
  const set: JsonObject = {};
  if (typeof label === 'string' && label.trim() !== '') set['label'] = label;
  if (Array.isArray(tags) && tags.length > 0) set['tags'] = tags.map(String);
  const user = typeof attrs.get('user') === 'string' ? (attrs.get('user') as string) : author;
  if (Object.keys(set).length > 0) entries.push({ author: user, set });
  const comments = attrs.get('comments');
  if (Array.isArray(comments)) {
    const taken = new Set<string>();
    for (const c of comments) {
      if (c === null || typeof c !== 'object' || Array.isArray(c) || typeof c['body'] !== 'string') {
        notes.push('a comment that is not a mapping with a body was dropped');
        continue;
      }
      let ms = commentMs(c['time'], stopped ?? first);
      let id = makeLogId(ms).slice(0, 13);
      while (taken.has(id)) id = makeLogId(++ms).slice(0, 13);
      taken.add(id);
      const by = typeof c['user'] === 'string' ? c['user'] : user;
      const comment = { [COMMENT_ATTR_PREFIX + id]: { msg: c['body'], timestamp: ms } };
      // One entry per author, not per comment: each entry is a file to create (the costliest step of an import).
      const same = entries.find((e) => e.author === by);
      if (same) Object.assign(same.set, comment);
      else entries.push({ author: by, set: comment });
    }
  }
  const code = typeof exit === 'bigint' ? Number(exit) : undefined;
  return {
    ref,
    meta,
    exclude: ['.guild'],
    sourcecode: isDir(join(guild, 'sourcecode')) ? '.guild/sourcecode' : undefined,
    filesLog: undefined,
    attrs: entries,
    userDir: undefined,
    projectFile: undefined,
    notes,
    row: {
      operation: name,
      status: code === undefined ? 'terminated' : code === 0 ? 'completed' : code < 0 ? 'terminated' : 'error',
      label: typeof label === 'string' ? label : undefined,
      started,
      stopped,
      config,
    },
  };
}

function readLockPid(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

function commentMs(time: JsonValue | undefined, fallbackUs: number): number {
  const t = typeof time === 'bigint' ? Number(time) : typeof time === 'number' ? time : undefined;
  if (t === undefined) return Math.floor(fallbackUs / 1000);
  // Guild writes µs (run.timestamp()); older comments may hold ms or s.
  return Math.floor(t > 1e14 ? t / 1000 : t > 1e11 ? t : t * 1000);
}

function sanitize(s: string): string {
  return s.replace(/\s+/g, '-') || 'guild';
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The scalars of the run's TensorFlow event files into the meta file
 * `scalars` (wave2.md decision 20), and their last values as the metrics of
 * `summary.json` (docs/spec/import.md 4).
 */
function importTfScalars(runDir: string, meta: Map<string, string | Uint8Array>, notes: string[]): void {
  const lines: string[] = [];
  const last = new Map<string, number>();
  for (const path of findTfEventFiles(runDir)) {
    let data: Uint8Array;
    try {
      data = readFileSync(join(runDir, ...path.split('/')));
    } catch (err) {
      notes.push(`TensorFlow event file "${path}" could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); its scalars were skipped`);
      continue;
    }
    const read = readTfScalars(data);
    if (read.damaged !== undefined)
      notes.push(`TensorFlow event file "${path}" is damaged (${read.damaged}); scalars of the first ${read.records} records imported`);
    for (const s of read.scalars) {
      lines.push(`{"k":${JSON.stringify(s.tag)},"s":${s.step},"v":${floatText(s.value)},"t":${s.ms}}\n`);
      last.set(s.tag, s.value);
    }
  }
  if (lines.length === 0) return;
  meta.set('scalars', lines.join(''));
  if (!meta.has('summary.json')) meta.set('summary.json', encodeMetaJson({ attributes: {}, metrics: Object.fromEntries(last) }));
}

function floatText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
