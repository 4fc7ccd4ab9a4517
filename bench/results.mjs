// results: `gage compare -a` over 1,000 and 10,000 finalized runs with
// summaries (target: 10,000 runs ≤ 1 s, against node reading one small file
// per run), what `-w '<expression>'` adds to `gage runs -a` (target:
// ≤ 100 ms over 10,000 runs, against `gage runs -a` in the same rounds; an
// expression every run passes, and a selective one), and `compare -a`
// against `runs -a` in the same rounds (ratio, target 1.3: a load-independent
// view of the first target, since `runs -a` is the listing bench's product).
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, pkg, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';

export const name = 'results';

/** Bump when the synthetic runs change, so an old cache is not reused. */
const FORMAT = 1;

/** The expression of the selective `-w` case: a config key, a metric and the status. */
const WHERE = 'lr >= 0.005 and loss < 0.5 and status == completed';

/** An expression of the same parts that every run passes, so both sides show the same table. */
const WHERE_ALL = 'lr > 0 and loss >= 0 and status in [completed error]';

/** Config and summary of run `i`, and whether it passes {@link WHERE} (every 10th run exits 1). */
function runValues(i) {
  const lr = 0.001 * (1 + (i % 10));
  const loss = 1 / (1 + (i % 7));
  const failed = i % 10 === 9;
  return {
    config: { lr, epochs: BigInt(10 + (i % 5)), model: `net${i % 3}` },
    summary: { metrics: { loss, acc: 1 - loss / 2 }, attributes: { arch: `net${i % 3}` } },
    failed,
    passes: lr >= 0.005 && loss < 0.5 && !failed,
  };
}

/**
 * A runs dir of `count` finalized runs with a config and a summary (the
 * run writes `summary.json`, finalizing reads it, decision 19), made once
 * with the product's own library calls and cached under the OS temp dir.
 */
export async function cachedResultRuns(count) {
  const dir = join(tmpdir(), `gage-bench-results-v${FORMAT}-${count}`);
  if (existsSync(`${dir}.complete`)) return dir;
  const meta = await import(pkg('meta'));
  const proc = await import(pkg('proc'));
  const types = await import(pkg('types'));
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const make = async (i) => {
    const { config, summary, failed } = runValues(i);
    const run = await meta.makeRun(building);
    const opdef = { name: 'train', data: { exec: 'python3 train.py' } };
    meta.initRunMetaSync(run, { ns: 'bench', name: 'train' }, opdef, config, { args: ['python3', 'train.py'], env: {} }, { platform: 'Linux bench' });
    await mkdir(run.runDir, { recursive: true });
    meta.writeRunTimestampSync(run, 'staged');
    meta.writeRunTimestampSync(run, 'started');
    await writeFile(join(run.runDir, 'summary.json'), types.encodeJson(summary));
    await proc.finalizeRun(run, failed ? 1 : 0);
  };
  const next = { i: 0 };
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next.i < count) await make(next.i++);
    }),
  );
  await rename(building, dir);
  await writeFile(`${dir}.complete`, `${count} runs made in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return dir;
}

const BASELINE_SCRIPT = `import { readdirSync, readFileSync } from 'node:fs';
const dir = process.argv[1];
let n = 0;
for (const e of readdirSync(dir)) { if (e.endsWith('.meta')) { readFileSync(dir + '/' + e + '/opref'); n++; } }
console.log(n);`;

/** Table rows of a plain `gage` table (lines starting `| <something>` after the header and separator). */
function tableRows(stdout) {
  return stdout.split('\n').slice(2).filter((l) => l.startsWith('| ')).length;
}

export async function run({ quick, rounds }) {
  const rows = [];
  if (!(await cliReady())) return [skipped(name, 'gage compare -a', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const cwd = await tempDir('results-cwd-'); // no project here: the runs dir is the --runs option
  const env = cliEnv();
  try {
    for (const count of quick ? [100] : [1000, 10000]) {
      const dir = await cachedResultRuns(count);
      const n = rounds ?? (quick ? 1 : 7);
      const gage = (...args) => timeProcess('node', [GAGE_BIN, '--runs', dir, ...args], { cwd, env, stdout: 'pipe' });
      const cmp = await compare({
        rounds: n,
        warmup: 1,
        product: async () => {
          const t = await gage('compare', '-a');
          const shown = tableRows(t.stdout);
          if (shown !== count) throw new Error(`gage compare -a showed ${shown} runs, expected ${count}: ${t.stderr.slice(0, 500)}`);
          if (!t.stdout.split('\n')[0].includes('| loss ')) throw new Error(`gage compare -a has no loss column: ${t.stdout.split('\n')[0]}`);
          return t.ms;
        },
        baseline: async () => (await timeProcess('node', ['--input-type=module', '-e', BASELINE_SCRIPT, dir], { cwd, env, stdout: 'pipe' })).ms,
      });
      rows.push(result(name, `${count} runs, gage compare -a`, 'time', cmp.product.median, 1000, 'ms', { stats: cmp.product, ...cmp }));

      const runsAll = async () => {
        const t = await gage('runs', '-a');
        if (tableRows(t.stdout) !== count) throw new Error(`gage runs -a showed ${tableRows(t.stdout)} runs, expected ${count}`);
        return t.ms;
      };
      const whereCase = async (expression, expected, label) => {
        const w = await compare({
          rounds: n,
          warmup: 1,
          product: async () => {
            const t = await gage('runs', '-a', '-w', expression);
            const shown = tableRows(t.stdout);
            if (shown !== expected) throw new Error(`gage runs -a -w showed ${shown} runs, expected ${expected}: ${t.stderr.slice(0, 500)}`);
            return t.ms;
          },
          baseline: runsAll,
        });
        rows.push(result(name, `${count} runs, gage runs -a -w (${label}) − gage runs -a`, 'overhead', w.diff.median, 100, 'ms', { stats: w.diff, ...w }));
      };
      // Every run passes: the same table on both sides, so the difference is what -w costs.
      await whereCase(WHERE_ALL, count, 'all shown');
      const expected = Array.from({ length: count }, (_, i) => runValues(i)).filter((v) => v.passes).length;
      await whereCase(WHERE, expected, `${expected} shown`);
      // compare -a against runs -a in the same rounds: what the results table costs beyond the runs table.
      const vsRuns = await compare({
        rounds: n,
        warmup: 1,
        product: async () => (await gage('compare', '-a')).ms,
        baseline: runsAll,
      });
      rows.push(result(name, `${count} runs, gage compare -a / gage runs -a`, 'ratio', vsRuns.ratio.median, 1.3, 'ratio', { stats: vsRuns.ratio, ...vsRuns }));
    }
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
  return rows;
}

await runIfMain(import.meta.url, run);
