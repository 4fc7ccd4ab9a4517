import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { SchedulerError } from '../errors.js';
import { SUBMITTED_TASK_ENV, type CancelOptions, type QueryOptions, type SchedulerBackend, type SubmitPreview, type SubmitRequest, type SubmittedJob,
  type TaskState } from './scheduler-backend.js';

/** Options of {@link slurmBackend}. */
export interface SlurmBackendOptions {
  /** The environment of the Slurm commands (`SLURM_CONF`, `PATH`); default `process.env`. */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The hint of a missing Slurm command. */
const INSTALL_HINT = "Install Slurm's client commands on this machine (Debian and Ubuntu: 'apt-get install slurm-client'; a whole cluster: 'slurm-wlm'), "
  + 'or run gage on a login node of the cluster.';

/** Slurm states of a task that has not started (squeue `%T`). */
const PENDING = new Set(['PENDING', 'REQUEUED', 'REQUEUE_FED', 'REQUEUE_HOLD', 'RESV_DEL_HOLD', 'SUSPENDED', 'STOPPED']);
/** Slurm states of a task whose script runs. */
const RUNNING = new Set(['RUNNING', 'CONFIGURING', 'COMPLETING', 'SIGNALING', 'STAGE_OUT', 'RESIZING']);

/**
 * The Slurm {@link SchedulerBackend} (docs/spec/wave2.md decision 27): one
 * `sbatch --array` job per submit, held (`--hold`) until `beforeStart` has
 * recorded the ids and then released (`scontrol release`), so no task can
 * start a run before the run knows its task. Each task id is
 * `<job>_<index>`; its output goes to `<outputDir>/<job>_<index>.out`.
 * `query` asks `squeue` (`-t all`, so tasks that ended lately show as
 * ended too), `cancel` runs `scancel` (with `terminate`:
 * `scancel --full --signal=TERM`, every process of the task).
 *
 * @example
 * ```ts
 * const slurm = slurmBackend({ env: { ...process.env, SLURM_CONF: '/etc/slurm/slurm.conf' } });
 * console.log(slurm.preview(request).script);
 * ```
 */
export function slurmBackend(options: SlurmBackendOptions = {}): SchedulerBackend {
  const env = options.env ?? process.env;
  const run = (file: string, args: readonly string[], input?: string, timeoutMs?: number) => slurmCommand(env, file, args, input, timeoutMs);
  return {
    name: 'slurm',
    preview: (request) => slurmPreview(request),
    async submit(request) {
      const { script, command } = slurmPreview(request);
      const [file, ...args] = command as [string, ...string[]];
      await mkdir(request.outputDir, { recursive: true }); // Slurm makes no dirs for output files
      const out = await run(file, args, script);
      const job = /^(\d+)/.exec(out.trim())?.[1];
      if (job === undefined) throw new SchedulerError('sbatch', `sbatch printed no job id: ${out.trim() || '(nothing)'}`);
      const submitted: SubmittedJob = {
        job,
        tasks: request.commands.map((_, i) => ({ id: `${job}_${i}`, output: join(request.outputDir, `${job}_${i}.out`) })),
      };
      try {
        await request.beforeStart?.(submitted);
      } catch (err) {
        await run('scancel', [job]).catch(() => {});
        throw err;
      }
      await run('scontrol', ['release', job]);
      return submitted;
    },
    async query(jobIds, queryOptions: QueryOptions = {}) {
      const states = new Map<string, TaskState>();
      if (jobIds.length === 0) return states;
      let out: string;
      try {
        out = await run('squeue', ['--noheader', '--array', '--states=all', `--jobs=${jobIds.join(',')}`, '--format=%i|%T'], undefined,
          queryOptions.timeoutMs ?? 1000);
      } catch (err) {
        // Every job asked for has left the controller's memory: all its tasks ended.
        if (err instanceof SchedulerError && /Invalid job id/i.test(err.message)) return states;
        throw err;
      }
      for (const line of out.split('\n')) {
        const [id, state] = line.trim().split('|');
        if (!id || state === undefined) continue;
        states.set(id, PENDING.has(state) ? 'pending' : RUNNING.has(state) ? 'running' : 'ended');
      }
      return states;
    },
    async cancel(taskIds, cancelOptions: CancelOptions = {}) {
      if (taskIds.length === 0) return;
      await run('scancel', [...(cancelOptions.terminate ? ['--full', '--signal=TERM'] : []), ...taskIds]);
    },
  };
}

/** The job script and the `sbatch` command of a request. */
function slurmPreview(request: SubmitRequest): SubmitPreview {
  const n = request.commands.length;
  const lines = [
    '#!/bin/sh',
    `# gage submit: ${n} staged run${n === 1 ? '' : 's'}, one per array task`,
    'case "$SLURM_ARRAY_TASK_ID" in',
    ...request.commands.map((argv, i) => `  ${i}) set -- ${argv.map(shellQuote).join(' ')} ;;`),
    '  *) echo "gage submit: no run for array task $SLURM_ARRAY_TASK_ID" >&2; exit 2 ;;',
    'esac',
    `${SUBMITTED_TASK_ENV}="\${SLURM_ARRAY_JOB_ID}_\${SLURM_ARRAY_TASK_ID}"`,
    `export ${SUBMITTED_TASK_ENV}`,
    'exec "$@"',
    '',
  ];
  const array = `--array=0-${n - 1}${request.throttle ? `%${request.throttle}` : ''}`;
  const command = [
    'sbatch',
    '--parsable',
    '--hold',
    array,
    `--job-name=${request.name}`,
    `--chdir=${request.cwd}`,
    `--output=${join(request.outputDir, '%A_%a.out')}`,
    ...request.schedulerArgs,
  ];
  return { script: lines.join('\n'), command };
}

/** A word for `sh`, in single quotes unless it needs none. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Runs a Slurm command; its stdout, or a {@link SchedulerError} with its message. */
async function slurmCommand(env: NodeJS.ProcessEnv, file: string, args: readonly string[], input?: string, timeoutMs?: number): Promise<string> {
  const result = await execa(file, args, {
    env,
    extendEnv: false,
    input: input ?? '',
    reject: false,
    stripFinalNewline: false,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs, forceKillAfterDelay: 100 }),
  });
  const stderr = String(result.stderr ?? '').trim();
  if ((result as { code?: string }).code === 'ENOENT' || (result.failed && /ENOENT/.test(String(result.message)) && result.exitCode === undefined)) {
    throw new SchedulerError(file, `Cannot run "${file}": Slurm is not installed here (command not found)`, { hint: INSTALL_HINT });
  }
  if (result.timedOut) {
    throw new SchedulerError(file, `"${file}" did not answer within ${timeoutMs} ms (is the Slurm controller down or slow?)`);
  }
  if (result.failed) {
    const message = stderr || `${file} exited with ${result.exitCode ?? result.signal}`;
    throw new SchedulerError(file, message.split('\n').filter((l) => l.trim() !== '').join('\n'), {
      hint: file === 'sbatch' ? "Slurm rejected the job; check the '--sbatch' options." : undefined,
    });
  }
  return String(result.stdout);
}
