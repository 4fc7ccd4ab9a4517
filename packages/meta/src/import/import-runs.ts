import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNameForId, type JsonObject, type Run } from '@gage/types';
import { attrLogEntry } from '../attrs/_attr-log-entry.js';
import { ImportRunError } from '../errors.js';
import { encodeFilesLogEntry, parseFilesLog, type FilesLogEntry } from '../files/_files-log.js';
import { encodeManifest } from '../files/_manifest.js';
import { manifestEntries } from '../files/_manifest-entries.js';
import { walkRunFiles, type WalkedFile } from '../files/_walk-run-files.js';
import type { FilterRow } from '../filter/run-filter.js';
import { makeLoopYield } from '../io/make-loop-yield.js';
import { makeReadOnlySync } from '../io/make-read-only-sync.js';
import { runnerLogLine } from '../meta-file/_runner-log-line.js';
import { isPidAlive } from '../status/is-pid-alive.js';
import { SkipRun, type ConvertedRun } from './_converted-run.js';
import { mergeTree, placeRunDir, removeEmptyDir, removeTree, type ImportMode } from './_place-run-dir.js';
import { readGagePyRunSync } from './_read-gage-py-run.js';
import { loadGuildYaml } from './_parse-guild-yaml.js';
import { readGuildRunSync } from './_read-guild-run.js';
import { writeBoxFile } from './_write-box-file.js';
import { findForeignRuns, type ForeignFormat, type ForeignRunRef } from './find-foreign-runs.js';

/** Options of {@link importRuns}. */
export interface ImportRunsOptions {
  /** Only runs of this format; default both. */
  from?: ForeignFormat | undefined;
  /** How the run dirs are taken; default `copy`. Only `move` changes the source dir. */
  mode?: ImportMode | undefined;
  /** Import a run again when the destination has one with its id (replacing it). */
  force?: boolean | undefined;
  /** Read and convert, report what would be imported, write nothing. */
  preview?: boolean | undefined;
  /** Keep only the runs it returns true for (`gage import -w`). */
  filter?: ((row: FilterRow) => boolean) | undefined;
  /** Author of the user attribute entries made from Guild's label, tags and comments when the run names no user. */
  author?: string | undefined;
}

/** A run imported (or, with `preview`, one that would be). */
export interface ImportedRun {
  format: ForeignFormat;
  id: string;
  name: string;
  /** Where it came from (the zip or the Guild run dir). */
  source: string;
  /** What was lost or changed on the way (docs/spec/import.md 4). */
  notes: string[];
  row: FilterRow;
}

/** A run not imported, and why. */
export interface SkippedImport {
  format: ForeignFormat;
  id: string;
  source: string;
  reason: string;
}

/** What {@link importRuns} did. */
export interface ImportRunsResult {
  imported: ImportedRun[];
  skipped: SkippedImport[];
}

/**
 * Imports the runs of Gage (Python) and Guild AI found in `srcDir` into the
 * runs dir `destDir`, converted to this project's layout
 * (docs/spec/import.md). Each run is built aside in
 * `<destDir>/.<id>.import.<pid>` and renamed into place, its meta dir last,
 * so an interrupted import leaves no half run listed. A run already in
 * `destDir` (same id) is skipped unless `force`; a running or damaged run is
 * skipped with its reason. The source dir is read only, except with
 * `mode: 'move'`.
 *
 * @throws ImportRunError when `srcDir` is missing or is `destDir` itself
 * @example
 * ```ts
 * const { imported, skipped } = await importRuns(join(homedir(), '.guild', 'runs'), runsDir, { from: 'guild' });
 * ```
 */
export async function importRuns(srcDir: string, destDir: string, options: ImportRunsOptions = {}): Promise<ImportRunsResult> {
  if (!existsSync(srcDir))
    throw new ImportRunError(`Cannot import runs: "${srcDir}" does not exist`, {
      hint: 'Give the runs dir of Gage (Python) or Guild AI (e.g. ~/.guild/runs).',
    });
  if (existsSync(destDir) && realpathSync(srcDir) === realpathSync(destDir)) {
    throw new ImportRunError(`Cannot import runs into their source dir "${srcDir}"`, {
      hint:
        `Import them into another runs dir ('gage --runs DIR import SRC'), or move that dir aside and import from there: mv "${srcDir}" "${srcDir}-old" && gage import "${srcDir}-old"`,
    });
  }
  const refs = (await findForeignRuns(srcDir)).filter((r) => options.from === undefined || r.format === options.from);
  const result: ImportRunsResult = { imported: [], skipped: [] };
  if (refs.some((r) => r.format === 'guild')) await loadGuildYaml();
  const author = options.author ?? 'import';
  if (!options.preview) mkdirSync(destDir, { recursive: true });
  // What interrupted imports left, by run id (read once: a readdir per run would make the import quadratic).
  const boxes = new Map<string, string[]>();
  for (const name of options.preview ? [] : readdirSync(destDir)) {
    const m = /^\.(.+)\.import\.\d+$/.exec(name);
    if (m) boxes.set(m[1] as string, [...(boxes.get(m[1] as string) ?? []), name]);
  }
  const pause = makeLoopYield();
  for (const ref of refs) {
    const turn = pause();
    if (turn) await turn;
    let converted: ConvertedRun;
    try {
      converted = convert(ref, author);
    } catch (err) {
      if (!(err instanceof SkipRun)) throw err;
      result.skipped.push({ format: ref.format, id: ref.id, source: ref.path, reason: err.message });
      continue;
    }
    const row = filterRow(converted);
    if (options.filter && !options.filter(row)) continue;
    const exists = existsSync(join(destDir, `${ref.id}.meta`)) || existsSync(join(destDir, `${ref.id}.meta.deleted`));
    if (exists && !options.force) {
      result.skipped.push({ format: ref.format, id: ref.id, source: ref.path,
        reason: `already imported (run "${ref.id}" is in "${destDir}"; use --force to import it again)` });
      continue;
    }
    if (!options.preview) {
      try {
        await writeRun(converted, destDir, options.mode ?? 'copy', author, boxes.get(ref.id) ?? []);
      } catch (err) {
        if (!(err instanceof SkipRun)) throw err;
        result.skipped.push({ format: ref.format, id: ref.id, source: ref.path, reason: err.message });
        continue;
      }
    }
    result.imported.push({ format: ref.format, id: ref.id, name: row.name, source: ref.path, notes: converted.notes, row });
  }
  return result;
}

