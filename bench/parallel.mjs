// parallel runs (decision 24):
// 1. `gage run --start <20 staged trials> -j 2` against `-j 1` in the same rounds; each trial is a Python
//    process that sleeps 1 s (target: ratio ≤ 0.55).
// 2. Ctrl-C (SIGINT) to `gage run --start <20 trials> -j 20` once all 20 run: time until gage has ended,
//    every run finalized `terminated` (target ≤ 2 s).
// Quick mode (CI): 2 trials of 0.5 s, one round (gage's own start-up weighs more there).
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, NODE, cliEnv, cliReady, compare, pkg, removeTree, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';

export const name = 'parallel';

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage run --start -j', 'the CLI (packages/cli/dist/gage.js) is not built')];
  let python;
  try {
    // The real interpreter: a version manager's shim would add its own start-up to every trial.
    python = (await timeProcess('python3', ['-c', 'import sys; print(sys.executable)'], { stdout: 'pipe' })).stdout.trim();
  } catch {
    return [skipped(name, 'gage run --start -j', 'python3 (the trial process) is not installed')];
  }
  const trials = quick ? 2 : 20;
  const seconds = quick ? 0.5 : 1;
  const project = await tempDir('parallel-');
  try {
    await writeFile(join(project, 'gage.toml'), [
      `[trial]\nexec = ${JSON.stringify([python, '-c', `import time; time.sleep(${seconds})`])}\nsourcecode = []\n`,
      `[long]\nexec = ${JSON.stringify([python, '-c', 'import time; print("ready", flush=True); time.sleep(600)'])}\nsourcecode = []\n`,
    ].join('\n'));
    const env = cliEnv();
    const runs = join(project, 'runs');
    const gage = (args, opts = {}) => timeProcess('node', [GAGE_BIN, '--runs', runs, ...args], { cwd: project, env, ...opts });
    const startJ = (jobs) => async () => {
      const ids = await stage(gage, 'trial', trials);
      const { ms } = await gage(['run', '--start', ...ids, '-j', String(jobs), '-y', '-q']);
      await expectStatuses(runs, ids, 'completed');
      return ms;
    };
    const r = await compare({ rounds: rounds ?? (quick ? 1 : 3), product: startJ(2), baseline: startJ(1) });
    const stop = [];
    for (let i = 0; i < (rounds ?? (quick ? 1 : 3)); i++) stop.push(await ctrlC(gage, runs, project, env, trials));
    stop.sort((a, b) => a - b);
    const median = stop[Math.floor((stop.length - 1) / 2)];
    return [
      result(name, `${trials} trials sleeping ${seconds} s: -j 2 / -j 1`, 'ratio', r.ratio.median, 0.55, 'ratio', { stats: r.ratio, ...r }),
      result(name, `Ctrl-C with ${trials} trials running (-j ${trials}): all finalized`, 'time', median, 2000, 'ms', {
        stats: { median, min: stop[0], max: stop[stop.length - 1], n: stop.length },
      }),
    ];
  } finally {
    await removeTree(project);
  }
}

/** Stages `count` runs of `op` with `gage run --stage`, 4 processes at a time; returns their ids. */
async function stage(gage, op, count) {
  const ids = [];
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, () => gage(['run', op, '--stage', '-y'], { stdout: 'pipe' }));
    for (const { stdout } of await Promise.all(batch)) ids.push(/Run "(.+)" is staged/.exec(stdout)[1]);
  }
  return ids;
}

/** Checks that every run named (by name) reads `status`; throws otherwise (a wrong product). */
async function expectStatuses(runs, names, status) {
  const { listRuns, runStatus } = await import(pkg('meta'));
  const byName = new Map((await listRuns(runs)).map((r) => [r.name, r]));
  for (const n of names) {
    const s = await runStatus(byName.get(n));
    if (s !== status) throw new Error(`run ${n} is ${s}, expected ${status}`);
  }
}

/**
 * Starts `count` long trials with `-j count`, waits until every one runs (`proc/lock` in each meta dir and
 * its `ready` line), sends SIGINT and resolves with the ms until gage exited. Checks exit 130 and that every
 * run is finalized `terminated` with `-2` and unlocked.
 */
async function ctrlC(gage, runs, project, env, count) {
  const { listRuns, readMetaFileSync } = await import(pkg('meta'));
  const names = await stage(gage, 'long', count);
  const child = spawn(NODE, [GAGE_BIN, '--runs', runs, 'run', '--start', ...names, '-j', String(count), '-y', '-q'], {
    cwd: project,
    env,
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  const byName = new Map((await listRuns(runs)).map((r) => [r.name, r]));
  const mine = names.map((n) => byName.get(n));
  for (;;) {
    const ready = mine.map((r) => readMetaFileSync(r, 'output/40_run')?.startsWith('ready') === true);
    if (ready.every(Boolean)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const t0 = performance.now();
  child.kill('SIGINT');
  const { code, at } = await exited;
  if (code !== 130) throw new Error(`gage exited with ${code} after SIGINT, expected 130`);
  for (const r of mine) {
    const exit = readMetaFileSync(r, 'proc/exit');
    if (exit !== '-2') throw new Error(`run ${r.name}: proc/exit ${exit}, expected -2`);
  }
  if ((await readdir(runs)).some((n) => n.endsWith('.lock'))) throw new Error('a run lock was left');
  return at - t0;
}

await runIfMain(import.meta.url, run);
