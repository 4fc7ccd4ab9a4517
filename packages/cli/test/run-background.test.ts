import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readMetaFileSync, runLockState, runStatus } from '@gage/meta';
import type { Run } from '@gage/types';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { BIN, gage } from './_helpers.js';

/** `nap` prints its parent's pid (the gage that runs it) and sleeps `ms`. */
const PROJECT: Record<string, string> = {
  'gage.toml': `[nap]
exec = "node nap.cjs"
config = "nap.json"
`,
  'nap.cjs': `const { ms } = JSON.parse(require('fs').readFileSync('nap.json', 'utf8'));
require('fs').writeFileSync('runner.pid', String(process.ppid));
console.log('nap ' + ms);
setTimeout(() => console.log('woke'), ms);
`,
  'nap.json': '{"ms": 300}\n',
};

let project: string;
let home: string;
let runsDir: string;

beforeEach(async () => {
  project = await testdir(PROJECT);
  home = await testdir();
  runsDir = join(home, 'runs');
});

afterEach(async () => {
  // Every detached gage has finished its run before the test ends (each test waits for it).
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[], input?: string) => gage(['--runs', runsDir, ...args], { cwd: project, home, input, gageCommand: ['node', BIN] });

/** Fields of `/proc/<pid>/stat` after the command name: [state, ppid, pgrp, session, ...]. */
function procStat(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

async function finished(run: Run): Promise<void> {
  await waitFor(async () => readMetaFileSync(run, 'proc/exit') !== undefined && (await runLockState(run)) === 'none');
}

describe('gage run --background', () => {
  test('returns at once with the run name and how to follow and stop it; a detached gage in a session of its own finishes the run', async () => {
    const r = await g(['run', 'nap', 'ms=1500', '--background', '-y']);
    const [run] = await listRuns(runsDir);
    const name = (run as Run).name;
    expect(r).toEqual({
      code: 0,
      stdout: `Run "${name}" is running in the background\n\nTo follow its output, run 'gage cat -o -f ${name}'\nTo stop it, run 'gage stop ${name}'\n`,
      stderr: '',
    });
    expect(await runStatus(run as Run)).toBe('running');
    // The gage that runs it leads a session of its own, and it is not this process.
    await waitFor(async () => (await readFile(join((run as Run).runDir, 'runner.pid'), 'utf8').catch(() => '')) !== '');
    const runner = Number(await readFile(join((run as Run).runDir, 'runner.pid'), 'utf8'));
    expect(runner).not.toBe(process.pid);
    const [, , , session] = procStat(runner);
    expect(Number(session)).toBe(runner);
    // Its output can be followed while it runs, and it is captured and finalized as usual.
    const follow = await g(['cat', '-o', '-f', name]);
    expect(follow).toEqual({ code: 0, stdout: 'nap 1500\nwoke\n', stderr: '' });
    await finished(run as Run);
    expect(await runStatus(run as Run)).toBe('completed');
    expect(await readFile(join((run as Run).metaDir, 'output', '40_run'), 'utf8')).toBe('nap 1500\nwoke\n');
  });

  test('works with --start, also of several runs (-j)', async () => {
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((/Run "(.+)" is staged/.exec((await g(['run', 'nap', '--stage', '-y'])).stdout) as RegExpExecArray)[1] as string);
    const runs = await listRuns(runsDir);
    const r = await g(['run', '--start', ':', '-j', '2', '--background', '-y']);
    expect(r).toEqual({
      code: 0,
      stdout: `Starting 3 runs in the background (2 at a time): ${names.join(', ')}\n\n` +
        `To follow the output of one, run 'gage cat -o -f <run>'\nTo stop them, run 'gage stop ${names.join(' ')}'\n`,
      stderr: '',
    });
    for (const run of runs) await finished(run);
    expect(await Promise.all(runs.map((x) => runStatus(x)))).toEqual(['completed', 'completed', 'completed']);
    const one = await g(['run', 'nap', '--stage', '-y']);
    const name = (/Run "(.+)" is staged/.exec(one.stdout) as RegExpExecArray)[1] as string;
    expect((await g(['run', '--start', name, '--background', '-y'])).stdout).toContain(`Run "${name}" is running in the background\n`);
    const last = (await listRuns(runsDir)).find((x) => x.name === name);
    await finished(last as Run);
    expect(await runStatus(last as Run)).toBe('completed');
  });

  test('cannot be used with --stage or --preview; needs to know how to start gage', async () => {
    expect(await g(['run', 'nap', '--stage', '--background', '-y'])).toEqual({ code: 1, stdout: '',
      stderr: "stage and background cannot be used together.\n\nTry 'gage run -h' for help.\n" });
    const r = await gage(['--runs', runsDir, 'run', 'nap', '--background', '-y'], { cwd: project, home });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'gage: Cannot run in the background: the command that started gage is unknown\n' });
    expect(await listRuns(runsDir)).toEqual([]); // found out before anything was made
  });
});
