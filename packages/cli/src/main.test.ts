import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { setMetaLogger } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';
import type { Io } from './io.js';
import { runMain } from './main.js';

let out = '';
let err = '';
let io: Io;
let tmp: string;

beforeEach(async () => {
  out = '';
  err = '';
  const stdin = new PassThrough();
  stdin.end();
  io = { stdin, stdout: { write: (d) => (out += String(d)) }, stderr: { write: (d) => (err += String(d)) }, env: { COLUMNS: '80' } };
  tmp = await testdir();
});

afterEach(async () => {
  await removeTree(tmp);
});

describe('runMain()', () => {
  test('--version prints Gage <version>', async () => {
    expect(await runMain(['--version'], io)).toBe(0);
    expect(out).toMatch(/^Gage \S+\n$/);
  });

  test('no command and --help print the top-level help', async () => {
    expect(await runMain([], io)).toBe(0);
    expect(out.startsWith('Usage: gage [options] command\n')).toBe(true);
    expect(out).toContain('  delete, del, rm ');
    expect(out).toContain('  list, ls, runs ');
    expect(out).toContain('  operations, ops ');
    const help = out;
    out = '';
    expect(await runMain(['-h'], io)).toBe(0);
    expect(out).toBe(help);
  });

  test('an unknown global option is a usage error (exit 2)', async () => {
    expect(await runMain(['--bogus'], io)).toBe(2);
    expect(err).toBe("Usage: gage [options] command\nTry 'gage -h' for help.\n\nError: No such option: --bogus\n");
  });

  test('an unknown command is a usage error (exit 2)', async () => {
    expect(await runMain(['bogus'], io)).toBe(2);
    expect(err).toBe("Usage: gage [options] command\nTry 'gage -h' for help.\n\nError: No such command 'bogus'.\n");
  });

  test('-C with a missing directory or a file', async () => {
    expect(await runMain(['-C', 'nope', 'list'], io, { cwd: tmp })).toBe(1);
    expect(err).toBe("gage: directory 'nope' does not exist\n");
    err = '';
    await writeFile(join(tmp, 'f'), '');
    expect(await runMain(['-C', 'f', 'list'], io, { cwd: tmp })).toBe(1);
    expect(err).toBe("gage: 'f' is not a directory\n");
  });

  test('~ in -C and --runs and the default runs dir are the HOME of io.env, not of this process', async () => {
    io.env.HOME = tmp;
    expect(await runMain(['-C', '~', '--runs', '~/r', 'check', '-v', '--json'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ command_directory: tmp, runs_directory: join(tmp, 'r') });
    out = '';
    io.env = { COLUMNS: '80', HOME: tmp }; // runMain set GAGE_RUNS in io.env (for the run's processes, docs/spec/cli.md 2.1)
    expect(await runMain(['check', '-v', '--json'], io, { cwd: tmp })).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ project_directory: '<none>', runs_directory: join(tmp, '.gage', 'runs') });
  });

  test('the warnings of @gage/meta go to io.stderr during the command only', async () => {
    const warnings: string[] = [];
    const mine = (message: string) => warnings.push(message);
    setMetaLogger(mine);
    try {
      expect(await runMain(['--runs', tmp, 'list'], io)).toBe(0);
      expect(setMetaLogger(undefined)).toBe(mine);
    } finally {
      setMetaLogger(undefined);
    }
  });

  test('a missing global option value is a usage error', async () => {
    expect(await runMain(['--runs'], io)).toBe(2);
    expect(err).toContain("Error: Option '--runs' requires an argument.\n");
  });
});
