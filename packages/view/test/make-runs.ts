// Real runs for the view tests: made, executed and finalized by @gage/meta
// and @gage/proc (a node child process each), so the output, its index,
// scalars, summary and status are what `gage run` leaves.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, makeRun, writeMetaFileSync } from '@gage/meta';
import { execRun, finalizeRun } from '@gage/proc';
import type { Config, Run } from '@gage/types';

/** A finished run that prints `lines` lines (odd ones to stderr) and `step i loss x` scalars. */
export async function makeFinishedRun(runsDir: string, config: Config, options: { steps?: number; exit?: number } = {}): Promise<Run> {
  const steps = options.steps ?? 3;
  const script = `for (let i = 0; i < ${steps}; i++) { console.log('step ' + i + ' loss ' + (1 / (i + 1) + ${Number(config['lr'] ?? 0)})); }
console.error('a warning');
require('fs').writeFileSync('summary.json', JSON.stringify({ metrics: { acc: ${Number(config['lr'] ?? 0)} * 10 } }));
require('fs').mkdirSync('out'); require('fs').writeFileSync('out/model.txt', 'weights');
process.exit(${options.exit ?? 0});`;
  const run = await makeRun(runsDir);
  const args = ['node', '-e', script];
  initRunMetaSync(run, { ns: 'test', name: 'train' }, { name: 'train', data: { exec: args } }, config, { args, env: {} });
  await mkdir(run.runDir);
  await finalizeRun(run, await execRun(run));
  return run;
}

/** A run that keeps running: it prints the text of a file `say` (then removes it) and ends when a file `stop` appears. */
export interface RunningRun {
  run: Run;
  /** Makes the run print `text` (one line). */
  say(text: string): Promise<void>;
  /** Ends the run and waits until it is finalized. */
  stop(): Promise<void>;
}

export async function startRunningRun(runsDir: string, config: Config = {}): Promise<RunningRun> {
  const script = `const fs = require('fs'); let i = 0; console.log('started');
setInterval(() => {
  if (fs.existsSync('say')) { const t = fs.readFileSync('say', 'utf8'); fs.rmSync('say'); console.log(t); console.log('step ' + (i++) + ' acc ' + i / 10); }
  if (fs.existsSync('stop')) process.exit(0);
}, 20);`;
  const run = await makeRun(runsDir);
  const args = ['node', '-e', script];
  initRunMetaSync(run, { ns: 'test', name: 'serve' }, { name: 'serve', data: { exec: args } }, config, { args, env: {} });
  await mkdir(run.runDir);
  const done = execRun(run).then((code) => finalizeRun(run, code));
  return {
    run,
    say: async (text) => {
      await writeFile(join(run.runDir, 'say.tmp'), text);
      await rename(join(run.runDir, 'say.tmp'), join(run.runDir, 'say'));
    },
    stop: async () => {
      await writeFile(join(run.runDir, 'stop'), '');
      await done;
    },
  };
}

/**
 * `count` finished runs made without a process (as the `results` bench
 * makes them), quick enough for hundreds: run `i` has config `{i}`, metric
 * `loss` and started `i` ms after the first, so newest first is `count - 1`
 * down to 0.
 */
export async function makeQuickRuns(runsDir: string, count: number): Promise<Run[]> {
  const base = Date.now() * 1000 - count * 1000;
  const runs: Run[] = [];
  for (let i = 0; i < count; i++) {
    const run = await makeRun(runsDir);
    initRunMetaSync(run, { ns: 'test', name: 'train' }, { name: 'train', data: { exec: 'x' } }, { i: BigInt(i) }, { args: ['x'], env: {} });
    await mkdir(run.runDir);
    writeMetaFileSync(run, 'staged', String(base + i * 1000));
    writeMetaFileSync(run, 'started', String(base + i * 1000));
    await writeFile(join(run.runDir, 'summary.json'), JSON.stringify({ metrics: { loss: 1 / (i + 1) } }));
    await finalizeRun(run, 0);
    runs.push(run);
  }
  return runs;
}
