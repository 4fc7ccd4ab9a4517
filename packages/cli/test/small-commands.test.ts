import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { lockRun } from '@gage/meta';
import type { Run } from '@gage/types';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';
import { GAGE_VERSION } from '../src/main.js';

let project: string;
let home: string;
let runs: string;
let run: Run;

const g = (args: string[], input?: string, env?: Record<string, string>) => gage(['--runs', runs, ...args], { cwd: project, home, input, env });

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  run = await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage associate', () => {
  test('removes and writes the project reference', async () => {
    const projectDir = () => g(['select', '--project-dir']).then((r) => r.stdout.trim());
    expect(await projectDir()).toBe(realpathSync(project));
    expect(await g(['associate', '1', '--remove'])).toEqual({ code: 0, stdout: `Removed project association for "${run.id}"\n`, stderr: '' });
    expect(await projectDir()).toBe('');
    expect(await g(['associate', '1', '.'])).toEqual({ code: 0, stdout: `Associated "${run.id}" with ${project}\n`, stderr: '' });
    expect(await projectDir()).toBe(realpathSync(project));
    expect(await readFile(`${run.runDir}.project`, 'utf8')).toBe(`file:${project}`);
  });

  test('errors: no project, a project dir that does not exist, no run', async () => {
    expect(await g(['associate', '1'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: Argument 'project' is required unless '--remove' is used.\n\nTry 'gage associate -h' for help.\n" });
    expect(await g(['associate', '1', 'nope'])).toEqual({ code: 1, stdout: '',
      stderr: 'gage: Project directory "nope" does not exist or is not a directory\n' });
    expect((await g(['associate'])).code).toBe(2);
    expect((await g(['associate', 'zzz', '.'])).stderr).toMatch(/^gage: No runs match 'zzz'/);
  });
});

describe('gage util purge-run-files', () => {
  test('gage util alone prints its help', async () => {
    const r = await g(['util']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: gage util COMMAND \[ARGS\]\.\.\.\n[\s\S]*purge-run-files/);
  });

  test('preview, prompt, --confirm, no match', async () => {
    expect(await g(['util', 'purge-run-files'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: Specify a run or use '--all'.\n\nTry 'gage util purge-run-files -h' for additional help.\n" });
    expect(await g(['util', 'purge-run-files', '--all'])).toEqual({ code: 1, stdout: '',
      stderr: "gage: Specify at least one file pattern using '-f / --files'\n" });
    const preview = await g(['util', 'purge-run-files', '-a', '-f', 'config.*', '--preview']);
    expect(preview).toEqual({
      code: 0,
      stdout: '',
      stderr: `| ${'Run'.padEnd(run.name.length)} | Path        | Matching Pattern |\n|${'-'.repeat(run.name.length + 2)}|-------------|------------------|\n` +
        `| ${run.name} | config.json | config.*         |\n| ${run.name} | hello.cjs   | <no match>       |\n`,
    });
    expect((await g(['util', 'purge-run-files', '1', '-f', 'hello.*', '-f', '?onfig.*', '--preview'])).stderr).toContain(
      `| ${run.name} | config.json | ?onfig.*         |`,
    );
    const declined = await g(['util', 'purge-run-files', '-a', '-f', '*.cjs'], 'n\n');
    expect(declined.stderr).toMatch(
      new RegExp(
        `^\\| Run +\\| Path +\\| +Size \\|\\n.*\\n\\| ${run.name} \\| hello\\.cjs \\| +\\d+ B \\|\\nYou are about to permanently delete 1 file\\(s\\)\\.\\n\\nContinue\\? \\(y/N\\) \\n$`,
      ),
    );
    expect((await readdir(run.runDir)).sort()).toEqual(['config.json', 'hello.cjs']);
    expect(await g(['util', 'purge-run-files', '-a', '-f', '*', '--confirm', 'I agree'])).toEqual({ code: 0, stdout: '', stderr: 'Deleted 2 file(s)\n' });
    expect(await readdir(run.runDir)).toEqual([]);
    expect(await g(['util', 'purge-run-files', '-a', '-f', '*', '--confirm', 'I agree'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: No files matched the specified patterns\nUse '--preview' to show pattern match details.\n",
    });
  });

  test('a run in use keeps its files', async () => {
    const lock = await lockRun(run);
    try {
      const r = await g(['util', 'purge-run-files', '-a', '-f', '*', '--confirm', 'I agree']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is in use by another process');
    } finally {
      await lock.release();
    }
    expect(await readdir(run.runDir)).toHaveLength(2);
  });
});

describe('gage check --version', () => {
  test('a match is silent; a mismatch and an invalid spec are errors', async () => {
    expect(GAGE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(await g(['check', '--version', GAGE_VERSION])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await g(['check', '--version', '>=0.0.0-0'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await g(['check', '--version', '>=999'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `gage: Version mismatch: current version '${GAGE_VERSION}' does not match '>=999'\n`,
    });
    expect(await g(['check', '--version', 'not a version!'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "gage: Invalid version spec 'not a version!': not a version or a semver range\n\nUse a version ('0.2.0') or a range ('>=0.2', '^1.0', '>=0.2 <2', '1.x').\n",
    });
    expect((await g(['check', '--version', '1', '.'])).stderr).toBe("version and path cannot be used together.\n\nTry 'gage check -h' for help.\n");
  });
});

describe('gage open', () => {
  /** A program that records its arguments in `<home>/args.json` and exits with `code`. */
  async function recorder(code = 0): Promise<string> {
    const path = join(home, 'record.cjs');
    await writeFile(path,
      `require('fs').writeFileSync(${JSON.stringify(join(home, 'args.json'))}, JSON.stringify(process.argv.slice(2))); process.exit(${code});\n`);
    await chmod(path, 0o755);
    return `node ${path}`;
  }
  const recorded = async () => JSON.parse(await readFile(join(home, 'args.json'), 'utf8')) as string[];

  test('--cmd gets the run dir, a path in it, or the meta dir; its exit code is passed through', async () => {
    expect(await g(['open', '--cmd', `${await recorder()} --flag 'two words'`])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await recorded()).toEqual(['--flag', 'two words', run.runDir]);
    await g(['open', '-c', await recorder(), '-p', 'hello.cjs', '1']);
    expect(await recorded()).toEqual([join(run.runDir, 'hello.cjs')]);
    await g(['open', '-c', await recorder(), '--meta', '-p', 'opref']);
    expect(await recorded()).toEqual([join(run.metaDir, 'opref')]);
    expect((await g(['open', '-c', await recorder(3)])).code).toBe(3);
  });

  test('errors: no display or opener, a path outside or missing, a missing program', async () => {
    const noDisplay = await g(['open'], '', { PATH: '/nonexistent' });
    expect(noDisplay.code).toBe(1);
    expect(noDisplay.stderr).toBe(
      `gage: Cannot open "${run.runDir}": there is no opener (xdg-open is not installed)\n\nName a program with '--cmd', e.g. 'gage open --cmd ls' (or '--cmd code' for an editor).\n`,
    );
    const bin = join(home, 'bin');
    await (await import('node:fs/promises')).mkdir(bin);
    await writeFile(join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n');
    await chmod(join(bin, 'xdg-open'), 0o755);
    expect((await g(['open'], '', { PATH: bin })).stderr).toBe(
      `gage: Cannot open "${run.runDir}": there is no display (DISPLAY and WAYLAND_DISPLAY are not set)\n\nName a program with '--cmd', e.g. 'gage open --cmd ls' (or '--cmd code' for an editor).\n`,
    );
    expect((await g(['open'], '', { PATH: bin, DISPLAY: ':0' })).code).toBe(0);
    expect((await g(['open', '-c', 'true', '-p', '../x'])).stderr).toMatch(/^gage: Cannot open "\.\.\/x": it leads outside the run directory/);
    expect((await g(['open', '-c', 'true', '-p', 'nope.txt'])).stderr).toBe(
      `gage: Cannot open "${join(run.runDir, 'nope.txt')}": it does not exist\n\nUse 'gage show --files ${run.name}' to show run files.\n`,
    );
    expect((await g(['open', '-c', 'no-such-program-xyz'])).stderr).toBe(
      "gage: Cannot run 'no-such-program-xyz': it is not installed (not on PATH)\n\nName another program with '--cmd'.\n",
    );
  });
});
