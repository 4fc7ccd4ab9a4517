// provenance: `gage run -y -q` of an op in a git work tree of 5,000 tracked
// files with a dirty tree (git state, capped patch, lockfile digests, machine)
// against the same project without `.git` (target: difference ≤ 30 ms,
// decision 18). The op copies one file and runs `node -e 0`, so the
// difference is the provenance's git part, not staging.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';

export const name = 'provenance';

/** A project of `count` tracked files (50 a dir), one of them changed after the commit. */
async function makeRepo(dir, count) {
  await writeFile(join(dir, 'gage.toml'), '[nop]\nexec = ["node", "-e", "0"]\nsourcecode = ["gage.toml"]\n');
  await writeFile(join(dir, 'requirements.txt'), 'numpy==2.1.0\ntorch==2.5.0\n');
  for (let i = 0; i < count - 2; i += 50) {
    const sub = join(dir, 'src', `pkg${String(i / 50).padStart(3, '0')}`);
    await mkdir(sub, { recursive: true });
    await Promise.all(Array.from({ length: Math.min(50, count - 2 - i) }, (_, j) => writeFile(join(sub, `mod${j}.py`), `x = ${i + j}\n`)));
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
  const repo = await tempDir('prov-repo-');
  const plain = await tempDir('prov-plain-');
  try {
    await makeRepo(repo, count);
    await cp(repo, plain, { recursive: true, filter: (src) => !src.includes('/.git') });
    const env = cliEnv();
    const gage = (cwd) => async () => (await timeProcess('node', [GAGE_BIN, '--runs', join(cwd, '.gage', 'runs'), 'run', '-y', '-q', 'nop'], { cwd, env })).ms;
    const r = await compare({ rounds: rounds ?? (quick ? 2 : 15), warmup: 1, product: gage(repo), baseline: gage(plain) });
    return [
      result(name, `gage run in a dirty git tree of ${count} files − outside git`, 'overhead', r.diff.median, 30, 'ms', { stats: r.diff, ...r }),
    ];
  } finally {
    await removeTree(repo);
    await removeTree(plain);
  }
}

await runIfMain(import.meta.url, run);
