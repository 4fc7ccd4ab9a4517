import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { COMMANDS } from '../src/command-table.js';
import { BIN, GREET, gage, gageBin, gageEnv } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let bin: string;
let script: string;
let zshScript: string;
let fishScript: string;
let zshHarness: string;
let names: string[]; // run names, newest first
let deletedName: string;

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
  const runs = join(project, '.gage', 'runs');
  await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
  await makeGreetRun(runs, project, { op: 'hello', name: 'Bob' });
  await makeGreetRun(runs, project, { op: 'fail' });
  const g = (args: string[]) => gage(args, { cwd: project, home });
  deletedName = (await g(['select', '--name', '3'])).stdout.trim();
  expect((await g(['delete', '-y', '3'])).code).toBe(0);
  names = (await g(['select', '--all', '--name'])).stdout.trim().split('\n');
  // `gage` on PATH is the built bin: what the script runs for operations, flags and runs.
  bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'gage'), `#!/bin/sh\nexec node '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'gage'), 0o755);
  const r = await gage(['completion', 'bash'], { cwd: home, home });
  expect(r.code).toBe(0);
  script = join(home, 'gage.bash');
  writeFileSync(script, r.stdout);
  zshScript = join(home, 'gage.zsh');
  writeFileSync(zshScript, (await gage(['completion', 'zsh'], { cwd: home, home })).stdout);
  fishScript = join(home, 'gage.fish');
  writeFileSync(fishScript, (await gage(['completion', 'fish'], { cwd: home, home })).stdout);
  zshHarness = join(home, 'complete.zsh');
  writeFileSync(zshHarness, ZSH_HARNESS);
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the generated function in a real bash as `complete -F` would: the
 * words of the command line split as bash splits them (at `=` too), the
 * last one being completed. Returns COMPREPLY, and the time the call took.
 */
function complete(words: string[], cwd = project, before = ''): { words: string[]; ms: number; stderr: string } {
  const code = [
    `source ${q(script)}`,
    before,
    `COMP_WORDS=(${words.map(q).join(' ')}); COMP_CWORD=${words.length - 1}`,
    'start=$(date +%s%N); _gage_complete; end=$(date +%s%N)',
    'echo "ms=$(( (end - start) / 1000000 ))"',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', code], {
    cwd,
    encoding: 'utf8',
    env: { ...gageEnv({ home }), PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  if (r.error) throw new Error(`cannot run bash (${r.error.message}): apt-get install bash`);
  expect(r.status).toBe(0);
  const [first = '', ...rest] = r.stdout.split('\n');
  return { ms: Number(first.replace('ms=', '')), words: rest.filter((l) => l !== ''), stderr: r.stderr };
}

/**
 * Loads the zsh script as `.zshrc` would (compinit, bashcompinit, `complete`),
 * then calls the completer zsh registered for `gage` (`$_comps[gage]`) with
 * `words` and `CURRENT` set as the line editor sets them. Only `compadd`, the
 * builtin that hands matches to the line editor (usable only inside a
 * completion widget), is replaced: it prints the matches. `_default` (the
 * files of `-o default`) prints `<files>`.
 */
const ZSH_HARNESS = `source "$1"; shift
compadd() {
  while (( $# )) && [[ $1 != - && $1 != -- ]]; do
    case $1 in -[PSpsiIWdJVXxrRMFQ]) shift 2 ;; *) shift ;; esac
  done
  (( $# )) && shift
  (( $# )) && print -rl -- "$@"
  return 0
}
_default() { print -r -- '<files>'; }
words=("$@"); CURRENT=$#
eval "$_comps[gage]"
`;

/** The environment of a completing shell: `gage` on PATH is the built bin, HOME a temp dir. */
function shellEnv(): Record<string, string> {
  return { ...gageEnv({ home }), PATH: `${bin}:${process.env.PATH ?? ''}` };
}

function shellMissing(shell: string, err: Error): Error {
  return new Error(`cannot run ${shell} (${err.message}): run tools/setup-system.sh, or as root: apt-get install -y --no-install-recommends ${shell}`);
}

/** Completes the last of `words` in a real zsh with the script of `gage completion zsh` (see {@link ZSH_HARNESS}). */
function zshComplete(words: string[], cwd = project): { words: string[]; stderr: string } {
  const r = spawnSync('zsh', ['-f', zshHarness, zshScript, ...words], { cwd, encoding: 'utf8', env: shellEnv() });
  if (r.error) throw shellMissing('zsh', r.error);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  return { words: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr };
}

/** Completes `line` in a real fish with the script of `gage completion fish` (`complete -C`); the candidates without descriptions. */
function fishComplete(line: string, cwd = project): string[] {
  const r = spawnSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', fishScript, line], { cwd, encoding: 'utf8', env: shellEnv() });
  if (r.error) throw shellMissing('fish', r.error);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0] as string);
}

describe('gage completion', () => {
  test('bash, zsh and fish scripts; a missing or unknown shell is a usage error', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await gage(['completion', shell], { cwd: home, home });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`# ${shell} completion for gage.`);
    }
    // The lines the scripts are made of; the tests below run them in real shells.
    const zsh = (await gage(['completion', 'zsh'], { cwd: home, home })).stdout;
    expect(zsh).toContain('\nautoload -U +X bashcompinit && bashcompinit\n_gage_complete() {\n');
    expect(zsh.endsWith('\ncomplete -o default -F _gage_complete gage\n')).toBe(true);
    const fish = (await gage(['completion', 'fish'], { cwd: home, home })).stdout.split('\n');
    for (const c of COMMANDS.filter((x) => !x.hidden)) {
      for (const name of c.names) expect(fish).toContain(`complete -c gage -n 'not __gage_command' -a '${name}' -d '${c.summary}'`);
    }
    expect(fish).toContain("complete -c gage -n '__gage_command_is list ls runs' -s n -l limit -x -d 'Number of runs to show (default 20).'");
    expect(fish).toContain("complete -c gage -n '__gage_command_is restore' -a '(__gage_runs --deleted)'");
    expect(fish).toContain("complete -c gage -n '__gage_command_is run' -a '(__gage_run_words)'");
    expect(fish).toContain("complete -c gage -n 'not __gage_command' -s C -x -a '(__fish_complete_directories)' -d 'Run as if gage was started in PATH.'");
    const none = await gage(['completion'], { cwd: home, home });
    expect(none.code).toBe(2);
    expect(none.stderr.endsWith("Error: Missing argument 'shell': one of bash, zsh, fish.\n")).toBe(true);
    const bad = await gage(['completion', 'tcsh'], { cwd: home, home });
    expect(bad.code).toBe(2);
    expect(bad.stderr.endsWith("Error: Unsupported shell 'tcsh': use one of bash, zsh, fish.\n")).toBe(true);
  });

  test('bash: commands and their aliases come from the registry; __complete is hidden', async () => {
    const visible = COMMANDS.filter((c) => !c.hidden).flatMap((c) => c.names);
    expect(complete(['gage', '']).words).toEqual(visible);
    expect(visible).toEqual(expect.arrayContaining(['help', 'completion', 'list', 'ls']));
    expect(visible).not.toContain('__complete');
    expect(complete(['gage', 'li']).words).toEqual(['list']);
    expect(complete(['gage', '-v', 'he']).words).toEqual(['help']);
    expect((await gage([], { cwd: home, home })).stdout).not.toContain('__complete');
  });

  test('bash: global options, and directories for -C', () => {
    expect(complete(['gage', '--r']).words).toEqual(['--runs', '--runs-dir']);
    expect(complete(['gage', '-C', '.ga']).words).toEqual(['.gage']);
  });

  test("bash: a command's options, help topics, shells", () => {
    expect(complete(['gage', 'ls', '--d']).words).toEqual(['--deleted']);
    expect(complete(['gage', 'select', '--']).words).toEqual(['--all', '--name', '--run-dir', '--meta-dir', '--project-dir', '--label', '--where', '--deleted',
      '--json', '--help']);
    expect(complete(['gage', 'help', 's']).words).toEqual(['scalars', 'select-runs', 'sweeps']);
    expect(complete(['gage', 'completion', '']).words).toEqual(['bash', 'zsh', 'fish']);
  });

  test('bash: operations and the default operation flags after run; the flags of a named operation', () => {
    expect(complete(['gage', 'run', '']).words).toEqual(['fail', 'hello', 'name=']);
    expect(complete(['gage', 'run', 'h']).words).toEqual(['hello']);
    expect(complete(['gage', 'run', '-y', 'hello', '']).words).toEqual(['name=']);
    expect(complete(['gage', 'run', 'hello', 'n']).words).toEqual(['name=']);
    // bash splits `name=Ada` into three words: a value is not completed, and the operation is still to come.
    expect(complete(['gage', 'run', 'hello', 'name', '=', '']).words).toEqual([]);
    expect(complete(['gage', 'run', 'name', '=', 'Ada', '']).words).toEqual(['fail', 'hello', 'name=']);
    expect(complete(['gage', 'run', '-l', 'x', 'fail', '']).words).toEqual([]);
  });

  test('bash: run names for commands that take runs (trash for restore), from -C and --runs too', () => {
    expect(names.length).toBe(2);
    expect(complete(['gage', 'show', '']).words).toEqual(names);
    expect(complete(['gage', 'rm', (names[1] as string).slice(0, 3)]).words).toEqual([names[1]]);
    expect(complete(['gage', 'restore', '']).words).toEqual([deletedName]);
    expect(complete(['gage', 'list', '-d', '']).words).toEqual([deletedName]);
    expect(complete(['gage', 'run', '--start', '']).words).toEqual(names);
    expect(complete(['gage', '-C', project, 'cat', ''], home).words).toEqual(names);
    expect(complete(['gage', '--runs', join(project, '.gage', 'runs'), 'diff', ''], home).words).toEqual(names);
  });

  test('bash: the same question within seconds is answered from the shell, not asked again', () => {
    // The first completion asks gage; then `gage` on PATH stops working, and the second TAB still lists the runs.
    const first = `COMP_WORDS=(gage show ''); COMP_CWORD=2; _gage_complete; gage() { return 1; }; PATH=/nonexistent; COMPREPLY=()`;
    expect(complete(['gage', 'show', ''], project, first).words).toEqual(names);
    const otherQuestion = `COMP_WORDS=(gage show ''); COMP_CWORD=2; _gage_complete; PATH=/nonexistent; COMPREPLY=()`;
    expect(complete(['gage', 'restore', ''], project, otherQuestion).words).toEqual([]);
  });

  test('bash: in a directory without a project, nothing and no error', () => {
    for (const words of [['gage', 'run', ''], ['gage', 'run', 'x', ''], ['gage', 'show', '']]) {
      expect(complete(words, home)).toMatchObject({ words: [], stderr: '' });
    }
  });

  test('bash: a completion that asks gage for run names, timed', () => {
    const times = [0, 1, 2].map(() => complete(['gage', 'show', '']).ms);
    // Not a limit (noisy machines): the time is reported for docs/spec/cli.md 5.21.
    process.stdout.write(`one completion of run names: ${times.join(', ')} ms\n`);
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
  });
});

