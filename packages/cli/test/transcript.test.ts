import { execFileSync } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { cpus, machine, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { formatFileSize } from '@gage/types';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage, gageBin, type GageResult } from './_helpers.js';

// The sample transcripts of docs/spec/cli.md 7, in order, on the `greet` project with
// `python3` for `python`. IDs, names and times are read back, not compared.
// In process (runMain), but for the runs with a prompt answered on a real
// stdin and the exit status of a failing run: those run the built bin.

const GAGE_TOML = `[hello]
description = """
Print a greeting.

Prints "Hello" followed by the configured name.
"""
default = true
exec = "python3 hello.py"
config = "hello.py"

[fail]
description = "Exit with status 3"
exec = "python3 -c 'raise SystemExit(3)'"
`;

const HELLO_PY = 'name = "World"\n\nprint(f"Hello {name}")\n';

const OPS = '| operation | description                                                      |\n' +
  '|-----------|------------------------------------------------------------------|\n' +
  '| fail      | Exit with status 3                                               |\n' +
  '| hello     | Print a greeting. (default)                                      |\n';

/** The runs table header at W=80; the `started` column is as wide as its longest time. */
const RUNS_HEADER = /^\| # \| name  \| operation \| started +\| status    \| description +\|$/;

let home: string;
let project: string;

beforeAll(async () => {
  home = await testdir({ 'greet/gage.toml': GAGE_TOML, 'greet/hello.py': HELLO_PY });
  project = join(home, 'greet');
});

afterAll(async () => {
  await removeTree(home);
});

const g = (args: string[], input?: string): Promise<GageResult> => gage(args, { cwd: project, home, input });
const bin = (args: string[], input?: string): Promise<GageResult> => gageBin(args, { cwd: project, home, input });

/** The cells of a runs table with the `started` column replaced by `T` when not empty. */
function runsCells(table: string): string[][] {
  const lines = table.trimEnd().split('\n');
  for (const line of lines) expect(line.length).toBe(80);
  return lines.slice(2).map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[3]) cells[3] = 'T';
    return cells;
  });
}

async function names(): Promise<string[]> {
  const r = await g(['list', '--json', '-a']);
  return (JSON.parse(r.stdout) as { name: string }[]).map((run) => run.name);
}

