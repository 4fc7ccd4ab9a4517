import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTree, startSlurmCluster, testdir } from '@gage/test-utils';

// The built bin run by Deno itself: `deno run -A packages/cli/dist/gage.js ...`.
const BIN = fileURLToPath(new URL('../dist/gage.js', import.meta.url));

const GAGE_TOML = `[hello]
description = "Print a greeting."
default = true
exec = "node hello.cjs"
config = "config.json"
`;
const HELLO = "const { name } = JSON.parse(require('fs').readFileSync('config.json', 'utf8'));\nconsole.log(`Hello ${name}`);\n";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function environment(home: string, more: Record<string, string> = {}): Record<string, string> {
  const env = Deno.env.toObject();
  for (const name of ['GAGE_RUNS', 'RUNS_DIR', 'PROJECT_DIR', 'FORCE_COLOR']) delete env[name];
  return { ...env, HOME: home, COLUMNS: '80', NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', ...more };
}

async function gage(args: string[], cwd: string, home: string, input = '', permissions: string[] = ['-A'], env: Record<string, string> = {}): Promise<Result> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ['run', ...permissions, BIN, ...args],
    cwd,
    env: environment(home, env),
    clearEnv: true,
    stdin: 'piped',
    stdout: 'piped',
    stderr: 'piped',
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(input));
  await writer.close();
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test('the gage bin under Deno: run with a flag, list, show, delete, restore, purge', async () => {
  const home = await testdir();
  const project = join(home, 'greet');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), GAGE_TOML);
    await writeFile(join(project, 'hello.cjs'), HELLO);
    await writeFile(join(project, 'config.json'), '{"name": "World"}\n');
    const g = (args: string[], input?: string) => gage(args, project, home, input);

    const version = await g(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^Gage \d+\.\d+\.\d+/);

    assert.deepEqual(await g(['run', 'name=Ada']), {
      code: 0,
      stdout: '',
      stderr: 'You are about to run hello\n\n name  Ada\n\nContinue? (Y/n) \n',
    });
    assert.deepEqual(await g(['run', 'name=Ada'], 'y\n'), {
      code: 0,
      stdout: 'Hello Ada\n',
      stderr: 'You are about to run hello\n\n name  Ada\n\nContinue? (Y/n) \n',
    });
    const runsDir = join(project, '.gage', 'runs');
    const id = (await g(['select'])).stdout.trim();
    assert.deepEqual((await readdir(runsDir)).sort(), [id, `${id}.meta`, `${id}.project`]);

    const ls = await g(['ls', '-0']);
    assert.equal(ls.code, 0);
    assert.equal(
      ls.stdout,
      '| # | operation | status    | description                                      |\n' +
        '|---|-----------|-----------|--------------------------------------------------|\n' +
        '| 1 | hello     | completed | name=Ada                                         |\n',
    );

    const show = await g(['show']);
    assert.equal(show.code, 0);
    assert.ok(show.stdout.startsWith(`                      ${id}\n| greet:hello ${' '.repeat(55)}completed |\n`), show.stdout);
    assert.ok(show.stdout.includes('\n                                     Config\n| name  Ada '), show.stdout);
    assert.ok(show.stdout.endsWith(`                                     Output\n| Hello Ada${' '.repeat(67)} |\n`), show.stdout);
    assert.deepEqual(await g(['cat', '-p', 'config.json']), { code: 0, stdout: '{"name": "Ada"}\n', stderr: '' });

    assert.deepEqual(await g(['delete', '1', '-y']), { code: 0, stdout: '', stderr: 'Deleted 1 run\n' });
    assert.deepEqual((await readdir(runsDir)).sort(), [id, `${id}.meta.deleted`, `${id}.project`]);
    assert.equal((await g(['ls', '-0'])).stdout.split('\n').length, 3);
    assert.deepEqual(await g(['restore', '1', '-y']), { code: 0, stdout: '', stderr: 'Restored 1 run\n' });
    assert.equal((await g(['select'])).stdout, `${id}\n`);

    assert.deepEqual(await g(['rm', '-y', '1']), { code: 0, stdout: '', stderr: 'Deleted 1 run\n' });
    assert.deepEqual(await g(['purge', '--all', '-y']), { code: 0, stdout: '', stderr: 'Permanently deleted 1 run\n' });
    assert.deepEqual(await readdir(runsDir), []);
    assert.deepEqual(await g(['purge', '--all', '-y']), { code: 0, stdout: '', stderr: 'gage: Nothing selected\n' });
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: help topics are in the bundle (issue 16)', async () => {
  const home = await testdir();
  try {
    const source = await Deno.readTextFile(fileURLToPath(new URL('../src/help/topics/exec.md', import.meta.url)));
    assert.deepEqual(await gage(['help', 'exec'], home, home), { code: 0, stdout: source, stderr: '' });
    // Node's compile cache (src/compile-cache.ts) is Node's only: under Deno the bin makes no cache dir of its own.
    assert.equal(existsSync(join(home, '.cache', 'gage')), false);
    const list = await gage(['help'], home, home);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /\n {4}select-runs  Select runs by index, slice, ID or name\.\n/);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno without permissions names the one missing and how to grant it (issue 16)', async () => {
  const home = await testdir();
  try {
    await writeFile(join(home, 'gage.toml'), '[hello]\nexec = "node -e 0"\n');
    const hint = (flag: string) =>
      `Gage reads and writes files, reads the environment and starts processes: run it with 'deno run -A gage.js ...', or grant this permission with '${flag}'.\n`;
    const none = await gage(['list'], home, home, '', []);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /^gage: Deno has not granted env access( to "\w+")?\n\n/);
    assert.ok(none.stderr.endsWith(hint('--allow-env')), none.stderr);
    assert.ok(!none.stderr.includes('bug'), none.stderr);
    const envOnly = await gage(['list'], home, home, '', ['--allow-env']);
    assert.equal(envOnly.code, 1);
    assert.match(envOnly.stderr, /^gage: Deno has not granted read access to "[^"]+"\n\n/);
    assert.ok(envOnly.stderr.endsWith(hint('--allow-read')), envOnly.stderr);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: run --preview --json, a failing run, a usage error', async () => {
  const home = await testdir();
  try {
    await writeFile(join(home, 'gage.toml'), '[fail]\nexec = ["node", "-e", "process.exit(3)"]\n');
    const preview = await gage(['run', '--preview', '--json'], home, home);
    assert.equal(preview.code, 0);
    assert.equal(preview.stderr, '');
    const doc = JSON.parse(preview.stdout);
    assert.equal(doc.sourcecode.src_dir, await Deno.realPath(home));
    assert.equal(doc.sourcecode.patterns.length, 5);
    assert.equal(doc.sourcecode.patterns[0], '**/* text size<100000 max-matches=500');
    assert.deepEqual(doc.sourcecode.paths, ['gage.toml']);
    assert.ok(preview.stdout.endsWith('\n  }\n}\n'));
    assert.deepEqual(await gage(['run', '-y'], home, home), { code: 3, stdout: '', stderr: '' });
    const bogus = await gage(['list', '--bogus'], home, home);
    assert.equal(bogus.code, 2);
    assert.ok(bogus.stderr.endsWith('Error: No such option: --bogus\n'), bogus.stderr);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: a run with 5 MB of output on both streams is echoed exactly, to a pipe and to a file', async () => {
  const home = await testdir();
  const project = join(home, 'noisy');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), '[noisy]\nexec = "node noisy.cjs"\n');
    await writeFile(join(project, 'noisy.cjs'), [
      "let text = '';",
      "for (let i = 1; i <= 250000; i++) text += 'step ' + i + ' loss\\n';",
      "process.stdout.write(text, () => process.stderr.write('warn\\n', () => process.stdout.write('end')));",
    ].join('\n'));
    let expected = '';
    for (let i = 1; i <= 250000; i++) expected += `step ${i} loss\n`;
    const r = await gage(['run', '-y', 'noisy'], project, home);
    assert.equal(r.code, 0);
    assert.ok(r.stdout === `${expected}end`, `stdout differs (${r.stdout.length} chars)`);
    assert.equal(r.stderr, 'warn\n');
    // Into a file (written on the thread pool).
    const file = join(home, 'echo.txt');
    const toFile = await new Deno.Command('sh', {
      args: ['-c', `"$0" run -A "$1" run -y noisy > "$2"`, Deno.execPath(), BIN, file],
      cwd: project,
      env: environment(home),
      clearEnv: true,
      stdout: 'null',
      stderr: 'piped',
    }).output();
    assert.equal(toFile.code, 0);
    assert.equal(new TextDecoder().decode(toFile.stderr), 'warn\n');
    assert.ok(await Deno.readTextFile(file) === `${expected}end`, 'the echo file differs');
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: checked flags, typed values, provenance (issue 11)', async () => {
  const home = await testdir();
  const project = join(home, 'train');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), '[train]\nexec = "node -e 0"\nconfig = ["train.py", "p.json"]\n');
    await writeFile(join(project, 'train.py'), 'lr = 0.1\n');
    await writeFile(join(project, 'p.json'), '{"opt": {"m": 0.9}}\n');
    const g = (args: string[]) => gage(args, project, home);
    assert.deepEqual(await g(['run', 'ephocs=5', '-y']), {
      code: 1,
      stdout: '',
      stderr: "gage: Unknown flag 'ephocs' for operation train\n\nUse --force-flags to record it anyway.\n",
    });
    assert.equal((await g(['run', 'lr=1', 'opt.m=0.5', '-y'])).code, 0);
    const json = JSON.parse((await g(['show', '--json'])).stdout);
    assert.deepEqual(json.config, { lr: 1, 'opt.m': 0.5 });
    assert.equal(await Deno.readTextFile(join(json.runDir, 'train.py')), 'lr = 1.0\n');
    assert.equal(await Deno.readTextFile(join(json.runDir, 'p.json')), '{"opt": {"m": 0.5}}\n');
    assert.match(json.provenance.platform.runtime, /^deno /);
    assert.match((await g(['show', '-c'])).stdout, /\| lr +\| 1\.0 +\|/);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: a failing stdout (/dev/full) is reported, and piped stdin after the answer reaches the run', async () => {
  const home = await testdir();
  const project = join(home, 'greet');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), `${GAGE_TOML}\n[echo-stdin]\nexec = "read x; echo got:$x"\n`);
    await writeFile(join(project, 'hello.cjs'), HELLO);
    await writeFile(join(project, 'config.json'), '{"name": "World"}\n');
    const piped = await gage(['run', 'echo-stdin'], project, home, 'y\nhello\n');
    assert.equal(piped.stdout, 'got:hello\n');
    try {
      await Deno.stat('/dev/full');
    } catch {
      return; // no /dev/full here
    }
    const sh = await new Deno.Command('sh', {
      args: ['-c', `"${Deno.execPath()}" run -A "${BIN}" run hello -y > /dev/full`],
      cwd: project,
      env: environment(home),
      clearEnv: true,
      stdout: 'piped',
      stderr: 'piped',
    }).output();
    assert.equal(sh.code, 1);
    assert.match(new TextDecoder().decode(sh.stderr), /^gage: cannot write to stdout: .*No space left on device/m);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: compare --json and diff --json of real runs (decision 25)', async () => {
  const home = await testdir();
  const project = join(home, 'train');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), '[train]\nexec = "node t.cjs"\nconfig = "c.json"\n');
    await writeFile(join(project, 'c.json'), '{"lr": 0.1, "epochs": 5}\n');
    await writeFile(join(project, 't.cjs'), 'const c = JSON.parse(require("fs").readFileSync("c.json", "utf8"));\nconsole.log(`loss: ${c.lr * 2}`);\n');
    const g = (args: string[]) => gage(args, project, home);
    assert.equal((await g(['run', 'lr=0.1', '-y', '-q'])).code, 0);
    assert.equal((await g(['run', 'lr=0.01', '-y', '-q'])).code, 0);

    const compare = await g(['compare', '--json', '--sort', 'loss']);
    assert.equal(compare.code, 0, compare.stderr);
    const doc = JSON.parse(compare.stdout);
    assert.deepEqual(doc.colDefs,
      ['run:name', 'run:operation', 'run:started', 'run:status', 'run:label', 'config:lr', 'metric:loss'].map((field) => ({ field })));
    assert.deepEqual(doc.rowData.map((r: Record<string, unknown>) => [r['config:lr'], r['metric:loss'], r['run:status']]), [[0.01, 0.02, 'completed'], [0.1,
      0.2, 'completed']]);

    const diff = await g(['diff', '2', '1', '--json']);
    assert.equal(diff.code, 0, diff.stderr);
    const d = JSON.parse(diff.stdout);
    assert.equal(d.sameRun, false);
    assert.deepEqual(d.config, [{ name: 'epochs', a: 5, b: 5, changed: false }, { name: 'lr', a: 0.1, b: 0.01, changed: true }]);
    assert.deepEqual(d.metrics, [{ name: 'loss', a: 0.2, b: 0.02, changed: true }]);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: 2,050 runs listed with the read-ahead worker (dist/read-ahead-worker.js)', async () => {
  const home = await testdir();
  const runs = join(home, 'runs');
  try {
    for (let i = 0; i < 2050; i++) {
      const meta = join(runs, `${(0x10000000 + i).toString(16)}-1111-4111-8111-111111111111.meta`);
      Deno.mkdirSync(join(meta, 'proc'), { recursive: true });
      Deno.writeTextFileSync(join(meta, 'opref'), '2 p train\n');
      Deno.writeTextFileSync(join(meta, 'initialized'), String(1_700_000_000_000_000 + i));
      if (i % 2 === 0) Deno.writeTextFileSync(join(meta, 'proc', 'exit'), '0');
    }
    const r = await gage(['--runs', runs, 'runs', '-a'], home, home);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const statuses = r.stdout.split('\n').map((line) => / (completed|pending) /.exec(line)?.[1]).filter((s) => s !== undefined);
    assert.equal(statuses.length, 2050);
    // Index 1 is the newest run (i = 2049, odd: pending), then they alternate.
    assert.deepEqual(statuses.slice(0, 4), ['pending', 'completed', 'pending', 'completed']);
    assert.equal(statuses.filter((s) => s === 'completed').length, 1025);
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: a batch file and a sweep multiply; --needed skips them all the second time', async () => {
  const home = await testdir();
  const project = join(home, 'greet');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), GAGE_TOML);
    await writeFile(join(project, 'hello.cjs'),
      "const { name, n } = JSON.parse(require('fs').readFileSync('config.json', 'utf8'));\nconsole.log(`Hello ${name} ${n}`);\n");
    await writeFile(join(project, 'config.json'), '{"name": "World", "n": 1}\n');
    await writeFile(join(project, 'names.csv'), '\ufeffname\r\nAda\r\nBo\r\n');
    const g = (args: string[]) => gage(args, project, home);
    assert.deepEqual(await g(['run', '-b', 'names.csv', 'n=range[1:2]', '--needed', '-y']), {
      code: 0,
      stdout: 'Hello Ada 1\nHello Ada 2\nHello Bo 1\nHello Bo 2\n',
      stderr: '',
    });
    assert.deepEqual(await g(['run', '-b', 'names.csv', 'n=range[1:2]', '--needed', '-y']), {
      code: 5,
      stdout: '',
      stderr: 'Skipped 4 runs because comparable runs exist\n',
    });
  } finally {
    await removeTree(home);
  }
});