describe('gage completion zsh, in a real zsh', () => {
  test('commands, aliases, options, topics and shells', () => {
    const visible = COMMANDS.filter((c) => !c.hidden).flatMap((c) => c.names);
    expect(zshComplete(['gage', '']).words).toEqual(visible);
    expect(zshComplete(['gage', 'li']).words).toEqual(['list']);
    expect(zshComplete(['gage', '--r']).words).toEqual(['--runs', '--runs-dir']);
    expect(zshComplete(['gage', 'ls', '--d']).words).toEqual(['--deleted']);
    expect(zshComplete(['gage', 'help', 's']).words).toEqual(['scalars', 'select-runs', 'sweeps']);
    expect(zshComplete(['gage', 'completion', '']).words).toEqual(['bash', 'zsh', 'fish']);
  });

  test('operations and flags; zsh keeps name=value one word', () => {
    expect(zshComplete(['gage', 'run', '']).words).toEqual(['fail', 'hello', 'name=']);
    expect(zshComplete(['gage', 'run', 'hello', 'n']).words).toEqual(['name=']);
    expect(zshComplete(['gage', 'run', 'name=Ada', '']).words).toEqual(['fail', 'hello', 'name=']);
    // A flag's value is not completed: files, as -o default gives them.
    expect(zshComplete(['gage', 'run', 'hello', 'name=']).words).toEqual(['<files>']);
  });

  test('run names, the trash, -C', () => {
    expect(zshComplete(['gage', 'show', '']).words).toEqual(names);
    expect(zshComplete(['gage', 'restore', '']).words).toEqual([deletedName]);
    expect(zshComplete(['gage', 'run', '--start', '']).words).toEqual(names);
    expect(zshComplete(['gage', '-C', project, 'cat', ''], home).words).toEqual(names);
  });

  test('in a directory without a project: files, no error', () => {
    expect(zshComplete(['gage', 'show', ''], home)).toEqual({ words: ['<files>'], stderr: '' });
  });
});

