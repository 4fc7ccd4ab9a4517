import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { copyRuns, deleteRuns, listRuns, type CopyRunsResult } from '@gage/meta';
import type { Run } from '@gage/types';
import { checkIncompatible } from '../args/check-incompatible.js';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { expandHome } from '../expand-home.js';
import { confirm } from '../output/confirm.js';
import { CountProgress } from '../output/count-progress.js';
import { loadProject, resolveRunsDir } from '../project.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { copyFromRemote, copyToRemote } from './_copy-remote.js';
import { checkRemote, rclone, remoteJoin, remoteName } from './_rclone.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage copy`, docs/spec/cli.md 5.13. */
export const spec = defineCommand({
  name: 'copy',
  usage: '[options] [run]...',
  summary: 'Copy runs to or from a directory or remote.',
  description: "Copy finished runs to a directory ('--dest DIR') or an rclone remote ('--dest REMOTE:PATH'), or every run from one ('--src ... --all'). " +
    'Each run is checked against its manifest and appears at the destination only when complete; runs already there get only new labels and comments.',
  options: [
    { key: 'dest', flags: ['-d', '--dest', '--to'], kind: 'value', metavar: 'PATH', help: 'Copy runs to a directory or REMOTE:PATH.' },
    { key: 'src', flags: ['-s', '--src', '--from'], kind: 'value', metavar: 'PATH', help: 'Copy runs from a directory or REMOTE:PATH.' },
    { ...whereOption, help: 'Copy runs matching a filter expression.' },
    { ...allOption, help: 'Copy all runs.' },
    { key: 'sync', flags: ['--sync'], kind: 'flag', help: 'Remove destination runs that are not copied (with --dest).' },
    { key: 'verbose', flags: ['-v', '--verbose'], kind: 'flag', help: 'Name each run copied.' },
    yesOption,
  ],
});

type Args = CommandArgs<typeof spec>;

/**
 * Copies runs to or from a directory (`copyRuns` of `@gage/meta`) or an
 * rclone remote.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--all', '--dest', '/mnt/backup', '-y'], 'copy'));
 * ```
 */
export async function handler(ctx: Context, parsed: Args): Promise<number> {
  checkIncompatible(parsed, [['src', 'dest'], ['src', 'where'], ['src', 'sync'], ['all', 'runs']], ctx.cmdPath);
  const { dest, src } = parsed.options;
  if (src === undefined && parsed.options.all === false && parsed.args.length === 0) {
    throw new CliError('ERR_GAGE_NO_RUN_SPEC', "Specify a run to copy or use '--all'.", {
      hint: `Use 'gage list' to show available runs.\n\nTry 'gage ${ctx.cmdPath} -h' for additional help.`,
    });
  }
  if (dest === undefined && src === undefined) {
    throw new CliError('ERR_GAGE_MISSING_OPTION', "Option '--src' or '--dest' is required.", { hint: `Try 'gage ${ctx.cmdPath} -h' for help.` });
  }
  if (src !== undefined) return copyFrom(ctx, parsed, src);
  return copyTo(ctx, parsed, dest as string);
}

async function copyTo(ctx: Context, parsed: Args, dest: string): Promise<number> {
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const remote = remoteName(dest);
  const destDir = remote === undefined ? localPath(ctx, dest) : undefined;
  if (destDir !== undefined) refuseInside(destDir, runsDir, dest);
  if (remote !== undefined) await checkRemote(remote, ctx.io.env);
  const { runs, namespace } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: false,
    missing: "Specify a run to copy or use '--all'.",
    listHint: "Use 'gage list' to show available runs.",
    nothingExit: 1,
  });
  if (!(await confirmChange(ctx, parsed, runs, namespace, `You are about to copy ${runsCount(runs.length)} to ${dest}`, true))) return 0;
  const selected = runs.map((r) => r.run);
  const progress = copyProgress(ctx);
  let result: CopyRunsResult;
  try {
    progress.set('Preparing copy');
    const onRun = (done: number) => progress.update(done, selected.length);
    result = destDir === undefined ? await copyToRemote(selected, dest, ctx.io.env, onRun) : await copyEach(selected, destDir, onRun);
  } finally {
    progress.stop();
  }
  report(ctx, parsed, result);
  if (parsed.options.sync) {
    const keep = new Set(selected.map((r) => basename(r.runDir)));
    const removed = destDir === undefined ? await syncRemote(ctx, dest, keep) : await syncLocal(destDir, keep);
    if (removed > 0) ctx.io.stderr.write(`Removed ${runsCount(removed)} from ${dest}\n`);
  }
  return 0;
}