function convert(ref: ForeignRunRef, author: string): ConvertedRun {
  try {
    runNameForId(ref.id);
  } catch {
    throw new SkipRun(`"${ref.id}" is not a run id this project can name (hex digits expected)`);
  }
  try {
    return ref.format === 'gage-py' ? readGagePyRunSync(ref) : readGuildRunSync(ref, author);
  } catch (err) {
    if (err instanceof SkipRun) throw err;
    const e = err as NodeJS.ErrnoException;
    if (typeof e.code === 'string') throw new SkipRun(`cannot read it: ${e.message}`);
    throw err;
  }
}

function filterRow(c: ConvertedRun): FilterRow {
  return {
    id: c.ref.id,
    name: runNameForId(c.ref.id),
    operation: c.row.operation,
    status: c.row.status,
    label: c.row.label ?? (c.userDir ? labelOf(c.userDir) : undefined),
    // FilterRow times are milliseconds.
    started: c.row.started === undefined ? undefined : Math.floor(c.row.started / 1000),
    stopped: c.row.stopped === undefined ? undefined : Math.floor(c.row.stopped / 1000),
    config: c.row.config,
  };
}

function labelOf(userDir: string): string | undefined {
  try {
    const names = readdirSync(userDir).filter((n) => n.endsWith('.json')).sort();
    let label: string | undefined;
    for (const n of names) {
      const entry = JSON.parse(readFileSync(join(userDir, n), 'utf8')) as { set?: Record<string, unknown>; delete?: string[] };
      if (typeof entry.set?.['label'] === 'string') label = entry.set['label'];
      if (entry.delete?.includes('label')) label = undefined;
    }
    return label;
  } catch {
    return undefined;
  }
}

/**
 * The import of one converted run: build aside, then rename into place (meta
 * dir last). The files of the box are written directly (`writeBoxFile`):
 * nobody sees them before the meta dir's rename.
 */