describe('docs/spec/cli.md 7 sample transcripts', () => {
  const ids: Record<string, string> = {};

  test('gage ops', async () => {
    expect(await g(['ops'])).toEqual({ code: 0, stdout: OPS, stderr: '' });
  });

  test('gage run (confirmed), run name=Ada -y, run hello name=Bob -l "second try" -y (the built bin)', async () => {
    expect(await bin(['run'], 'y\n')).toEqual({ code: 0, stdout: 'Hello World\n', stderr: 'You are about to run hello\n\n name  World\n\nContinue? (Y/n) \n' });
    expect(await g(['run', 'name=Ada', '-y'])).toEqual({ code: 0, stdout: 'Hello Ada\n', stderr: '' });
    expect(await g(['run', 'hello', 'name=Bob', '-l', 'second try', '-y'])).toEqual({ code: 0, stdout: 'Hello Bob\n', stderr: '' });
  });

  test('gage ls', async () => {
    const r = await g(['ls']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(RUNS_HEADER);
    const [bob, ada, world] = await names();
    expect(runsCells(r.stdout)).toEqual([
      ['1', bob?.slice(0, 5), 'hello', 'T', 'completed', 'second try name=Bob'],
      ['2', ada?.slice(0, 5), 'hello', 'T', 'completed', 'name=Ada'],
      ['3', world?.slice(0, 5), 'hello', 'T', 'completed', ''], // the default config: no flag changed anything (decision 25)
    ]);
  });

  test('gage show', async () => {
    const id = (await g(['select'])).stdout.trim();
    const name = (await g(['select', '--name'])).stdout.trim();
    ids.bob = id;
    const tomlSize = (await stat(join(project, 'gage.toml'))).size;
    const pad = (s: string) => `| ${s.padEnd(76)} |`;
    const r = await g(['show']);
    const out = r.stdout.replace(/(started|stopped)( +)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, '$1$2YYYY-MM-DD HH:MM:SS');
    expect(out).toBe(
      [
        `                      ${id}`,
        pad('greet:hello                                                        completed'),
        pad('second try'),
        '',
        '                                   Attributes',
        pad(`id         ${id}`),
        pad(`name       ${name}`),
        pad('started    YYYY-MM-DD HH:MM:SS'),
        pad('stopped    YYYY-MM-DD HH:MM:SS'),
        pad('location   ~/greet/.gage/runs'),
        pad('project    ~/greet'),
        pad('exit_code  0'),
        '',
        '                                     Config',
        pad('name  Bob'),
        '',
        // Decision 18: this machine's provenance (the project is not in a git work tree).
        '                                   Provenance',
        pad(`python3   ${execFileSync('python3', ['--version']).toString().trim()}`),
        pad(`platform  ${osType()} ${release()} ${machine()}, node ${process.versions.node}`),
        pad(`cpus      ${cpus().length} × ${cpus()[0]?.model.trim()}`),
        pad(`memory    ${formatFileSize(totalmem())}`),
        '',
        '                                     Files',
        '| name      | type        |  size |',
        '|-----------|-------------|-------|',
        `| gage.toml | source code | ${tomlSize} B |`,
        '| hello.py  | source code |  37 B |',
        ` 2 files, total ${tomlSize + 37} B`,
        '',
        '                                     Output',
        pad('Hello Bob'),
        '',
      ].join('\n'),
    );
  });

  test('gage select --name 2; gage cat -p hello.py', async () => {
    const [, ada] = await names();
    expect(await g(['select', '--name', '2'])).toEqual({ code: 0, stdout: `${ada}\n`, stderr: '' });
    expect(await g(['cat', '-p', 'hello.py'])).toEqual({ code: 0, stdout: 'name = "Bob"\n\nprint(f"Hello {name}")\n', stderr: '' });
  });

  test('gage run fail -y exits 3 (the built bin); --stage; ls; --start', async () => {
    expect(await bin(['run', 'fail', '-y'])).toEqual({ code: 3, stdout: '', stderr: '' });
    const staged = await g(['run', 'name=Cy', '--stage', '-y']);
    const [cy, fail, bob, ada, world] = await names();
    expect(staged).toEqual({ code: 0, stdout: `Run "${cy}" is staged\n\nTo start it, run 'gage run --start ${cy}'\n`, stderr: '' });
    const ls = await g(['ls']);
    expect(runsCells(ls.stdout)).toEqual([
      ['1', cy?.slice(0, 5), 'hello', '', 'staged', 'name=Cy'],
      ['2', fail?.slice(0, 5), 'fail', 'T', 'error', ''],
      ['3', bob?.slice(0, 5), 'hello', 'T', 'completed', 'second try name=Bob'],
      ['4', ada?.slice(0, 5), 'hello', 'T', 'completed', 'name=Ada'],
      ['5', world?.slice(0, 5), 'hello', 'T', 'completed', ''],
    ]);
    expect(await g(['run', '--start', (cy as string).slice(0, 5), '-y'])).toEqual({ code: 0, stdout: 'Hello Cy\n', stderr: '' });
  });

  test('label --set best 3; rm -w error -y; purge --all declined', async () => {
    expect(await g(['label', '--set', 'best', '3', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Set label for 1 run\n' });
    expect((await g(['select', '--label', ids.bob as string])).stdout).toBe('best\n');
    const fail = (await g(['select', '--name', '2'])).stdout.trim();
    expect(await g(['rm', '-w', 'error', '-y'])).toEqual({ code: 0, stdout: '', stderr: 'Deleted 1 run\n' });
    const purge = await g(['purge', '--all'], 'n\n');
    expect(purge.code).toBe(0);
    expect(purge.stdout).toBe('');
    const lines = purge.stderr.split('\n');
    expect(lines[0]).toMatch(/^\| # \| name  \| operation \| started +\| status \| description +\|$/);
    expect(runsCells(lines.slice(0, 3).join('\n'))).toEqual([['1', fail.slice(0, 5), 'fail', 'T', 'error', '']]);
    expect(lines.slice(3).join('\n')).toBe('You are about to PERMANENTLY delete 1 run. This cannot be undone.\n\nContinue? (y/N) \n');
    expect((await g(['list', '-d', '-0'])).stdout.split('\n').length).toBe(4);
  });

  test('run hi -y: unknown operation; ops without a project', async () => {
    expect(await g(['run', 'hi', '-y'])).toEqual({ code: 1, stdout: '',
      stderr: `Cannot find operation 'hi'\n\nOperations defined for this project:\n\n${OPS}` });
    const empty = join(home, 'empty');
    await mkdir(empty);
    expect(await gage(['ops'], { cwd: empty, home })).toEqual({ code: 1, stdout: '', stderr: 'gage: No operations defined for the current directory\n' });
  });
});
