// batch: a grid of 200 trials of a no-op op (`exec = ["true"]`, config in a JSON file), staged and run in
// turn by ONE `gage run` process (`gage run nop 'i=range[1:200]' -y -q`), per trial; against a plain
// `gage run nop -y -q` of the same op in the same rounds (one run, one process). Target: ≤ 60 ms a trial
// (issue 15).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, stats, tempDir, timeProcess } from './_lib.mjs';

export const name = 'batch';

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage run (batch)', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const trials = quick ? 20 : 200;
  const project = await tempDir('batch-project-');
  const scratch = await tempDir('batch-runs-');
  try {
    await writeFile(join(project, 'gage.toml'), '[nop]\nexec = ["true"]\nconfig = "nop.json"\n');
    await writeFile(join(project, 'nop.json'), '{"i": 0}\n');
    const env = cliEnv();
    let k = 0;
    const perTrial = [];
    const r = await compare({
      rounds: rounds ?? (quick ? 1 : 3),
      warmup: quick ? 0 : 1,
      product: async () => {
        const runs = join(scratch, `batch${k++}`);
        const { ms } = await timeProcess('node', [GAGE_BIN, '--runs', runs, 'run', 'nop', `i=range[1:${trials}]`, '-y', '-q'], { cwd: project, env });
        await removeTree(runs);
        perTrial.push(ms / trials);
        return ms;
      },
      baseline: async () => {
        const runs = join(scratch, `one${k++}`);
        const { ms } = await timeProcess('node', [GAGE_BIN, '--runs', runs, 'run', 'nop', '-y', '-q'], { cwd: project, env });
        await removeTree(runs);
        return ms;
      },
    });
    // compare() records warmup rounds too in perTrial: keep the measured ones.
    const measured = stats(perTrial.slice(perTrial.length - r.product.n));
    return [
      result(name, `${trials}-trial grid, one gage process, per trial`, 'time', measured.median, 60, 'ms', {
        stats: measured, product: r.product, baseline: r.baseline,
        note: `baseline: one plain 'gage run nop -y -q' (${r.baseline.median.toFixed(0)} ms); a trial costs ${(measured.median / r.baseline.median).toFixed(2)}x of it`,
      }),
    ];
  } finally {
    await removeTree(project);
    await removeTree(scratch);
  }
}

await runIfMain(import.meta.url, run);
