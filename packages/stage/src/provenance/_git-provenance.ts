import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { captureCommand, type CapturedCommand } from '@gage/proc';
import type { GitProvenance, ProvenanceError } from './provenance.js';
import { stripUrlCredentials } from './strip-url-credentials.js';

/** The cap of the stored patch of uncommitted changes (decision 18). */
export const PATCH_CAP = 1_048_576;

const GIT_TIMEOUT_MS = 10_000;
const GIT_ENV = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

/** The git state and the patch text, or why it could not be read; `undefined` outside a git work tree. */
export interface GitResult {
  git: GitProvenance | ProvenanceError;
  patch?: Buffer | undefined;
}

/**
 * Reads the git state of the work tree holding `projectDir`: commit, branch,
 * remote (credentials stripped), dirty flag and `git diff HEAD` capped at
 * {@link PATCH_CAP}. Three `git` processes run at once. A directory outside
 * any work tree (no `.git` above it) spawns nothing.
 */
export async function gitProvenance(projectDir: string, signal?: AbortSignal): Promise<GitResult | undefined> {
  if (!insideWorkTree(projectDir)) return undefined;
  const git = (args: string[], maxBytes?: number) =>
    captureCommand('git', args, { cwd: projectDir, env: GIT_ENV, timeoutMs: GIT_TIMEOUT_MS, maxBytes, signal });
  const [status, remotes, diff] = await Promise.all([
    git(['status', '--porcelain=v2', '--branch', '--untracked-files=no', '-z']),
    git(['config', '--get-regexp', '^remote\\..*\\.url$']),
    git(['diff', 'HEAD', '--no-color', '--no-ext-diff', '--binary'], PATCH_CAP),
  ]);
  if (status.exitCode !== 0) return { git: { error: gitError(status) } };
  const fields = statusFields(status.stdout.toString('utf8'));
  const result: GitProvenance = { commit: fields.commit, branch: fields.branch, remote: remoteUrl(remotes), dirty: fields.dirty };
  if (!fields.dirty || fields.commit === null) return { git: result };
  if (diff.exitCode !== 0 && !diff.truncated) {
    result.patch = { error: gitError(diff) };
    return { git: result };
  }
  result.patch = { file: 'provenance.patch', bytes: BigInt(diff.stdout.length), truncated: diff.truncated, cap: BigInt(PATCH_CAP) };
  return { git: result, patch: diff.stdout };
}

function insideWorkTree(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true;
    if (dirname(d) === d) return false;
  }
}

function statusFields(text: string): { commit: string | null; branch: string | null; dirty: boolean } {
  let commit: string | null = null;
  let branch: string | null = null;
  let dirty = false;
  for (const entry of text.split('\0')) {
    if (entry.startsWith('# branch.oid ')) {
      const oid = entry.slice('# branch.oid '.length);
      commit = oid === '(initial)' ? null : oid;
    } else if (entry.startsWith('# branch.head ')) {
      const head = entry.slice('# branch.head '.length);
      branch = head === '(detached)' ? null : head;
    } else if (/^[12u] /.test(entry)) {
      dirty = true;
    }
  }
  return { commit, branch, dirty };
}

function remoteUrl(r: CapturedCommand): string | null {
  if (r.exitCode !== 0) return null;
  const urls = new Map<string, string>();
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const m = /^remote\.(.+)\.url (.*)$/.exec(line);
    if (m && !urls.has(m[1] as string)) urls.set(m[1] as string, m[2] as string);
  }
  const url = urls.get('origin') ?? urls.values().next().value;
  return url === undefined ? null : stripUrlCredentials(url);
}

function gitError(r: CapturedCommand): string {
  if (r.error !== undefined) return r.error === 'program not found' ? 'git is not installed' : r.error;
  if (r.timedOut) return `git did not answer within ${GIT_TIMEOUT_MS / 1000} s`;
  const line = r.stderr.split('\n').find((l) => l.trim() !== '');
  return line?.trim() ?? `git exited with ${String(r.exitCode)}`;
}
