// readGitRefs against what git itself says, in real repositories of each layout it reads.
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { parseRemotes, readGitRefs } from './_git-refs.js';

afterAll(cleanupTestdirs);

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' }).toString()
    .trim();

/** What git answers for HEAD, the branch and the remote URLs. */
function gitSays(dir: string) {
  const tryGit = (...args: string[]) => {
    try {
      return git(dir, ...args);
    } catch {
      return null;
    }
  };
  const remotes = (tryGit('config', '--local', '--get-regexp', '^remote\\..*\\.url$') ?? '').split('\n').filter(Boolean)
    .map((line) => /^remote\.(.+)\.url (.*)$/.exec(line)?.slice(1, 3) as [string, string]);
  return { commit: tryGit('rev-parse', '--verify', '-q', 'HEAD'), branch: tryGit('symbolic-ref', '-q', '--short', 'HEAD'), remotes };
}

async function repo(): Promise<string> {
  const dir = await testdir({ 'train.py': 'lr = 0.1\n' });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}

describe('readGitRefs(): the files git keeps, read as git reads them', () => {
  test('loose refs, a branch name with a slash, two remotes (origin second), one with two URLs', async () => {
    const dir = await repo();
    git(dir, 'checkout', '-q', '-b', 'feature/lr');
    git(dir, 'remote', 'add', 'upstream', 'https://example.com/u.git');
    git(dir, 'remote', 'add', 'origin', 'git@github.com:o/r.git');
    git(dir, 'config', '--add', 'remote.origin.url', 'https://mirror.example.com/r.git');
    const refs = readGitRefs(dir);
    expect(refs).toEqual(gitSays(dir));
    expect(refs).toMatchObject({ branch: 'feature/lr',
      remotes: [['upstream', 'https://example.com/u.git'], ['origin', 'git@github.com:o/r.git'], ['origin', 'https://mirror.example.com/r.git']] });
  });

  test('packed refs (after git pack-refs), and a detached HEAD', async () => {
    const dir = await repo();
    git(dir, 'pack-refs', '--all');
    expect(readGitRefs(dir)).toEqual(gitSays(dir));
    git(dir, 'checkout', '-q', '--detach');
    expect(readGitRefs(dir)).toEqual({ ...gitSays(dir), branch: null });
  });

  test('a linked work tree (.git is a gitdir: file, refs in the common dir)', async () => {
    const dir = await repo();
    const linked = join(dir, '..', `${dir.split('/').pop()}-linked`);
    git(dir, 'worktree', 'add', '-q', '-b', 'exp', linked);
    git(linked, 'commit', '-q', '--allow-empty', '-m', 'on exp');
    git(dir, 'remote', 'add', 'origin', 'https://example.com/r.git');
    try {
      expect(readGitRefs(linked)).toEqual(gitSays(linked));
      expect(readGitRefs(linked)).toMatchObject({ branch: 'exp', remotes: [['origin', 'https://example.com/r.git']] });
      expect(readGitRefs(linked)?.commit).not.toBe(readGitRefs(dir)?.commit);
    } finally {
      git(dir, 'worktree', 'remove', '--force', linked);
    }
  });

  test('a branch with no commits yet: commit null', async () => {
    const dir = await testdir({ 'a.txt': 'a\n' });
    git(dir, 'init', '-q');
    expect(readGitRefs(dir)).toEqual({ commit: null, branch: 'main', remotes: [] });
  });

  test('what it leaves to git: includes, quoted values, a HEAD it cannot read, a symbolic branch ref', async () => {
    const dir = await repo();
    expect(readGitRefs(dir)).toBeDefined();
    await appendFile(join(dir, '.git', 'config'), '[include]\n\tpath = other.cfg\n');
    expect(readGitRefs(dir)).toBeUndefined();
    const head = await repo();
    await writeFile(join(head, '.git', 'HEAD'), 'garbage\n');
    expect(readGitRefs(head)).toBeUndefined();
    const sym = await repo();
    git(sym, 'symbolic-ref', 'refs/heads/alias', 'refs/heads/main');
    git(sym, 'symbolic-ref', 'HEAD', 'refs/heads/alias');
    expect(readGitRefs(sym)).toBeUndefined();
  });
});

describe('parseRemotes()', () => {
  test('section and key names in any case; comments; other sections ignored', () => {
    expect(parseRemotes('[core]\n\tbare = false\n# c\n[Remote "o"]\n\tURL = https://h/r.git\n\tfetch = +refs/heads/*:refs/remotes/o/*\n; x\n')).toEqual([['o',
      'https://h/r.git']]);
  });

  test.each([
    ['a quoted URL', '[remote "o"]\n\turl = "https://h/r.git"\n'],
    ['a comment after the URL', '[remote "o"]\n\turl = https://h/r.git # mirror\n'],
    ['a continued line', '[remote "o"]\n\turl = https://h/\\\nr.git\n'],
    ['the old section syntax', '[remote.o]\n\turl = https://h/r.git\n'],
    ['reftable', '[extensions]\n\trefStorage = reftable\n'],
    ['per-worktree config', '[extensions]\n\tworktreeConfig = true\n'],
    ['a url with no value', '[remote "o"]\n\turl\n'],
  ])('%s is left to git', (_name, config) => {
    expect(parseRemotes(config)).toBeUndefined();
  });
});