describe('gage completion fish, in a real fish', () => {
  test('commands with their summaries, options, topics and shells', () => {
    expect(fishComplete('gage li')).toEqual(['list']);
    expect(fishComplete('gage ru')).toEqual(['run', 'runs']);
    expect(fishComplete('gage ls --d')).toEqual(['--deleted']);
    expect(fishComplete('gage help s')).toEqual(['scalars', 'select-runs', 'sweeps']);
    expect(fishComplete('gage completion ')).toEqual(['bash', 'fish', 'zsh']);
    const r = spawnSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', fishScript, 'gage li'], { cwd: project, encoding: 'utf8',
      env: shellEnv() });
    expect(r.stdout).toBe('list\tList runs.\n');
  });

  test('operations and flags (fish sorts them)', () => {
    expect(fishComplete('gage run ')).toEqual(['fail', 'hello', 'name=']);
    expect(fishComplete('gage run hello n')).toEqual(['name=']);
    expect(fishComplete('gage run name=Ada ')).toEqual(['fail', 'hello', 'name=']);
    expect(fishComplete('gage run -y hello ')).toEqual(['name=']);
  });

  test('run names, the trash, -C and --runs', () => {
    const sorted = [...names].sort();
    expect(fishComplete('gage show ')).toEqual(sorted);
    expect(fishComplete('gage restore ')).toEqual([deletedName]);
    expect(fishComplete('gage ls -d ')).toEqual([deletedName]);
    expect(fishComplete(`gage -C ${project} cat `, home)).toEqual(sorted);
    expect(fishComplete(`gage --runs ${join(project, '.gage', 'runs')} diff `, home)).toEqual(sorted);
  });

  test('in a directory without a project: nothing, no error', () => {
    expect(fishComplete('gage show ', home)).toEqual([]);
    expect(fishComplete('gage run ', home)).toEqual([]);
  });
});

