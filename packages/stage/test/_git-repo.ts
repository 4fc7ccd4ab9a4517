// A real git repository for provenance tests.
import { execFileSync } from 'node:child_process';
import { testdir } from '@gage/test-utils';

/** Runs git in `cwd` with a test identity and `main` as the default branch; its stdout, trimmed. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' })
    .toString().trim();
}

/** A new temp dir holding `files`, committed as the first commit of a new repository. */
export async function gitRepo(files: Record<string, string>): Promise<string> {
  const dir = await testdir(files);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  return dir;
}
