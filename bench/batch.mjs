// batch: a grid of 200 trials of a no-op op (`exec = ["true"]`, config in a JSON file), staged and run in
// turn by ONE `gage run` process (`gage run nop 'i=range[1:200]' -y -q`), per trial; against a plain
// `gage run nop -y -q` of the same op in the same rounds (one run, one process). Target: ≤ 60 ms a trial
// (issue 15). Also the CPU time (user + sys of gage and the processes it waited for, GNU time) per trial,
// which a loaded machine inflates far less than the wall time.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, GNU_TIME, NODE, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, stats, tempDir, timeProcess } from './_lib.mjs';

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
    const cpuPerTrial = [];
    const cpuPlain = [];
    /** Runs gage under GNU time: wall ms and CPU ms (user + sys). */
    const gage = async (args) => {
      const file = join(scratch, `time${k}`);
      const { ms } = await timeProcess(GNU_TIME, ['-f', '%U %S', '-o', file, NODE, GAGE_BIN, ...args], { cwd: project, env });
      const [user, sys] = (await readFile(file, 'utf8')).trim().split('\n').pop().split(' ').map(Number);
      return { ms, cpu: (user + sys) * 1000 };
    };
    const r = await compare({
      rounds: rounds ?? (quick ? 1 : 3),
      warmup: quick ? 0 : 1,
      product: async () => {
        const runs = join(scratch, `batch${k++}`);
        const { ms, cpu } = await gage(['--runs', runs, 'run', 'nop', `i=range[1:${trials}]`, '-y', '-q']);
        const staged = (await import('node:fs')).readdirSync(runs).filter((n) => n.endsWith('.meta')).length;
        if (staged !== trials) throw new Error(`the batch made ${staged} runs, expected ${trials}`);
        await removeTree(runs);
        perTrial.push(ms / trials);
        cpuPerTrial.push(cpu / trials);
        return ms;
      },
      baseline: async () => {
        const runs = join(scratch, `one${k++}`);
        const { ms, cpu } = await gage(['--runs', runs, 'run', 'nop', '-y', '-q']);
        await removeTree(runs);
        cpuPlain.push(cpu);
        return ms;
      },
    });
    // compare() runs warm-up rounds too: keep the measured ones.
    const n = r.product.n;
    const wall = stats(perTrial.slice(-n));
    const cpu = stats(cpuPerTrial.slice(-n));
    const plainCpu = stats(cpuPlain.slice(-n));
    return [
      result(name, `${trials}-trial grid, one gage process, per trial`, 'time', wall.median, 60, 'ms', {
        stats: wall,
        product: r.product,
        baseline: r.baseline,
        note: `baseline: one plain 'gage run nop -y -q', ${r.baseline.median.toFixed(0)} ms (${plainCpu.median.toFixed(0)} ms CPU); a trial costs ${
          (wall.median / r.baseline.median).toFixed(2)
        }x its wall time`,
      }),
      result(name, `${trials}-trial grid, one gage process, per trial`, 'CPU', cpu.median, 60, 'ms', { stats: cpu, product: r.product, baseline: r.baseline }),
    ];
  } finally {
    await removeTree(project);
    await removeTree(scratch);
  }
}

await runIfMain(import.meta.url, run);
