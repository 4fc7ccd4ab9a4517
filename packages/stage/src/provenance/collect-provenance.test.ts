// Provenance against real git repositories, real files and real helper programs (decision 18).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { delimiter, join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { git, gitRepo as repo } from '../../test/_git-repo.js';
import { collectProvenance } from './collect-provenance.js';
import { PATCH_CAP } from './_git-diff.js';

afterAll(cleanupTestdirs);

describe('collectProvenance(): git (decision 18)', () => {
  test('a clean work tree: commit, branch, remote without credentials, not dirty, no patch', async () => {
    const dir = await repo({ 'train.py': 'lr = 0.1\n' });
    git(dir, 'remote', 'add', 'origin', 'https://me:ghp_secret@github.com/o/r.git');
    const { provenance, patch, warnings } = await collectProvenance(dir);
    expect(provenance.git).toEqual({ commit: git(dir, 'rev-parse', 'HEAD'), branch: 'main', remote: 'https://github.com/o/r.git', dirty: false });
    expect(patch).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  test('a dirty tree records the patch of tracked changes; untracked files do not count', async () => {
    const dir = await repo({ 'train.py': 'lr = 0.1\n' });
    await writeFile(join(dir, 'untracked.txt'), 'x\n');
    expect((await collectProvenance(dir)).provenance.git).toMatchObject({ dirty: false });
    await writeFile(join(dir, 'train.py'), 'lr = 0.2\n');
    const { provenance, patch } = await collectProvenance(dir);
    expect(provenance.git).toMatchObject({ dirty: true,
      patch: { file: 'provenance.patch', bytes: BigInt(patch?.length ?? -1), truncated: false, cap: BigInt(PATCH_CAP) } });
    expect(patch?.toString()).toContain('-lr = 0.1\n+lr = 0.2\n');
    expect(patch?.toString()).not.toContain('untracked');
  });

  test('a patch over 1 MB is cut at the cap and marked truncated', async () => {
    const dir = await repo({ 'big.txt': 'a\n' });
    await writeFile(join(dir, 'big.txt'), 'line of text\n'.repeat(200_000));
    const { provenance, patch } = await collectProvenance(dir);
    expect(patch?.length).toBe(PATCH_CAP);
    expect(provenance.git).toMatchObject({ dirty: true, patch: { bytes: BigInt(PATCH_CAP), truncated: true } });
  });

  test('a project in a subdirectory of the work tree; a detached HEAD has no branch', async () => {
    const dir = await repo({ 'proj/train.py': 'x = 1\n', 'README': 'r\n' });
    git(dir, 'checkout', '-q', '--detach');
    const { provenance } = await collectProvenance(join(dir, 'proj'));
    expect(provenance.git).toMatchObject({ commit: git(dir, 'rev-parse', 'HEAD'), branch: null, remote: null, dirty: false });
  });

  test('a repository with no commits: commit null, staged files make it dirty, no patch, no error', async () => {
    const dir = await testdir({ 'train.py': 'x = 1\n' });
    git(dir, 'init', '-q');
    expect((await collectProvenance(dir)).provenance.git).toEqual({ commit: null, branch: 'main', remote: null, dirty: false });
    git(dir, 'add', 'train.py');
    const { provenance, warnings } = await collectProvenance(dir);
    expect(provenance.git).toEqual({ commit: null, branch: 'main', remote: null, dirty: true });
    expect(warnings).toEqual([]);
  });

  test('a corrupt repository is an error in the record and a warning, never a throw', async () => {
    const dir = await repo({ 'train.py': 'x = 1\n' });
    await writeFile(join(dir, '.git', 'HEAD'), 'garbage\n');
    const { provenance, warnings } = await collectProvenance(dir);
    expect(provenance.git).toEqual({ error: expect.stringMatching(/^fatal: /) });
    expect(warnings).toEqual([expect.stringMatching(/^Cannot read the git state of the project: fatal: /)]);
  });

  test('outside any work tree there is no git part', async () => {
    const dir = await testdir({ 'train.py': 'x = 1\n' });
    expect((await collectProvenance(dir)).provenance.git).toBeUndefined();
  });
});

describe('collectProvenance(): files, interpreter, machine', () => {
  test('lockfile digests at the project root; one that cannot be read is an error and a warning', async () => {
    const dir = await testdir({ 'requirements.txt': 'numpy==2.0\n', 'requirements-dev.txt': 'pytest\n', 'uv.lock': 'x', 'sub/poetry.lock': 'y',
      'notes.txt': 'n' });
    execFileSync('mkfifo', [join(dir, 'package-lock.json')]);
    const { provenance, warnings } = await collectProvenance(dir);
    expect(provenance.lockfiles).toEqual({
      'package-lock.json': { error: 'not a regular file' },
      'requirements-dev.txt': { sha256: sha256('pytest\n') },
      'requirements.txt': { sha256: sha256('numpy==2.0\n') },
      'uv.lock': { sha256: sha256('x') },
    });
    expect(warnings).toEqual(['Cannot read "package-lock.json" for its digest: not a regular file']);
  });

  test('the Python version when the command starts python; nothing for other commands', async () => {
    const dir = await testdir();
    const expected = execFileSync('python3', ['--version']).toString().trim();
    expect((await collectProvenance(dir, { command: ['python3', 'train.py'] })).provenance.interpreter).toEqual({ command: 'python3', version: expected });
    expect((await collectProvenance(dir, { command: 'python3 -u train.py' })).provenance.interpreter).toEqual({ command: 'python3', version: expected });
    expect((await collectProvenance(dir, { command: ['node', 'x.js'] })).provenance.interpreter).toBeUndefined();
    const missing = await collectProvenance(dir, { command: ['python3.99', 'x.py'] });
    expect(missing.provenance.interpreter).toEqual({ command: 'python3.99', error: 'program not found' });
    expect(missing.warnings).toEqual(['Cannot read the version of python3.99: program not found']);
  });

  test('platform, CPUs and memory of this machine', async () => {
    const { provenance } = await collectProvenance(await testdir());
    expect(provenance.cpus.count).toBe(BigInt(cpus().length));
    expect(provenance.memory).toBe(BigInt(totalmem()));
    expect(provenance.platform).toMatchObject({ system: 'Linux', runtime: `node ${process.versions.node}` });
  });
});

describe('collectProvenance(): GPUs through nvidia-smi', () => {
  let plain: string;
  beforeAll(async () => {
    plain = await testdir();
  });

  /** Runs `fn` with a directory holding an executable `nvidia-smi` script first on PATH. */
  async function withNvidiaSmi<T>(script: string, fn: () => Promise<T>): Promise<T> {
    const bin = await testdir();
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'nvidia-smi'), `#!/bin/sh\n${script}\n`);
    await chmod(join(bin, 'nvidia-smi'), 0o755);
    const path = process.env['PATH'];
    process.env['PATH'] = `${bin}${delimiter}${path ?? ''}`;
    try {
      return await fn();
    } finally {
      process.env['PATH'] = path;
    }
  }

  test('lists the GPUs nvidia-smi reports', async () => {
    const { provenance } = await withNvidiaSmi("echo '0, NVIDIA A100-SXM4-40GB, 40960, 550.54'", () => collectProvenance(plain));
    expect(provenance.gpus).toEqual([{ index: 0n, name: 'NVIDIA A100-SXM4-40GB', memory: 40960n, driver: '550.54' }]);
  });

  test('an nvidia-smi that hangs is stopped after 2 s: an error, a warning, staging goes on', async () => {
    const { provenance, warnings } = await withNvidiaSmi('exec sleep 30', () => collectProvenance(plain));
    expect(provenance.gpus).toEqual({ error: 'nvidia-smi did not answer within 2 s' });
    expect(warnings).toEqual(['Cannot list GPUs: nvidia-smi did not answer within 2 s']);
  });

  test('without nvidia-smi on PATH there is no gpus part', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/usr/bin:/bin';
    try {
      expect((await collectProvenance(plain)).provenance.gpus).toBeUndefined();
    } finally {
      process.env['PATH'] = path;
    }
  });
});

function sha256(text: string): string {
  return execFileSync('sha256sum', { input: text }).toString().split(' ')[0] as string;
}