Deno.test('the gage bin under Deno: several runs at once (-j), --background, stop', async () => {
  const home = await testdir();
  const project = join(home, 'greet');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), `${GAGE_TOML}
[nap]
exec = ["node", "-e", "console.log('ready'); setTimeout(() => {}, 600000)"]
`);
    await writeFile(join(project, 'hello.cjs'), HELLO);
    await writeFile(join(project, 'config.json'), '{"name": "World"}\n');
    const g = (args: string[], input?: string) => gage(args, project, home, input);
    const names: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      const staged = await g(['run', `name=${name}`, '--stage', '-y']);
      names.push((/Run "(.+)" is staged/.exec(staged.stdout) as RegExpExecArray)[1] as string);
    }
    const started = await g(['run', '--start', ...names, '-j', '2', '-y']);
    assert.equal(started.code, 0);
    assert.deepEqual(started.stdout.split('\n').filter((l) => l !== '').sort(), names.map((n, i) => `[${n}] Hello ${'ABC'[i]}`).sort());

    const background = await g(['run', 'nap', '--background', '-y']);
    assert.equal(background.code, 0);
    const name = (/^Run "(.+)" is running in the background\n/.exec(background.stdout) as RegExpExecArray)[1] as string;
    assert.match((await g(['runs'])).stdout, new RegExp(`${name.slice(0, 5)} +\\| nap +\\| \\S.* \\| running `));
    assert.deepEqual(await g(['stop', name, '-y']), { code: 0, stdout: '', stderr: 'Stopped 1 run\n' });
    assert.match((await g(['runs'])).stdout, new RegExp(`${name.slice(0, 5)} +\\| nap +\\| \\S.* \\| terminated `));
  } finally {
    await removeTree(home);
  }
});

