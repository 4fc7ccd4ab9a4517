import { captureCommand, type CaptureCommandOptions, type CapturedCommand } from '@gage/proc';
import { GIT_ENV, GIT_TIMEOUT_MS, gitDiff, gitEnvironmentSet, PATCH_CAP, workTreeRoot } from './_git-diff.js';
import { readGitRefs, type GitRefs } from './_git-refs.js';
import type { GitProvenance, ProvenanceError } from './provenance.js';
import { stripUrlCredentials } from './strip-url-credentials.js';

/** The git state and the patch text, or why it could not be read; `undefined` outside a git work tree. */
export interface GitResult {
  git: GitProvenance | ProvenanceError;
  patch?: Buffer | undefined;
}

/**
 * Reads the git state of the work tree holding `projectDir`: commit, branch,
 * remote (credentials stripped), dirty flag and `git diff HEAD` capped at
 * {@link PATCH_CAP}. One process in the common case: `git diff HEAD` (its
 * output says whether tracked files changed), while HEAD, its commit and the
 * remotes are read from the repository's files (`readGitRefs`); a layout that
 * reader leaves to git (reftable, includes, `GIT_DIR`, damage) adds one `sh`
 * running the three queries at once with the diff. Fewer processes matter on
 * a busy machine. The diff is the one `prefetchGitDiff` started with the bin
 * for this work tree, if any. A directory outside any work tree (no `.git`
 * above it) spawns nothing.
 */
export async function gitProvenance(projectDir: string, signal?: AbortSignal): Promise<GitResult | undefined> {
  const root = workTreeRoot(projectDir);
  if (root === undefined) return undefined;
  const options = { cwd: projectDir, env: GIT_ENV, timeoutMs: GIT_TIMEOUT_MS, signal };
  const fromFiles = gitEnvironmentSet() ? undefined : readGitRefs(root);
  const [refs, diff] = await Promise.all([
    fromFiles ?? queryRefs(options),
    gitDiff(root, signal),
  ]);
  if ('error' in refs) return { git: refs };
  const remote = refs.remotes.find(([name]) => name === 'origin') ?? refs.remotes[0];
  const result: GitProvenance = {
    commit: refs.commit,
    branch: refs.branch,
    remote: remote === undefined ? null : stripUrlCredentials(remote[1]),
    dirty: false,
  };
  if (result.commit === null) {
    // No commits yet: every tracked file is an uncommitted change; there is no HEAD to diff against.
    const index = await captureCommand('git', ['ls-files', '-z'], { ...options, maxBytes: 4096 });
    if (index.exitCode !== 0 && !index.truncated) return { git: { error: gitError(index) } };
    result.dirty = index.stdout.length > 0;
    return { git: result };
  }
  if (diff.exitCode !== 0 && !diff.truncated) return { git: { error: gitError(diff) } };
  if (diff.stdout.length === 0) return { git: result };
  result.dirty = true;
  result.patch = { file: 'provenance.patch', bytes: BigInt(diff.stdout.length), truncated: diff.truncated, cap: BigInt(PATCH_CAP) };
  return { git: result, patch: diff.stdout };
}

/** HEAD's commit, the branch and the remotes, asked of git itself. */
async function queryRefs(options: CaptureCommandOptions): Promise<GitRefs | ProvenanceError> {
  const refs = await captureCommand('sh', ['-c', REFS_SCRIPT], { ...options, maxBytes: 65_536 });
  if (refs.exitCode !== 0) return { error: gitError(refs) };
  const [commit, branch, remotes] = scriptResults(refs.stdout.toString('utf8'));
  if (commit.rc === 127) return { error: 'git is not installed' };
  if (commit.rc > 1) return { error: firstLine(refs.stderr) ?? `git rev-parse exited with ${commit.rc}` };
  if (branch.rc > 1) return { error: firstLine(refs.stderr) ?? `git symbolic-ref exited with ${branch.rc}` };
  return {
    commit: commit.rc === 0 ? commit.out.trim() : null,
    branch: branch.rc === 0 ? branch.out.trim() : null,
    remotes: remotes.rc === 0 ? remoteEntries(remotes.out) : [],
  };
}

/** HEAD's commit, the branch, the remote URLs; each followed by a line `@rc=<exit code>`. */
const REFS_SCRIPT = [
  'git rev-parse --verify -q HEAD; echo "@rc=$?"',
  'git symbolic-ref -q --short HEAD; echo "@rc=$?"',
  `git config --get-regexp '^remote\\..*\\.url$'; echo "@rc=$?"`,
].join('\n');

interface ScriptResult {
  out: string;
  rc: number;
}

function scriptResults(text: string): [ScriptResult, ScriptResult, ScriptResult] {
  const results: ScriptResult[] = [];
  let out = '';
  for (const line of text.split('\n')) {
    const m = /^@rc=(\d+)$/.exec(line);
    if (m) {
      results.push({ out, rc: Number(m[1]) });
      out = '';
    } else if (line !== '') out += `${line}\n`;
  }
  while (results.length < 3) results.push({ out: '', rc: 128 });
  return results as [ScriptResult, ScriptResult, ScriptResult];
}

/** `[name, url]` of each `remote.<name>.url <url>` line of `git config --get-regexp`. */
function remoteEntries(text: string): [string, string][] {
  const entries: [string, string][] = [];
  for (const line of text.split('\n')) {
    const m = /^remote\.(.+)\.url (.*)$/.exec(line);
    if (m) entries.push([m[1] as string, m[2] as string]);
  }
  return entries;
}

function gitError(r: CapturedCommand): string {
  if (r.error !== undefined) return r.error === 'program not found' ? 'git is not installed' : r.error;
  if (r.timedOut) return `git did not answer within ${GIT_TIMEOUT_MS / 1000} s`;
  return firstLine(r.stderr) ?? `git exited with ${String(r.exitCode)}`;
}

function firstLine(text: string): string | undefined {
  return text.split('\n').find((l) => l.trim() !== '')?.trim();
}