async function writeRun(c: ConvertedRun, destDir: string, mode: ImportMode, author: string, stale: readonly string[]): Promise<void> {
  const id = c.ref.id;
  const box = join(destDir, `.${id}.import.${process.pid}`);
  clearStaleBoxes(destDir, stale);
  mkdirSync(box);
  try {
    const run: Run = { id, name: runNameForId(id), runDir: join(box, 'run'), metaDir: join(box, 'meta'), opref: undefined };
    const metaPath = (path: string) => join(run.metaDir, ...path.split('/'));
    mkdirSync(run.metaDir);
    // The dirs the meta files need, made up front.
    const dirs = new Set([...c.meta.keys(), 'log/files'].filter((p) => p.includes('/')).map((p) => p.slice(0, p.lastIndexOf('/'))));
    for (const dir of [...dirs].sort()) mkdirSync(metaPath(dir), { recursive: true });
    for (const [path, content] of c.meta) if (path !== 'log/runner') writeBoxFile(metaPath(path), content);
    if (!existsSync(c.ref.runDir)) throw new SkipRun(`its run dir "${c.ref.runDir}" is missing`);
    // Before anything is moved: a run dir that lacks a file of its files log would fail at the manifest, after a --move took it.
    if (c.filesLog !== undefined) checkFilesPresent(c.filesLog, c.ref.runDir);
    if (mode === 'move') writeFileSync(join(box, 'moved'), `${c.ref.runDir}\n`);
    // Copies are made read-only as they are written; moved files are below.
    const deleteSource = placeRunDir(c.ref.runDir, run.runDir, mode, c.exclude, join(box, 'aside'));
    const sourcecode = new Set<string>();
    if (c.sourcecode !== undefined) {
      const renamed = mode === 'move' && !deleteSource;
      const dir = renamed ? join(box, 'aside', ...c.sourcecode.split('/')) : join(c.ref.runDir, ...c.sourcecode.split('/'));
      for (const p of mergeTree(dir, run.runDir, renamed ? 'move' : mode === 'link' ? 'link' : 'copy')) sourcecode.add(p);
    }
    const walked = c.filesLog === undefined || mode === 'move' ? await walkRunFiles(run.runDir) : [];
    const filesLog = c.filesLog ?? scanLog(walked, sourcecode);
    writeBoxFile(metaPath('log/files'), filesLog);
    try {
      writeBoxFile(metaPath('manifest'), encodeManifest(await manifestEntries(run, parseFilesLog(filesLog, metaPath('log/files')))));
    } catch (err) {
      throw new SkipRun(`its run dir does not match its files log: ${(err as Error).message}`);
    }
    if (mode === 'move') { for (const f of walked) makeReadOnlySync(join(run.runDir, ...f.path.split('/'))); }
    const userDir = join(box, 'user');
    if (c.userDir !== undefined) cpSync(c.userDir, userDir, { recursive: true, preserveTimestamps: true });
    if (c.attrs.length > 0) mkdirSync(userDir, { recursive: true });
    for (const entry of c.attrs) {
      const { name, text } = attrLogEntry(entry.author || author, entry.set as JsonObject);
      writeBoxFile(join(userDir, name), text);
    }
    if (c.projectFile !== undefined) cpSync(c.projectFile, join(box, 'project'), { preserveTimestamps: true });
    const imported = runnerLogLine(`Imported from ${c.ref.format === 'guild' ? 'Guild AI' : 'Gage (Python)'} run "${c.ref.path}" (${mode})`);
    const runnerLog = c.meta.get('log/runner') ?? '';
    writeBoxFile(metaPath('log/runner'), typeof runnerLog === 'string' ? runnerLog + imported : Buffer.concat([runnerLog, Buffer.from(imported)]));
    // Into place: whatever has this id now goes into the box (a --force import, or what an interrupted import left).
    const target = join(destDir, id);
    for (const [name, suffix] of [['old-meta', '.meta'], ['old-meta-deleted', '.meta.deleted'], ['old-run', ''], ['old-user', '.user'], ['old-project',
      '.project']] as const)
    {
      if (existsSync(target + suffix)) renameSync(target + suffix, join(box, name));
    }
    renameSync(run.runDir, target);
    if (c.userDir !== undefined || c.attrs.length > 0) renameSync(userDir, `${target}.user`);
    if (c.projectFile !== undefined) renameSync(join(box, 'project'), `${target}.project`);
    renameSync(run.metaDir, `${target}.meta`);
    if (mode === 'move') {
      if (deleteSource) removeTree(c.ref.runDir);
      if (c.ref.format === 'gage-py') {
        rmSync(c.ref.path, { force: true });
        if (c.userDir) removeTree(c.userDir);
        if (c.projectFile) rmSync(c.projectFile, { force: true });
      }
    }
    removeEmptyDir(box);
  } catch (err) {
    // Nothing of the run is in place yet unless the meta dir was renamed, which is the last step.
    if (!existsSync(join(box, 'moved')) || existsSync(c.ref.runDir)) removeTree(box);
    throw err;
  }
}

/** Removes what an interrupted import of this run left, unless it was a move whose files are only there. */
function clearStaleBoxes(destDir: string, names: readonly string[]): void {
  for (const name of names) {
    const pid = Number(name.slice(name.lastIndexOf('.') + 1));
    if (Number.isInteger(pid) && pid !== process.pid && isPidAlive(pid)) throw new SkipRun(`another import (process ${pid}) is importing it`);
    const box = join(destDir, name);
    if (existsSync(join(box, 'moved'))) throw new SkipRun(`an interrupted 'gage import --move' left its files in "${box}"; move them back or remove that dir`);
    removeTree(box);
  }
}

function checkFilesPresent(filesLog: string, runDir: string): void {
  const present = new Set<string>();
  for (const line of filesLog.split('\n')) {
    const m = /^([amd]) \S+ \S+ (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'd') present.delete(m[2] as string);
    else present.add(m[2] as string);
  }
  for (const path of present) {
    try {
      lstatSync(join(runDir, ...path.split('/')));
    } catch {
      throw new SkipRun(`its run dir does not match its files log: "${path}" is missing in "${runDir}"`);
    }
  }
}

/** The files log of a run dir scanned after the import: source code first, then generated files. */
function scanLog(files: readonly WalkedFile[], sourcecode: ReadonlySet<string>): string {
  const entry = (type: 's' | 'g', f: WalkedFile): FilesLogEntry => ({ event: 'a', type, mtime: f.mtime, path: f.path });
  return [...files.filter((f) => sourcecode.has(f.path)).map((f) => entry('s', f)), ...files.filter((f) => !sourcecode.has(f.path)).map((f) => entry('g', f))]
    .map(encodeFilesLogEntry)
    .join('');
}
