// staging: `stageRun` of a project of 500 small text files, and of 5,000,
// against `cp -r` of the same files (target: ratio ≤ 2).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compare, pkg, removeTree, result, runIfMain, tempDir, timeIt, timeProcess } from './_lib.mjs';

export const name = 'staging';

/** Writes `count` small text files: a gage.toml and `count - 1` Python modules, 50 per package dir. */
async function makeProject(dir, count) {
  await writeFile(join(dir, 'gage.toml'), '[train]\nexec = "python3 train.py"\n');
  const modules = count - 1;
  for (let i = 0; i < modules; i += 50) {
    const sub = join(dir, 'src', `pkg${String(i / 50).padStart(3, '0')}`);
    await mkdir(sub, { recursive: true });
    await Promise.all(
      Array.from({ length: Math.min(50, modules - i) },
        (_, j) => writeFile(join(sub, `mod${j}.py`), `# module ${i + j}\n\ndef f${j}(x):\n    return x * ${j}\n`.repeat(4))),
    );
  }
}

async function countFiles(dir) {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n++;
  return n;
}

export async function run({ quick, rounds }) {
  const meta = await import(pkg('meta'));
  const stage = await import(pkg('stage'));
  const rows = [];
  for (const count of quick ? [50] : [500, 5000]) {
    const project = await tempDir('staging-project-');
    const scratch = await tempDir('staging-scratch-');
    try {
      await makeProject(project, count);
      // The default patterns stop at 500 matches (stage.md 4.4); for more files, the same rule with a larger budget.
      const data = { exec: 'python3 train.py' };
      if (count > 500) data.sourcecode = [`**/* text size<100000 max-matches=${count + 10}`, '-**/.* dir'];
      const opdef = { name: 'train', data };
      let k = 0;
      const r = await compare({
        rounds: rounds ?? (quick ? 1 : 7),
        warmup: quick ? 0 : 1,
        product: async () => {
          const runsDir = join(scratch, `runs${k++}`);
          const run = await meta.makeRun(runsDir);
          meta.initRunMetaSync(run, { ns: 'bench', name: 'train' }, opdef, {}, { args: ['python3', 'train.py'], env: {} });
          const ms = await timeIt(() => stage.stageRun(run, project, { onWarning: () => {} }));
          const copied = await countFiles(run.runDir);
          if (copied !== count) throw new Error(`staged ${copied} files, expected ${count}`);
          await removeTree(runsDir);
          return ms;
        },
        baseline: async () => {
          const dest = join(scratch, `copy${k++}`);
          const t = await timeProcess('cp', ['-r', project, dest]);
          await removeTree(dest);
          return t.ms;
        },
      });
      rows.push(result(name, `${count} files`, 'ratio', r.ratio.median, 2, 'ratio', { stats: r.ratio, ...r }));
    } finally {
      await removeTree(project);
      await removeTree(scratch);
    }
  }
  return rows;
}

await runIfMain(import.meta.url, run);
