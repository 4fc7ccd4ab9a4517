import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { lockRun, type RunLock } from '@gage/meta';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { confirm } from '../output/confirm.js';
import { formatTable } from '../output/format-table.js';
import { formatSize } from '../output/format-time.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { loadRunList, selectInfos } from '../runs/run-list.js';
import { allOption, whereOption } from './_common-options.js';

/** `gage util purge-run-files`, docs/spec/cli.md 5.17. */
export const spec = defineCommand({
  name: 'purge-run-files',
  usage: '[options] [run]...',
  summary: 'Permanently delete run files.',
  description: 'Permanently delete files of run directories that match shell-style patterns.\n\n' +
    'WARNING: this may break runs if it deletes files they need. Use it to free the space of files that are no longer needed.',
  options: [
    { ...whereOption, help: 'Select runs matching a filter expression.' },
    { ...allOption, help: 'Purge matching files of all runs.' },
    { key: 'file', flags: ['-f', '--file', '--files'], kind: 'list', metavar: 'PATTERN',
      help: 'File pattern (shell-style glob, matched against the path in the run dir); repeatable.' },
    { key: 'preview', flags: ['--preview'], kind: 'flag', help: 'Show which pattern matches each file, and delete nothing.' },
    { key: 'confirm', flags: ['--confirm'], kind: 'value', hidden: true },
  ],
});

interface RunFile {
  run: string;
  path: string;
  full: string;
  size: number;
}

/**
 * Deletes the files of the selected run dirs that match a pattern, after a
 * prompt (only `--confirm 'I agree'` skips it), each run under its run lock.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['-a', '-f', '*.ckpt', '--preview'], 'util purge-run-files'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  checkIncompatible(parsed, [['all', 'runs']], ctx.cmdPath);
  if (!parsed.options.all && parsed.args.length === 0) {
    throw new CliError('ERR_GAGE_NO_RUN_SPEC', "Specify a run or use '--all'.", { hint: `Try 'gage ${ctx.cmdPath} -h' for additional help.` });
  }
  const patterns = parsed.options.file;
  if (patterns.length === 0) throw new CliError('ERR_GAGE_MISSING_OPTION', "Specify at least one file pattern using '-f / --files'");
  const list = await loadRunList(resolveRunsDir(ctx, await loadProject(ctx)), { where: parsed.options.where });
  const runs = (parsed.options.all ? list : selectInfos(list, parsed.args)).map((r) => r.run);
  const matchers = patterns.map((p) => [p, globRegExp(p)] as const);
  const tableOpts = { width: ctx.mode.width, styled: ctx.mode.styled, color: ctx.mode.color };
  const files: (RunFile & { pattern: string | undefined })[] = [];
  for (const run of runs) {
    for (const f of await walk(run.runDir)) files.push({ ...f, run: run.name, pattern: matchers.find(([, re]) => re.test(f.path))?.[0] });
  }
  if (parsed.options.preview) {
    const rows = files.map((f) => [f.run, f.path, f.pattern ?? '<no match>']);
    ctx.io.stderr.write(formatTable([{ header: 'Run' }, { header: 'Path' }, { header: 'Matching Pattern' }], rows, tableOpts));
    return 0;
  }
  const matched = files.filter((f) => f.pattern !== undefined);
  if (matched.length === 0) {
    throw new CliError('ERR_GAGE_NOTHING_SELECTED', "No files matched the specified patterns\nUse '--preview' to show pattern match details.");
  }
  if (parsed.options.confirm !== 'I agree') {
    const rows = matched.map((f) => [f.run, f.path, formatSize(f.size)]);
    ctx.io.stderr.write(formatTable([{ header: 'Run' }, { header: 'Path' }, { header: 'Size', align: 'right' }], rows, tableOpts));
    ctx.io.stderr.write(`You are about to permanently delete ${matched.length} file(s).\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', false))) return 0;
  }
  let deleted = 0;
  for (const run of runs) {
    const mine = matched.filter((f) => f.full.startsWith(run.runDir + '/') || f.full.startsWith(run.runDir + '\\'));
    if (mine.length === 0) continue;
    // Not while the run runs, or another Gage deletes it.
    const lock: RunLock = await lockRun(run);
    try {
      for (const f of mine) {
        await unlink(f.full);
        deleted++;
      }
    } finally {
      await lock.release();
    }
  }
  ctx.io.stderr.write(`Deleted ${deleted} file(s)\n`);
  return 0;
}

/** Files (and symlinks) under `dir`, recursively, by `/`-separated relative path; `[]` without the dir. */
async function walk(dir: string, prefix = ''): Promise<Omit<RunFile, 'run'>[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, prefix));
  } catch {
    return [];
  }
  const out: Omit<RunFile, 'run'>[] = [];
  for (const name of names.sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const full = join(dir, rel);
    const st = await lstat(full);
    if (st.isDirectory()) out.push(...(await walk(dir, rel)));
    else out.push({ path: rel, full, size: st.size });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A shell-style pattern as a regular expression over the whole path, as
 * Python's `fnmatch`: `*` any text (`/` included), `?` one character,
 * `[abc]`, `[!abc]` a set.
 */
function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let set = pattern.slice(i + 1, end);
        set = set.startsWith('!') ? '^' + set.slice(1).replace(/[\\\]^]/g, '\\$&') : set.replace(/[\\\]^]/g, '\\$&');
        re += `[${set}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}
