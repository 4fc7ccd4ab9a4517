import { clearRunSubmission, logUserAttrs, writeRunSubmission } from '@gage/meta';
import { slurmBackend, type SubmitRequest } from '@gage/proc';
import { join } from 'node:path';
import { defineCommand, type CommandArgs } from '../args/command-spec.js';
import type { Context } from '../context.js';
import { CliError, UsageError } from '../errors.js';
import { formatWarning } from '../output/format-warning.js';
import { loadProject, resolveRunsDir } from '../project.js';
import type { RunInfo } from '../runs/run-info.js';
import { runsCount } from '../output/runs-count.js';
import { allOption, whereOption, yesOption } from './_common-options.js';
import { parseJobs } from './_parse-jobs.js';
import { requireGageCommand } from './_run-background.js';
import { localRunsDirWarning } from './_runs-dir-shared.js';
import { confirmChange, selectForChange } from './_select-for-change.js';

/** `gage submit`, docs/spec/cli.md 5.23. */
export const spec = defineCommand({
  name: 'submit',
  usage: '[options] [run]...',
  summary: 'Submit staged runs to a cluster scheduler.',
  description: 'Submit staged runs to a cluster scheduler.\n\n'
    + "With '--slurm', the runs become one Slurm job array: each array task runs\n"
    + "'gage run --start <run>' with this gage. The runs dir must be on a\n"
    + 'filesystem every node of the cluster sees at the same path.',
  options: [
    whereOption,
    allOption,
    { key: 'slurm', flags: ['--slurm'], kind: 'flag', help: 'Submit to Slurm (sbatch).' },
    { key: 'sbatch', flags: ['--sbatch'], kind: 'list', metavar: 'ARG', help: "Pass ARG to sbatch ('--sbatch=--partition=gpu'); repeatable." },
    { key: 'jobs', flags: ['-j', '--jobs'], kind: 'value', metavar: 'N', help: 'Run at most N tasks at a time (the array throttle).' },
    { key: 'preview', flags: ['--preview'], kind: 'flag', help: 'Show the job script and the sbatch command; submit nothing.' },
    yesOption,
  ],
});

/** The directory, under the runs dir, of the task output files and the queue cache. */
export const SLURM_DIR = '.slurm';

/**
 * Submits staged runs (docs/spec/cli.md 5.23): those named, or with `-a` or
 * `-w` every staged run among those selected; a named run that is not
 * staged (or already submitted: `queued`) is refused. One Slurm job array,
 * task `i` running `gage run --start <run i> -y` oldest first; the job and
 * task ids are recorded (`submitted`, status `queued`) and logged as the user
 * attributes `slurm-job` and `slurm-task` before any task can start.
 *
 * @example
 * ```ts
 * await handler(ctx, parseArgs(spec, ['--slurm', '-a', '-j', '2', '-y'], 'submit'));
 * ```
 */
export async function handler(ctx: Context, parsed: CommandArgs<typeof spec>): Promise<number> {
  const usage = `gage ${ctx.cmdPath} ${spec.usage}`;
  if (!parsed.options.slurm) {
    throw new UsageError(ctx.cmdPath, usage, "Specify a scheduler: '--slurm' (the only one for now).");
  }
  const throttle = parsed.options.jobs === undefined ? undefined : parseJobs(ctx, usage, parsed.options.jobs);
  const gageCommand = requireGageCommand(ctx);
  const { runs: selected, namespace } = await selectForChange(ctx, parsed, {
    deleted: false,
    impliedAll: parsed.options.where !== undefined,
    missing: "Specify a run to submit or use '--all'.",
    listHint: "Use 'gage list -w staged' to show staged runs.",
    nothingExit: 1,
  });
  const notStaged = selected.find((r) => r.status !== 'staged');
  if (parsed.args.length > 0 && notStaged) {
    throw new CliError('ERR_GAGE_RUN_NOT_STAGED', `Run "${notStaged.run.id}" is '${notStaged.status}'`, {
      hint: notStaged.status === 'queued'
        ? 'It was submitted already; a run is submitted once.'
        : "Only staged runs can be submitted; stage runs with 'gage run --stage'.",
    });
  }
  // The list is newest first; tasks go in the order the runs were staged.
  const runs = selected.filter((r) => r.status === 'staged').reverse();
  if (runs.length === 0) {
    ctx.io.stderr.write('Nothing to submit\n');
    return 0;
  }
  const runsDir = resolveRunsDir(ctx, await loadProject(ctx));
  const backend = slurmBackend({ env: ctx.io.env as NodeJS.ProcessEnv });
  const request: SubmitRequest = {
    commands: runs.map((r) => [...gageCommand, '--runs', runsDir, 'run', '--start', r.run.id, '-y']),
    cwd: runsDir,
    outputDir: join(runsDir, SLURM_DIR),
    throttle,
    name: 'gage',
    schedulerArgs: parsed.options.sbatch,
  };
  if (parsed.options.preview) {
    const { script, command } = backend.preview(request);
    ctx.io.stdout.write(`${command.map(shellWord).join(' ')} <<'EOF'\n${script}EOF\n`);
    return 0;
  }
  const warning = localRunsDirWarning(runsDir);
  if (warning) ctx.io.stderr.write(formatWarning(warning));
  const at = throttle === undefined ? '' : ` (${throttle} at a time)`;
  if (!(await confirmChange(ctx, parsed, [...runs].reverse(), namespace, `You are about to submit ${runsCount(runs.length)} to Slurm${at}.`, true))) return 0;
  const job = await backend.submit({
    ...request,
    beforeStart: async (submitted) => {
      const time = Date.now();
      try {
        for (const [i, info] of runs.entries()) {
          const task = submitted.tasks[i] as { id: string; output: string };
          writeRunSubmission(info.run, { backend: backend.name, job: submitted.job, task: task.id, output: task.output, time });
          await logUserAttrs(info.run, { 'slurm-job': submitted.job, 'slurm-task': task.id });
        }
      } catch (err) {
        // The job is cancelled: no run stays queued for it.
        for (const info of runs) clearRunSubmission(info.run);
        throw err;
      }
    },
  });
  ctx.io.stdout.write(`Submitted ${runsCount(runs.length)} as Slurm job ${job.job}${at}\n\n`
    + `To show their status, run 'gage runs'\nTo cancel them, run 'gage stop ${runs.map((r: RunInfo) => r.run.name).join(' ')}'\n`);
  return 0;
}

/** A word of the printed command, quoted for `sh` when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