async function copyFrom(ctx: Context, parsed: Args, src: string): Promise<number> {
  if (!parsed.options.all || parsed.args.length > 0) {
    throw new CliError('ERR_GAGE_NO_RUN_SPEC', "Copying from a location copies all of its runs: use '--all' (and no run specs).", {
      hint: `Try 'gage ${ctx.cmdPath} -h' for help.`,
    });
  }
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const remote = remoteName(src);
  const srcDir = remote === undefined ? localPath(ctx, src) : undefined;
  if (srcDir !== undefined && canonical(srcDir) === canonical(runsDir)) {
    throw new CliError('ERR_GAGE_COPY_LOCATION', `Cannot copy runs: the source "${src}" is the runs directory`, { hint: 'Give another directory with --src.' });
  }
  if (remote !== undefined) await checkRemote(remote, ctx.io.env);
  if (!parsed.options.yes) {
    ctx.io.stderr.write(`You are about to copy all runs from ${src}\n\n`);
    if (!(await confirm(ctx.io, 'Continue?', true))) return 0;
  }
  const progress = copyProgress(ctx);
  let result: CopyRunsResult;
  try {
    progress.set('Preparing copy');
    const onRun = (done: number, total: number) => progress.update(done, total);
    result = srcDir === undefined ? await copyFromRemote(src, runsDir, ctx.io.env, onRun) : await copyEach(await listRuns(srcDir), runsDir, onRun);
  } finally {
    progress.stop();
  }
  for (const { run, reason } of result.skipped) ctx.io.stderr.write(`Skipped run ${run.name || run.id}: ${reason}\n`);
  const n = result.copied.length + result.updated.length;
  ctx.io.stderr.write(n === 0 ? 'Nothing copied, runs are up-to-date\n' : 'Copied runs\n');
  return 0;
}

/** The progress line of a copy (docs/spec/cli.md 5.13): styled mode on a TTY (stderr) only. */
function copyProgress(ctx: Context): CountProgress {
  return new CountProgress(ctx.io.stderr, ctx.mode.styled && ctx.io.stderr.isTTY === true, 'Copying runs');
}

/** `copyRuns` of one run at a time, so that `onRun(done, total)` can show progress; the results merged. */
async function copyEach(runs: readonly Run[], destDir: string, onRun: (done: number, total: number) => void): Promise<CopyRunsResult> {
  const result: CopyRunsResult = { copied: [], updated: [], upToDate: [], skipped: [] };
  onRun(0, runs.length);
  for (const [i, run] of runs.entries()) {
    const one = await copyRuns([run], destDir);
    result.copied.push(...one.copied);
    result.updated.push(...one.updated);
    result.upToDate.push(...one.upToDate);
    result.skipped.push(...one.skipped);
    onRun(i + 1, runs.length);
  }
  return result;
}

function report(ctx: Context, parsed: Args, result: CopyRunsResult): void {
  for (const { run, reason } of result.skipped) ctx.io.stderr.write(`Skipped run ${run.name}: ${reason}\n`);
  if (parsed.options.verbose) {
    for (const run of result.copied) ctx.io.stderr.write(`Copied run ${run.name}\n`);
    for (const run of result.updated) ctx.io.stderr.write(`Updated the attributes of run ${run.name}\n`);
  }
  const n = result.copied.length + result.updated.length;
  ctx.io.stderr.write(n === 0 ? 'Nothing copied, runs are up-to-date\n' : `Copied ${runsCount(n)}\n`);
}

function localPath(ctx: Context, path: string): string {
  return resolve(ctx.cwd, expandHome(path, ctx.io.env));
}

/** The real path of `path`, or of its nearest existing parent joined with the rest. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(canonical(parent), basename(path));
  }
}

/** Refuses a destination that is the runs dir or inside it (docs/spec/cli.md 5.13). */
function refuseInside(destDir: string, runsDir: string, given: string): void {
  const rel = relative(canonical(runsDir), canonical(destDir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new CliError('ERR_GAGE_COPY_LOCATION',
      `Cannot copy runs to "${given}": it is ${rel === '' ? 'the runs directory' : `inside the runs directory "${runsDir}"`}`, {
      hint: 'Copy to a directory outside the runs directory.',
    });
  }
}

async function syncLocal(destDir: string, keep: Set<string>): Promise<number> {
  const extra = (await listRuns(destDir)).filter((r) => !keep.has(basename(r.runDir)));
  return (await deleteRuns(extra, { permanent: true })).length;
}

async function syncRemote(ctx: Context, location: string, keep: Set<string>): Promise<number> {
  const { stdout } = await rclone(['lsf', '--dirs-only', location], ctx.io.env);
  const ids = stdout.split('\n').map((l) => l.trim().replace(/\/$/, '')).filter((n) => n.endsWith('.meta') && !n.startsWith('.')).map((n) => n.slice(0, -5));
  let removed = 0;
  for (const id of ids.filter((i) => !keep.has(i))) {
    // The meta dir first: the run is gone at once; its other parts follow.
    await rclone(['purge', remoteJoin(location, `${id}.meta`)], ctx.io.env);
    for (const part of [id, `${id}.user`]) await rclone(['purge', remoteJoin(location, part)], ctx.io.env, false);
    removed++;
  }
  return removed;
}
