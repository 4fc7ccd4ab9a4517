import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What `git rev-parse HEAD`, `git symbolic-ref --short HEAD` and the remote URLs of the repo config say. */
export interface GitRefs {
  /** HEAD's commit; null on a branch with no commits yet. */
  commit: string | null;
  /** The branch HEAD names; null for a detached HEAD. */
  branch: string | null;
  /** `[name, url]` of every remote URL of the repo's config, in file order. */
  remotes: [string, string][];
}

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Reads HEAD, its commit and the remote URLs from the files of the git
 * repository whose work tree holds `.git` at `root`, without starting git.
 * Only the plain layouts are read: a `.git` dir or a `gitdir:` file (linked
 * work trees, submodules), loose or packed refs, a repo config without
 * includes, quoted values or per-worktree config. Anything else (reftable,
 * a HEAD that names no branch, a symbolic branch ref, damage) returns
 * undefined, and the caller asks git itself, which also reports the damage.
 */
export function readGitRefs(root: string): GitRefs | undefined {
  try {
    const gitDir = resolveGitDir(root);
    if (gitDir === undefined) return undefined;
    const commonDir = readCommonDir(gitDir);
    const config = readFileSync(join(commonDir, 'config'), 'utf8');
    const remotes = parseRemotes(config);
    if (remotes === undefined) return undefined;
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (OID.test(head)) return { commit: head, branch: null, remotes };
    const m = /^ref: (refs\/heads\/\S+)$/.exec(head);
    if (!m) return undefined;
    const ref = m[1] as string;
    const commit = readRef(commonDir, ref);
    if (commit === undefined) return undefined;
    return { commit, branch: ref.slice('refs/heads/'.length), remotes };
  } catch {
    return undefined;
  }
}

function resolveGitDir(root: string): string | undefined {
  const dotGit = join(root, '.git');
  if (statSync(dotGit).isDirectory()) return dotGit;
  const m = /^gitdir: (.+)$/.exec(readFileSync(dotGit, 'utf8').trim());
  return m ? resolve(root, m[1] as string) : undefined;
}

function readCommonDir(gitDir: string): string {
  try {
    return resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return gitDir;
    throw err;
  }
}

/** A loose ref, else its packed-refs line; null when the branch has no commit; undefined for what is not plain. */
function readRef(commonDir: string, ref: string): string | null | undefined {
  let loose: string | undefined;
  try {
    loose = readFileSync(join(commonDir, ref), 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  if (loose !== undefined) return OID.test(loose) ? loose : undefined;
  let packed: string;
  try {
    packed = readFileSync(join(commonDir, 'packed-refs'), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
  for (const line of packed.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).trimEnd() === ref) {
      const oid = line.slice(0, space);
      return OID.test(oid) ? oid : undefined;
    }
  }
  return null;
}

/**
 * The `remote.<name>.url` values of a git config file, or undefined when the
 * file uses what this reader leaves to git: includes, another ref storage,
 * per-worktree config, quoted or escaped values, continued lines.
 */
export function parseRemotes(config: string): [string, string][] | undefined {
  const remotes: [string, string][] = [];
  let remote: string | undefined;
  for (const raw of config.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"([^"\\]*)")?\s*\]\s*(?:[#;].*)?$/.exec(line);
      if (!section) return undefined;
      const name = (section[1] as string).toLowerCase();
      if (name === 'include' || name === 'includeif' || name.includes('.')) return undefined;
      remote = name === 'remote' ? section[2] : undefined;
      continue;
    }
    if (/refstorage|worktreeconfig/i.test(line) || /["\\]/.test(line)) return undefined;
    if (remote === undefined) continue;
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry) return undefined;
    if ((entry[1] as string).toLowerCase() !== 'url') continue;
    // A value without `=`, or with a comment character (it starts a comment anywhere in an unquoted value): git decides.
    if (entry[2] === undefined || /[#;]/.test(entry[2])) return undefined;
    remotes.push([remote, entry[2].trim()]);
  }
  return remotes;
}
