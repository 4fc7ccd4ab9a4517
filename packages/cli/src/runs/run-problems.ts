import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { INDEX_RECORD_SIZE } from '@gage/proc';
import { parseJson } from '@gage/types';
import { readMetaSync } from './_read-meta-sync.js';
import type { RunEntry } from './run-list.js';

/**
 * What is wrong with a run's meta dir, as far as `gage show` can tell
 * without changing it: a missing or foreign `__schema__`, an `id` file that
 * is missing or names another run (an id other than the one in the meta
 * dir's name: the `id` file wins, docs/spec/lifecycle.md 15, so the run shows another
 * run's id), a `config.json` or `opdef.json` that is not valid JSON or not
 * an object (`config.json` must hold scalars only), a `proc/exit` that is
 * not an integer, a `proc/lock` that holds no possible pid, the marker of
 * an interrupted permanent delete (`purging`), and an output index whose
 * size is not a whole number of records. Each message names the file and says what
 * is wrong; an empty list means none of these was found. Reading never
 * throws: a file that cannot be read is itself reported.
 *
 * @param entry the listed run
 * @returns one message per problem, without a `WARNING:` prefix
 * @example
 * ```ts
 * for (const p of runProblems(entry)) io.stderr.write(`WARNING: run ${entry.run.id}: ${p}\n`);
 * ```
 */
export function runProblems(entry: RunEntry): string[] {
  const { run } = entry;
  const problems: string[] = [];
  // `null`: the file exists but could not be read (reported once, here).
  const read = (file: string): string | undefined | null => {
    try {
      return readMetaSync(run.metaDir, file);
    } catch (err) {
      problems.push(`cannot read ${file}: ${(err as Error).message}`);
      return null;
    }
  };
  const schema = read('__schema__');
  if (schema === undefined) problems.push('__schema__ is missing (the meta dir was not fully initialized)');
  else if (schema !== null && schema.trimEnd() !== '1')
    problems.push(`__schema__ is '${schema.trimEnd()}', this Gage reads schema 1: the other files may be misread`);
  const id = read('id');
  // `run.id` comes from the id file itself: compare with the id the meta dir is named after.
  const dirId = basename(run.runDir);
  if (id === undefined) problems.push('id is missing');
  else if (id !== null && id.trim() !== dirId)
    problems.push(`id holds '${id.trim()}', not the id of its meta dir '${dirId}': the run is shown with another run's id`);
  checkJsonObject(read('config.json'), 'config.json', problems, true);
  checkJsonObject(read('opdef.json'), 'opdef.json', problems, false);
  const exit = read('proc/exit');
  if (typeof exit === 'string' && !/^-?\d+$/.test(exit.trimEnd())) problems.push(`proc/exit is not an integer: '${exit.trimEnd().slice(0, 40)}'`);
  const pid = read('proc/lock');
  if (typeof pid === 'string' && !isPid(pid.trimEnd())) problems.push(`proc/lock does not hold a process id: '${pid.trimEnd().slice(0, 40)}'`);
  if (typeof read('purging') === 'string')
    problems.push("a permanent delete of this run was interrupted and some of its files are gone: finish it with 'gage purge'");
  for (const index of outputIndexes(run.metaDir)) {
    let size: number | undefined;
    try {
      size = statSync(join(run.metaDir, 'output', index), { throwIfNoEntry: false })?.size;
    } catch (err) {
      problems.push(`cannot read output/${index}: ${(err as Error).message}`);
    }
    if (size !== undefined && size % INDEX_RECORD_SIZE !== 0) {
      problems.push(`output/${index} is truncated (${size} bytes, not a whole number of ${INDEX_RECORD_SIZE}-byte records): output times may be wrong`);
    }
  }
  return problems;
}

function checkJsonObject(text: string | undefined | null, file: string, problems: string[], scalars: boolean): void {
  if (text === undefined || text === null) return;
  let value: unknown;
  try {
    value = parseJson(text, { bigint: true });
  } catch (err) {
    problems.push(`${file} is not valid JSON: ${(err as Error).message}`);
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${file} does not hold a JSON object`);
  } else if (scalars && Object.values(value).some((v) => v !== null && typeof v === 'object')) {
    problems.push(`${file} holds a list or object value: the config is shown empty`);
  }
}

/** A pid `process.kill` can signal: an integer in 1..2^31-1 (as `@gage/meta` `runStatus` reads `proc/lock`). */
function isPid(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 0x7fff_ffff;
}

function outputIndexes(metaDir: string): string[] {
  try {
    return readdirSync(join(metaDir, 'output')).filter((n) => n.endsWith('.index'));
  } catch {
    return [];
  }
}