Deno.test('gage submit --slurm under Deno: each task runs deno run -A <bin>, and the run completes', async () => {
  const cluster = await startSlurmCluster();
  const home = await testdir();
  const project = join(home, 'greet');
  try {
    await Deno.mkdir(project);
    await writeFile(join(project, 'gage.toml'), GAGE_TOML);
    await writeFile(join(project, 'hello.cjs'), HELLO);
    await writeFile(join(project, 'config.json'), '{"name": "World"}\n');
    const env = { SLURM_CONF: cluster.env.SLURM_CONF };
    const g = (args: string[]) => gage(['--runs', join(home, 'runs'), ...args], project, home, '', ['-A'], env);
    assert.equal((await g(['run', 'name=Slurm', '--stage', '-y'])).code, 0);
    const preview = await g(['submit', '--slurm', '-a', '--preview']);
    assert.match(preview.stdout, new RegExp(`  0\\) set -- ${Deno.execPath()} run -A ${BIN} --runs `));
    const submitted = await g(['submit', '--slurm', '-a', '-y']);
    assert.equal(submitted.code, 0, submitted.stderr);
    for (;;) {
      const [run] = JSON.parse((await g(['list', '--json'])).stdout) as { status: string; runDir: string }[];
      if (run?.status !== 'queued' && run?.status !== 'running') {
        assert.equal(run?.status, 'completed');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal((await g(['cat', '-o', '1'])).stdout, 'Hello Slurm\n');
  } finally {
    await removeTree(home);
    await cluster.stop();
  }
});
