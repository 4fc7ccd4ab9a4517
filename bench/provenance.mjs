// provenance: `gage run -y -q` of an op in a git work tree of 5,000 tracked
// files with a dirty tree (git state, capped patch, lockfile digests, machine)
// against the same project without `.git` (target: difference ≤ 30 ms,
// decision 18). The op copies one file and runs `node -e 0`, so the
// difference is the provenance's git part, not staging.
//
// Two states of the same repository: "index fresh", the usual one, where the
// project's files are older than git's index (written before the last git
// command), so `git diff HEAD` compares stat data; and "index racy", files
// written in the same second as the commit (as a script that writes and
// commits at once leaves them): git cannot trust their stat data and reads
// and hashes every tracked file on each `git diff` until the index is
// written again, which gage does not do (it runs git with
// GIT_OPTIONAL_LOCKS=0 so that it never takes the user's index lock).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';

export const name = 'provenance';

/**
 * A project of `count` tracked files (50 a dir), one of them changed after
 * the commit; with `fresh`, the files' times are set an hour back before
 * `git add`, so that they are older than the index.
 */
async function makeRepo(dir, count, fresh) {
  await writeFile(join(dir, 'gage.toml'), '[nop]\nexec = ["node", "-e", "0"]\nsourcecode = ["gage.toml"]\n');
  await writeFile(join(dir, 'requirements.txt'), 'numpy==2.1.0\ntorch==2.5.0\n');
  for (let i = 0; i < count - 2; i += 50) {
    const sub = join(dir, 'src', `pkg${String(i / 50).padStart(3, '0')}`);
    await mkdir(sub, { recursive: true });
    await Promise.all(Array.from({ length: Math.min(50, count - 2 - i) }, (_, j) => writeFile(join(sub, `mod${j}.py`), `x = ${i + j}\n`)));
    if (fresh) {
      const past = new Date(Date.now() - 3_600_000);
      await Promise.all(Array.from({ length: Math.min(50, count - 2 - i) }, (_, j) => utimes(join(sub, `mod${j}.py`), past, past)));
    }
  }
  const git = (...args) => execFileSync('git', ['-c', 'user.email=b@example.com', '-c', 'user.name=bench', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'bench');
  await writeFile(join(dir, 'src', 'pkg000', 'mod0.py'), 'x = -1\n');
}

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage run', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const count = quick ? 500 : 5000;
  const fresh = await tempDir('prov-fresh-');
  const racy = await tempDir('prov-racy-');
  const plain = await tempDir('prov-plain-');
  try {
    await makeRepo(fresh, count, true);
    await makeRepo(racy, count, false);
    await cp(fresh, plain, { recursive: true, filter: (src) => !src.includes('/.git') });
    const env = cliEnv();
    const gage = (cwd) => async () => (await timeProcess('node', [GAGE_BIN, '--runs', join(cwd, '.gage', 'runs'), 'run', '-y', '-q', 'nop'], { cwd, env })).ms;
    const rows = [];
    for (const [state, repo] of [['index fresh', fresh], ['index racy', racy]]) {
      const r = await compare({ rounds: rounds ?? (quick ? 2 : 15), warmup: 1, product: gage(repo), baseline: gage(plain) });
      rows.push(
        result(name, `gage run in a dirty git tree of ${count} files (${state}) − outside git`, 'overhead', r.diff.median, 30, 'ms', { stats: r.diff, ...r }),
      );
    }
    return rows;
  } finally {
    await removeTree(fresh);
    await removeTree(racy);
    await removeTree(plain);
  }
}

await runIfMain(import.meta.url, run);