describe('gage __complete', () => {
  test('operations, flags and runs, one per line; nothing where there is nothing', async () => {
    const g = (args: string[], cwd = project) => gage(['__complete', ...args], { cwd, home });
    expect(await g(['operations'])).toEqual({ code: 0, stdout: 'fail\nhello\n', stderr: '' });
    expect(await g(['flags'])).toEqual({ code: 0, stdout: 'fail\nhello\nname=\n', stderr: '' });
    expect(await g(['flags', 'fail'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await g(['flags', 'nope'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await g(['runs'])).toEqual({ code: 0, stdout: `${names.join('\n')}\n`, stderr: '' });
    expect(await g(['runs', '--deleted'])).toEqual({ code: 0, stdout: `${deletedName}\n`, stderr: '' });
    expect(await g(['operations'], home)).toEqual({ code: 0, stdout: '', stderr: '' });
    const broken = await testdir({ 'gage.toml': '[op\n' });
    try {
      expect(await g(['flags'], broken)).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      await removeTree(broken);
    }
    expect((await g(['bogus'])).code).toBe(2);
  });

  test('the built bin answers from its completion entry exactly as runMain does, usage errors included', async () => {
    const cases = [['operations'], ['flags'], ['flags', 'hello'], ['runs'], ['runs', '-d'], ['bogus'], ['runs', 'x', 'y', 'z']];
    for (const args of cases) {
      for (const argv of [['__complete', ...args], ['-C', project, '--runs', join(project, '.gage', 'runs'), '__complete', ...args]]) {
        expect(await gageBin(argv, { cwd: project, home })).toEqual(await gage(argv, { cwd: project, home }));
      }
    }
    expect(await gageBin(['-C', 'nope', '__complete', 'runs'], { cwd: project, home })).toMatchObject({ code: 1,
      stderr: "gage: directory 'nope' does not exist\n" });
  });
});
