import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdir, readdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { associateProject } from './associate-project.js';
import { removeAssociateProject } from './remove-associate-project.js';
import { runProjectDir } from './run-project-dir.js';
import { setMetaLogger } from '../meta-logger.js';

let tmp: string;
beforeEach(async () => {
  tmp = await realpath(await testdir());
});
afterEach(async () => {
  setMetaLogger(undefined);
  await removeTree(tmp);
});

async function refOf(runsDir: string): Promise<string> {
  return readFile(join(runsDir, 'abc.project'), 'utf8');
}

describe('associateProject()', () => {
  test.each([
    ['.runs', 'file:..'],
    ['.gage/runs', 'file:../..'],
    ['', 'file:.'],
  ])('runs dir <project>/%s inside the project writes %s', async (sub, ref) => {
    const project = join(tmp, 'project');
    const runsDir = join(project, sub);
    const run = await makeFakeRun(runsDir, 'abc');
    await associateProject(run, project);
    expect(await refOf(runsDir)).toBe(ref);
    expect(await runProjectDir(run)).toBe(project);
  });

  test('a runs dir outside the project gets the absolute path, even with a shared string prefix', async () => {
    const project = join(tmp, 'proj');
    await mkdir(project);
    const runsDir = join(tmp, 'project-runs');
    const run = await makeFakeRun(runsDir, 'abc');
    await associateProject(run, project);
    expect(await refOf(runsDir)).toBe(`file:${project}`);
    expect(await runProjectDir(run)).toBe(project);
  });

  test('a relative ref moves with the project', async () => {
    const project = join(tmp, 'project');
    const run = await makeFakeRun(join(project, '.gage', 'runs'), 'abc');
    await associateProject(run, project);
    await rename(project, join(tmp, 'moved'));
    const moved = { ...run, runDir: join(tmp, 'moved', '.gage', 'runs', 'abc') };
    expect(await runProjectDir(moved)).toBe(join(tmp, 'moved'));
  });

  test('re-associating replaces the ref atomically and leaves no temp file', async () => {
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    await associateProject(run, '/somewhere/a');
    await associateProject(run, '/somewhere/b');
    expect(await refOf(join(tmp, 'runs'))).toBe('file:/somewhere/b');
    expect((await readdir(join(tmp, 'runs'))).sort()).toEqual(['abc', 'abc.meta', 'abc.project']);
  });

  test('a relative project dir is refused with the exact message', async () => {
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    await expect(associateProject(run, 'project')).rejects.toMatchObject({
      code: 'ERR_GAGE_PROJECT_REF',
      message: 'project_dir must be absolute: "project"',
    });
  });
});

describe('runProjectDir()', () => {
  test('a run without a ref gives undefined', async () => {
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    expect(await runProjectDir(run)).toBeUndefined();
  });

  test('trailing whitespace is stripped', async () => {
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    await writeFile(join(tmp, 'runs', 'abc.project'), 'file:/x/y \n');
    expect(await runProjectDir(run)).toBe('/x/y');
  });

  test('a ref without file: warns and gives undefined', async () => {
    const warn = jest.fn<(message: string) => void>();
    setMetaLogger(warn);
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    const file = join(tmp, 'runs', 'abc.project');
    await writeFile(file, 'http://example.com/project');
    expect(await runProjectDir(run)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(`Unexpected project ref encoding in "${file}"`);
  });

  test('a relative ref to a missing dir resolves without realpath', async () => {
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    await writeFile(join(tmp, 'runs', 'abc.project'), 'file:../gone');
    expect(await runProjectDir(run)).toBe(join(tmp, 'gone'));
  });
});

describe('removeAssociateProject()', () => {
  test('removes the ref; a missing ref is fine', async () => {
    const run = await makeFakeRun(join(tmp, 'runs'), 'abc');
    await associateProject(run, '/somewhere');
    await removeAssociateProject(run);
    expect(await runProjectDir(run)).toBeUndefined();
    await removeAssociateProject(run);
  });
});
