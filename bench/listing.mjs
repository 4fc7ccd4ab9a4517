// listing: `gage runs -a`, and `listRuns` + `runStatus` of every run, with
// 1,000 and 10,000 finalized runs, against listing the runs dir and reading
// one small file per run (target: 10,000 runs listed with status ≤ 0.5 s).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, pkg, result, runIfMain, skipped, tempDir, timeIt, timeProcess } from './_lib.mjs';

export const name = 'listing';

/** Bump when the synthetic runs change, so an old cache is not reused. */
const FORMAT = 1;

/**
 * A runs dir of `count` finalized runs, made once with the product's own
 * library calls and cached under the OS temp dir (keyed by FORMAT and count).
 */
export async function cachedRunsDir(count) {
  const dir = join(tmpdir(), `gage-bench-runs-v${FORMAT}-${count}`);
  if (existsSync(`${dir}.complete`)) return dir;
  const meta = await import(pkg('meta'));
  const proc = await import(pkg('proc'));
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const make = async (i) => {
    const run = await meta.makeRun(building);
    const config = { lr: 0.001 * (1 + (i % 10)), epochs: BigInt(10 + (i % 5)), model: `net${i % 3}` };
    const opdef = { name: 'train', data: { exec: 'python3 train.py' } };
    meta.initRunMetaSync(run, { ns: 'bench', name: 'train' }, opdef, config, { args: ['python3', 'train.py'], env: {} }, { platform: 'Linux bench' });
    await mkdir(run.runDir, { recursive: true });
    meta.writeRunTimestampSync(run, 'staged');
    meta.writeRunTimestampSync(run, 'started');
    await proc.finalizeRun(run, i % 10 === 9 ? 1 : 0);
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

/** The baseline: list the dir and read one small file of each run. */
function readOneFilePerRun(dir) {
  let n = 0;
  for (const entry of readdirSync(dir)) {
    if (!entry.endsWith('.meta')) continue;
    readFileSync(join(dir, entry, 'opref'));
    n++;
  }
  return n;
}

const BASELINE_SCRIPT = `import { readdirSync, readFileSync } from 'node:fs';
const dir = process.argv[1];
let n = 0;
for (const e of readdirSync(dir)) { if (e.endsWith('.meta')) { readFileSync(dir + '/' + e + '/opref'); n++; } }
console.log(n);`;

export async function run({ quick, rounds }) {
  const meta = await import(pkg('meta'));
  const rows = [];
  const haveCli = await cliReady();
  const cwd = await tempDir('listing-cwd-'); // no project here: the runs dir is the --runs option
  try {
    for (const count of quick ? [100] : [1000, 10000]) {
      const dir = await cachedRunsDir(count);
      const target = 500;
      const n = rounds ?? (quick ? 1 : 7);
      const lib = await compare({
        rounds: n,
        warmup: 1,
        product: () =>
          timeIt(async () => {
            const runs = await meta.listRuns(dir, { sort: ['-timestamp'] });
            const statuses = await Promise.all(runs.map((r) => meta.runStatus(r)));
            if (statuses.length !== count) throw new Error(`listed ${statuses.length} runs, expected ${count}`);
          }),
        baseline: () =>
          timeIt(async () => {
            if (readOneFilePerRun(dir) !== count) throw new Error('baseline miscounted');
          }),
      });
      rows.push(
        result(name, `${count} runs, listRuns + runStatus`, 'time', lib.product.median, target, 'ms', {
          stats: lib.product,
          ...lib,
        }),
      );
      if (!haveCli) {
        rows.push(skipped(name, `${count} runs, gage runs -a`, 'the CLI (packages/cli/dist/gage.js) is not built'));
        continue;
      }
      const env = cliEnv();
      let warnings = 0;
      const cli = await compare({
        rounds: n,
        warmup: 1,
        product: async () => {
          const t = await timeProcess('node', [GAGE_BIN, '--runs', dir, 'runs', '-a'], { cwd, env, stdout: 'pipe' });
          const lines = t.stdout.split('\n').filter((l) => /^\| \d/.test(l)).length;
          if (lines !== count) throw new Error(`gage runs -a showed ${lines} runs, expected ${count}`);
          warnings = Math.max(warnings, t.stderr.split('\n').filter((l) => l.startsWith('WARNING')).length);
          return t.ms;
        },
        baseline: async () => (await timeProcess('node', ['--input-type=module', '-e', BASELINE_SCRIPT, dir], { cwd, env, stdout: 'pipe' })).ms,
      });
      rows.push(
        result(name, `${count} runs, gage runs -a`, 'time', cli.product.median, target, 'ms', {
          stats: cli.product,
          ...cli,
          ...(warnings ? { note: `gage runs -a printed up to ${warnings} WARNING lines on stderr in one round (a correct listing prints none)` } : {}),
        }),
      );
    }
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
  return rows;
}

await runIfMain(import.meta.url, run);
