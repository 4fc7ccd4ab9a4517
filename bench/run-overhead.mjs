// run overhead: `gage run -y -q` of an op whose command is `node -e 0`,
// against running `node -e 0` directly (target: difference ≤ 100 ms).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';

export const name = 'run-overhead';

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage run', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const project = await tempDir('overhead-');
  try {
    await writeFile(join(project, 'gage.toml'), '[nop]\nexec = ["node", "-e", "0"]\n');
    const env = cliEnv();
    const runs = join(project, 'runs');
    const r = await compare({
      rounds: rounds ?? (quick ? 2 : 15),
      warmup: 1,
      product: async () => (await timeProcess('node', [GAGE_BIN, '--runs', runs, 'run', '-y', '-q', 'nop'], { cwd: project, env })).ms,
      baseline: async () => (await timeProcess('node', ['-e', '0'], { cwd: project, env })).ms,
    });
    return [
      result(name, 'gage run -y -q (node -e 0) − node -e 0', 'overhead', r.diff.median, 100, 'ms', { stats: r.diff, ...r }),
    ];
  } finally {
    await removeTree(project);
  }
}

await runIfMain(import.meta.url, run);
