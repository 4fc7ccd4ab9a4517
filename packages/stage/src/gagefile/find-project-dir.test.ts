import { afterAll, describe, expect, test } from '@jest/globals';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeOpref, OpRef } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { findGagefile, GAGEFILE_CANDIDATES } from './find-gagefile.js';
import { findProjectDir, PROJECT_MARKERS } from './find-project-dir.js';
import { projectNamespace } from './project-namespace.js';

afterAll(cleanupTestdirs);

describe('findProjectDir', () => {
  test('a non-empty PROJECT_DIR wins, as is', async () => {
    const dir = await testdir({ 'gage.toml': '' });
    expect(await findProjectDir(dir, { env: { PROJECT_DIR: 'some/where' } })).toBe('some/where');
    expect(await findProjectDir(dir, { env: { PROJECT_DIR: '' } })).toBe(dir);
  });

  test.each(PROJECT_MARKERS)('marker %s, as a file or a directory, makes a project dir', async (marker) => {
    const asFile = await testdir({ [marker]: '', 'a/b/c': null });
    expect(await findProjectDir(join(asFile, 'a/b/c'), { stopDir: asFile })).toBe(asFile);
    const asDir = await testdir({ [marker]: null, 'a/b': null });
    expect(await findProjectDir(join(asDir, 'a/b'), { stopDir: asDir })).toBe(asDir);
  });

  test('the nearest marker wins even without a Gage file', async () => {
    const dir = await testdir({ 'gage.toml': '[op]\n', 'sub/.git': null, 'sub/src': null });
    expect(await findProjectDir(join(dir, 'sub/src'), { stopDir: dir })).toBe(join(dir, 'sub'));
    expect(await findGagefile(join(dir, 'sub'))).toBeUndefined();
  });

  test('no marker up to the stop dir: no project', async () => {
    const dir = await testdir({ 'a/b': null, 'a/README.md': '' });
    expect(await findProjectDir(join(dir, 'a/b'), { stopDir: dir })).toBeUndefined();
  });

  test('the stop dir itself is checked', async () => {
    const dir = await testdir({ 'pyproject.toml': '', 'a': null });
    expect(await findProjectDir(join(dir, 'a'), { stopDir: dir })).toBe(dir);
  });
});

describe('projectNamespace', () => {
  test('is the base name of the real path', async () => {
    const dir = await testdir({ 'hello-proj': null });
    await symlink(join(dir, 'hello-proj'), join(dir, 'alias'));
    expect(await projectNamespace(join(dir, 'alias'))).toBe('hello-proj');
    expect(await projectNamespace(join(dir, 'hello-proj'))).toBe('hello-proj');
  });

  test('replaces whitespace with _ so that the op ref can be written', async () => {
    const dir = await testdir({ 'my project': null, 'tab\there': null });
    expect(await projectNamespace(join(dir, 'my project'))).toBe('my_project');
    expect(await projectNamespace(join(dir, 'tab\there'))).toBe('tab_here');
    expect(encodeOpref(OpRef(await projectNamespace(join(dir, 'my project')), 'train'))).toBe('2 my_project train');
  });
});

describe('findGagefile', () => {
  test('candidates in order', () => {
    expect(GAGEFILE_CANDIDATES).toEqual([
      '.gage/gage.toml',
      '.gage/gage.yaml',
      '.gage/gage.json',
      'gage.toml',
      'gage.yaml',
      'gage.json',
    ]);
  });

  test('first existing candidate wins; gage.yml is not searched', async () => {
    const dir = await testdir({ 'gage.json': '{}', 'gage.yaml': '', 'gage.yml': '' });
    expect(await findGagefile(dir)).toBe(join(dir, 'gage.yaml'));
    const hidden = await testdir({ '.gage/gage.json': '{}', 'gage.toml': '' });
    expect(await findGagefile(hidden)).toBe(join(hidden, '.gage/gage.json'));
    expect(await findGagefile(await testdir({ 'gage.yml': '' }))).toBeUndefined();
  });

  test('the path keeps the dir as written', async () => {
    const dir = await testdir({ 'gage.toml': '' });
    expect(await findGagefile(`${dir}/`)).toBe(`${dir}/gage.toml`);
    const start = process.cwd();
    process.chdir(dir);
    try {
      expect(await findGagefile('.')).toBe('./gage.toml');
    } finally {
      process.chdir(start);
    }
  });

  test('only the project dir is searched', async () => {
    const dir = await testdir({ 'gage.toml': '', sub: null });
    expect(await findGagefile(join(dir, 'sub'))).toBeUndefined();
  });
});
