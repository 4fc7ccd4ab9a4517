import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Io } from '../io.js';
import { runMain } from '../main.js';
import { GLOBAL_SPEC } from './global-spec.js';
import { parseArgs } from './parse-args.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gage-global-'));
  await writeFile(join(tmp, 'afile'), '');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs `gage argv` in process in `tmp`; the terminal's output and env afterwards. */
async function gage(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; env: Record<string, string | undefined> }> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end();
  const env: Record<string, string | undefined> = { COLUMNS: '80', HOME: tmp };
  const io: Io = { stdin, stdout: { write: (d) => (stdout += String(d)) }, stderr: { write: (d) => (stderr += String(d)) }, env };
  const code = await runMain(argv, io, { cwd: tmp });
  return { code, stdout, stderr, env };
}

const usage = (error: string) => `Usage: gage [options] command\nTry 'gage -h' for help.\n\nError: ${error}\n`;

describe('parseArgs(GLOBAL_SPEC)', () => {
  test('stops at the command name, which starts args with everything after it', () => {
    const g = parseArgs(GLOBAL_SPEC, ['-vv', '-Cproj', '--runs-dir=r', 'list', '-a', '--', '-C', 'x'], '');
    expect(g.options).toEqual({ version: false, directory: 'proj', runs: 'r', verbose: 2, help: false });
    expect(g.args).toEqual(['list', '-a', '--', '-C', 'x']);
  });

  test('--version and -h are eager: what follows them is not read', () => {
    expect(parseArgs(GLOBAL_SPEC, ['-v', '--version', '--bogus', 'list'], '').options).toMatchObject({ version: true, verbose: 1 });
    expect(parseArgs(GLOBAL_SPEC, ['-h', '--version'], '').options).toMatchObject({ version: false, help: true });
  });
});

describe('runMain() global options (docs/spec/cli.md 2.1)', () => {
  test('--version prints the version, -h and no command the top-level help', async () => {
    expect(await gage(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Gage \S+\n$/), stderr: '' });
    const help = await gage(['-h']);
    expect(help.stdout.split('\n').slice(0, 11)).toEqual([
      'Usage: gage [options] command',
      '',
      '  Gage: a local-first runner for ML experiments.',
      '',
      'Options:',
      '  --version                Show the version and exit.',
      '  -C PATH                  Run as if gage was started in PATH.',
      '  --runs, --runs-dir PATH  Use PATH as the runs directory.',
      '  -v, --verbose            Show more information (twice for debug output).',
      '  -h, --help               Show this message and exit.',
      '',
    ]);
    expect(await gage(['--help'])).toEqual(help);
    expect(await gage([])).toEqual(help);
    expect(await gage(['-v'])).toEqual(help);
  });

  test('an eager option wins over what follows it, not over what came before', async () => {
    expect((await gage(['--version', '-C', 'nope'])).code).toBe(0);
    expect(await gage(['-C', 'nope', '--version'])).toMatchObject({ code: 1, stderr: "gage: directory 'nope' does not exist\n" });
    expect((await gage(['-h', '--bogus'])).code).toBe(0);
    expect(await gage(['--bogus', '-h'])).toMatchObject({ code: 2, stderr: usage('No such option: --bogus') });
  });

  test('unknown options and commands, missing values', async () => {
    expect(await gage(['--bogus'])).toMatchObject({ code: 2, stdout: '', stderr: usage('No such option: --bogus') });
    expect(await gage(['-x', 'list'])).toMatchObject({ code: 2, stderr: usage('No such option: -x') });
    expect(await gage(['-1'])).toMatchObject({ code: 2, stderr: usage('No such option: -1') });
    expect(await gage(['--', 'list'])).toMatchObject({ code: 2, stderr: usage('No such option: --') });
    expect(await gage(['bogus'])).toMatchObject({ code: 2, stderr: usage("No such command 'bogus'.") });
    expect(await gage(['-'])).toMatchObject({ code: 2, stderr: usage("No such command '-'.") });
    expect(await gage(['-C'])).toMatchObject({ code: 2, stderr: usage("Option '-C' requires an argument.") });
    expect(await gage(['--runs'])).toMatchObject({ code: 2, stderr: usage("Option '--runs' requires an argument.") });
    expect(await gage(['--runs-dir'])).toMatchObject({ code: 2, stderr: usage("Option '--runs-dir' requires an argument.") });
  });

  test('-C: the directory commands start in, checked before the command', async () => {
    expect(await gage(['-C', 'nope', 'bogus'])).toMatchObject({ code: 1, stderr: "gage: directory 'nope' does not exist\n" });
    expect(await gage(['-C', 'nope'])).toMatchObject({ code: 1, stderr: "gage: directory 'nope' does not exist\n" });
    expect(await gage(['-Cafile', 'list'])).toMatchObject({ code: 1, stderr: "gage: 'afile' is not a directory\n" });
  });

  test('--runs and --runs-dir (with = too) name the runs dir, relative to -C; -v counts', async () => {
    await rm(join(tmp, 'sub'), { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(join(tmp, 'sub'));
    for (const argv of [['-C', 'sub', '--runs', 'r'], ['-Csub', '--runs=r'], ['--runs-dir', 'r', '-C', 'sub'], ['-C', 'sub', '--runs-dir=r']]) {
      const r = await gage([...argv, 'list', '-0']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.env.GAGE_RUNS).toBe(join(tmp, 'sub', 'r'));
    }
    const plain = await gage(['check', '--json']);
    const verbose = await gage(['-v', 'check', '--json']);
    expect(JSON.parse(plain.stdout).command_directory).toBeUndefined();
    expect(JSON.parse(verbose.stdout).command_directory).toBe(tmp);
    expect(JSON.parse((await gage(['--verbose', 'check', '--json'])).stdout).command_directory).toBe(tmp);
  });
});
