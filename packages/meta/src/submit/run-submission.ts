import { unlinkSync } from 'node:fs';
import { parseJson, type Run } from '@gage/types';
import { readTextSync } from '../io/read-text-sync.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';
import { runMetaPath } from '../run/run-meta-path.js';

/** The meta file that records a run's submission to a scheduler (docs/spec/lifecycle.md 11). */
export const SUBMITTED_FILE = 'submitted';

/** Where a staged run was submitted (docs/spec/wave2.md decision 27): the meta file `submitted`. */
export interface RunSubmission {
  /** The scheduler: `slurm`. */
  backend: string;
  /** The scheduler's job id (`12`). */
  job: string;
  /** The id of the task that starts the run (`12_3`: job 12, array task 3). */
  task: string;
  /** The file the scheduler writes the task's output to. */
  output: string;
  /** When it was submitted, epoch ms. */
  time: number;
}

/**
 * Records that `run` was submitted: writes the meta file `submitted`
 * atomically. While it exists and the run is staged, the run's status is
 * `queued` (docs/spec/lifecycle.md 11).
 *
 * @example
 * ```ts
 * writeRunSubmission(run, { backend: 'slurm', job: '12', task: '12_0', output: '/runs/.slurm/12_0.out', time: Date.now() });
 * ```
 */
export function writeRunSubmission(run: Run, submission: RunSubmission): void {
  writeMetaFileSync(run, SUBMITTED_FILE, `${JSON.stringify(submission)}\n`);
}

/**
 * The run's submission, or `undefined` when it was never submitted (or the
 * record is unreadable or malformed). Never throws.
 *
 * @example
 * ```ts
 * readRunSubmission(run)?.task; // '12_0'
 * ```
 */
export function readRunSubmission(run: Run): RunSubmission | undefined {
  let value: unknown;
  try {
    value = parseJson(readTextSync(runMetaPath(run, SUBMITTED_FILE)));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string';
  if (!text(s.backend) || !text(s.job) || !text(s.task) || !text(s.output) || typeof s.time !== 'number') return undefined;
  return { backend: s.backend, job: s.job, task: s.task, output: s.output, time: s.time };
}

/**
 * Forgets the run's submission (its task was cancelled before it started
 * the run): deletes `submitted`, so the run is `staged` again. Does nothing
 * when there is none.
 *
 * @example
 * ```ts
 * clearRunSubmission(run);
 * ```
 */
export function clearRunSubmission(run: Run): void {
  try {
    unlinkSync(runMetaPath(run, SUBMITTED_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
