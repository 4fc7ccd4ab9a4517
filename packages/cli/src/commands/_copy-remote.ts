import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { copyRuns, fileSha256, listRuns, mergeAttrs, readManifestSync, runStatus, type CopyRunsResult } from '@gage/meta';
import type { Run } from '@gage/types';
import { CliError } from '../errors.js';
import { rclone, remoteJoin } from './_rclone.js';
import { restoreReadOnly } from './_restore-read-only.js';

type Env = Record<string, string | undefined>;

/** Called after each run (`done` of `total`), for a progress line. */
type OnRun = (done: number, total: number) => void;

const FINISHED = new Set(['completed', 'error', 'terminated']);

/** The `<id>.meta` dirs at a remote location: their ids. */
async function remoteRunIds(location: string, env: Env): Promise<Set<string>> {
  const { stdout, code, stderr } = await rclone(['lsf', '--dirs-only', location], env, false);
  // A location that does not exist yet holds no runs.
  if (code !== 0 && !/directory not found/i.test(stderr)) await rclone(['lsf', '--dirs-only', location], env);
  return new Set(
    stdout.split('\n').map((l) => l.trim().replace(/\/$/, '')).filter((n) => n.endsWith('.meta') && !n.startsWith('.')).map((n) => n.slice(0, -5)),
  );
}

