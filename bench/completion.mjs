// completion: what one Tab costs when the completion script asks gage
// (`gage __complete`, docs/spec/cli.md 5.21): the run names of a project
// whose runs dir holds 100 runs, and the flags of an operation whose config
// is a JSON file; against `node -e 0` in the same rounds (target of issue 16:
// ≤ 150 ms a completion; the difference, ≤ 70 ms, is that target less
// Node's own start on the reference machine, about 80 ms).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';
import { cachedRunsDir } from './listing.mjs';

export const name = 'completion';

const RUNS = 100;

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage __complete', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const project = await tempDir('completion-');
  try {
    await writeFile(join(project, 'gage.json'), JSON.stringify({ train: { exec: 'python3 train.py', config: 'config.json' } }));
    await writeFile(join(project, 'config.json'), JSON.stringify({ lr: 0.1, epochs: 10, model: 'net' }));
    // The project's own runs dir (no --runs, no GAGE_RUNS): the project and its Gage file are read, as on a real Tab.
    await mkdir(join(project, '.gage'));
    await symlink(await cachedRunsDir(RUNS), join(project, '.gage', 'runs'));
    const env = cliEnv();
    const cases = [
      { label: `run names (${RUNS} runs)`, args: ['__complete', 'runs'], lines: RUNS },
      { label: 'flags of an operation', args: ['__complete', 'flags', 'train'], lines: 3 },
    ];
    const rows = [];
    for (const c of cases) {
      const out = await timeProcess('node', [GAGE_BIN, ...c.args], { cwd: project, env, stdout: 'pipe' });
      const lines = out.stdout.split('\n').filter((l) => l !== '').length;
      if (lines !== c.lines) throw new Error(`gage ${c.args.join(' ')} printed ${lines} lines, expected ${c.lines}`);
      const r = await compare({
        rounds: rounds ?? (quick ? 2 : 20),
        warmup: 1,
        product: async () => (await timeProcess('node', [GAGE_BIN, ...c.args], { cwd: project, env })).ms,
        baseline: async () => (await timeProcess('node', ['-e', '0'], { cwd: project, env })).ms,
      });
      rows.push(result(name, `gage ${c.args.join(' ')}: ${c.label}`, 'time', r.product.median, 150, 'ms', { stats: r.product, ...r }));
      rows.push(result(name, `gage ${c.args.join(' ')} − node -e 0`, 'overhead', r.diff.median, 70, 'ms', { stats: r.diff, ...r }));
    }
    return rows;
  } finally {
    await removeTree(project);
  }
}

await runIfMain(import.meta.url, run);