async function localNames(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

async function remoteNames(location: string, env: Env): Promise<string[]> {
  const { stdout, code } = await rclone(['lsf', '--files-only', location], env, false);
  return code === 0 ? stdout.split('\n').map((l) => l.trim()).filter(Boolean) : [];
}

/**
 * Copies finished runs to an rclone remote (docs/spec/cli.md 5.13), with the
 * guarantees of `copyRuns`: a run the remote lacks goes to a hidden temp
 * dir there (`.<id>.copy-<pid>-<hex>`), its files' SHA-256 are checked
 * against the manifest (`rclone hashsum`), then the parts are moved into
 * place, the meta dir last; a run the remote has gets only the attr-log
 * entries it lacks.
 *
 * @example
 * ```ts
 * await copyToRemote(runs, 'backup:runs', env);
 * ```
 */
export async function copyToRemote(runs: readonly Run[], location: string, env: Env, onRun: OnRun = () => undefined): Promise<CopyRunsResult> {
  const result: CopyRunsResult = { copied: [], updated: [], upToDate: [], skipped: [] };
  const present = await remoteRunIds(location, env);
  onRun(0, runs.length);
  for (const [i, run] of runs.entries()) {
    await copyRunToRemote(run, location, env, present, result);
    onRun(i + 1, runs.length);
  }
  return result;
}

async function copyRunToRemote(run: Run, location: string, env: Env, present: Set<string>, result: CopyRunsResult): Promise<void> {
  const status = await runStatus(run);
  if (!FINISHED.has(status)) {
    result.skipped.push({ run, reason: `it is ${status}` });
    return;
  }
  const id = basename(run.runDir);
  const user = `${run.runDir}.user`;
  if (present.has(id)) {
    const there = new Set(await remoteNames(remoteJoin(location, `${id}.user`), env));
    const missing = (await localNames(user)).filter((n) => n.endsWith('.json') && !there.has(n));
    if (missing.length === 0) result.upToDate.push(run);
    else {
      await rclone(['copy', '--ignore-existing', user, remoteJoin(location, `${id}.user`)], env);
      result.updated.push(run);
    }
    return;
  }
  const tmp = remoteJoin(location, `.${id}.copy-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await rclone(['copy', '--links', run.runDir, remoteJoin(tmp, id)], env, false);
    await rclone(['copy', '--links', run.metaDir, remoteJoin(tmp, `${id}.meta`)], env);
    if ((await localNames(user)).length > 0) await rclone(['copy', user, remoteJoin(tmp, `${id}.user`)], env);
    await verifyRemote(run, remoteJoin(tmp, id), env);
    if ((await localNames(run.runDir)).length > 0) await rclone(['moveto', remoteJoin(tmp, id), remoteJoin(location, id)], env);
    if ((await localNames(user)).length > 0)
      await rclone(['copy', '--ignore-existing', remoteJoin(tmp, `${id}.user`), remoteJoin(location, `${id}.user`)], env);
    await rclone(['moveto', remoteJoin(tmp, `${id}.meta`), remoteJoin(location, `${id}.meta`)], env);
  } finally {
    await rclone(['purge', tmp], env, false);
  }
  result.copied.push(run);
}

async function verifyRemote(run: Run, location: string, env: Env): Promise<void> {
  const manifest = readManifestSync(run);
  if (!manifest || manifest.length === 0) return;
  const { stdout, code } = await rclone(['hashsum', 'sha256', location], env, false);
  if (code !== 0) {
    // A backend without SHA-256: compare sizes and times with the source instead.
    await rclone(['check', '--one-way', '--links', run.runDir, location], env);
    return;
  }
  const sums = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.*)$/.exec(line);
    if (m) sums.set(m[2] as string, m[1] as string);
  }
  for (const e of manifest) {
    if (sums.has(`${e.path}.rclonelink`)) continue; // a symlink, stored as a link file
    const remote = sums.get(e.path);
    if (remote === e.sha256) continue;
    const local = await fileSha256(join(run.runDir, ...e.path.split('/'))).catch(() => undefined);
    if (remote !== undefined && remote === local) continue; // changed in the source after the run
    throw new CliError('ERR_GAGE_RCLONE', `Copy of run "${run.id}" does not match its source: "${e.path}" differs`, {
      hint: 'Nothing of this run was left at the destination; copy again.',
    });
  }
}

/**
 * Copies every run of an rclone remote location into `runsDir` (docs/spec/cli.md
 * 5.13): the runs `runsDir` lacks, and the attr-log entries of the ones it has.
 * Downloads into a hidden temp runs dir inside `runsDir`, makes the files
 * read-only again as finalize left them (`restoreReadOnly`: rclone keeps no
 * modes), then `copyRuns` moves them in with its checks (meta dir last);
 * local project associations stay as they are.
 *
 * @example
 * ```ts
 * await copyFromRemote('backup:runs', runsDir, env);
 * ```
 */
export async function copyFromRemote(location: string, runsDir: string, env: Env, onRun: OnRun = () => undefined): Promise<CopyRunsResult> {
  const ids = await remoteRunIds(location, env);
  const local = new Set((await listRuns(runsDir, { deleted: false })).map((r) => basename(r.runDir)));
  const tmp = join(runsDir, `.remote.copy-${process.pid}-${randomBytes(4).toString('hex')}`);
  const updated: Run[] = [];
  const upToDate: Run[] = [];
  try {
    let done = 0;
    for (const id of ids) {
      onRun(done++, ids.size); // the runs downloaded before this one
      if (local.has(id)) {
        await rclone(['copy', remoteJoin(location, `${id}.user`), join(tmp, `${id}.user`)], env, false);
        const merged = await mergeAttrs(join(tmp, `${id}.user`), join(runsDir, `${id}.user`));
        const run = { id, name: id, runDir: join(runsDir, id), metaDir: join(runsDir, `${id}.meta`) };
        (merged.length > 0 ? updated : upToDate).push(run);
        continue;
      }
      await rclone(['copy', '--links', remoteJoin(location, `${id}.meta`), join(tmp, `${id}.meta`)], env);
      await rclone(['copy', '--links', remoteJoin(location, id), join(tmp, id)], env, false);
      await rclone(['copy', remoteJoin(location, `${id}.user`), join(tmp, `${id}.user`)], env, false);
    }
    onRun(ids.size, ids.size);
    const downloaded = (await listRuns(tmp, { deleted: false }).catch(() => [])).filter((r) => !local.has(basename(r.runDir)));
    // rclone writes every file writable: the modes finalize set come back before copyRuns verifies and moves the runs in.
    for (const run of downloaded) await restoreReadOnly(run);
    const result = await copyRuns(downloaded, runsDir);
    return { ...result, updated: [...result.updated, ...updated], upToDate: [...result.upToDate, ...upToDate] };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
