// Issue 11 under Deno: checked and typed flags, nested keys, the read-back check, provenance.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, makeRun, readMetaFileSync } from '@gage/meta';
import { collectProvenance, configReadbackMismatches, parseRunFlag, readProjectConfig, resolveRunConfig, stageRun, stripUrlCredentials } from '@gage/stage';
import { jsonConfigFormat } from '@gage/stage/config-formats';
import { OpCmd, OpDef, OpRef } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';

Deno.test('flags are checked against the config and take the default type (decisions 15-17)', async () => {
  const dir = await testdir({ 'train.py': 'lr = 0.1\nname = "x"\n', 'p.yaml': 'optimizer:\n  lr: 0.05\n' });
  try {
    const defaults = await readProjectConfig(dir, OpDef('train', { config: ['train.py', 'p.yaml'] }));
    assert.deepEqual(defaults, { lr: 0.1, name: 'x', 'optimizer.lr': 0.05 });
    const config = resolveRunConfig(defaults, ['lr=1', 'name=123', 'optimizer.lr=0.2'].map(parseRunFlag), { opName: 'train' });
    assert.deepEqual(config, { lr: 1, name: '123', 'optimizer.lr': 0.2 });
    assert.throws(() => resolveRunConfig(defaults, [parseRunFlag('ephocs=5')], { opName: 'train' }), {
      code: 'ERR_GAGE_UNKNOWN_FLAG',
      message: "Unknown flag 'ephocs' for operation train",
    });
    assert.throws(() => resolveRunConfig(defaults, [parseRunFlag('lr=abc')], { opName: 'train' }), {
      code: 'ERR_GAGE_FLAG_VALUE',
      message: "Invalid value 'abc' for flag lr: expected a float",
    });
  } finally {
    await removeTree(dir);
  }
});

Deno.test('configReadbackMismatches() catches a patcher that disagrees with its reader (decision 14)', () => {
  const text = jsonConfigFormat.patch('{"x": 1}', { x: 3n }).text;
  assert.deepEqual(configReadbackMismatches([{ path: 'c.json', format: jsonConfigFormat, text, keys: ['x'] }], { x: 2n }), [
    { path: 'c.json', key: 'x', expected: 2n, actual: 3n },
  ]);
});

Deno.test('stageRun records provenance of a dirty git work tree (decision 18)', async () => {
  const dir = await testdir({ 'op.js': 'console.log(1)\n', 'uv.lock': 'lock\n' });
  const runs = await testdir();
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' }).toString().trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'init');
    await writeFile(join(dir, 'op.js'), 'console.log(2)\n');
    const run = await makeRun(runs);
    initRunMetaSync(run, OpRef('p', 'op'), OpDef('op', { exec: 'node op.js' }), {}, OpCmd(['node', 'op.js'], { API_TOKEN: 'secret' }));
    await stageRun(run, dir, { provenance: true });
    const provenance = JSON.parse(readMetaFileSync(run, 'provenance.json') as string);
    assert.equal(provenance.git.commit, git('rev-parse', 'HEAD'));
    assert.equal(provenance.git.dirty, true);
    assert.deepEqual(Object.keys(provenance.lockfiles), ['uv.lock']);
    assert.match(provenance.platform.runtime, /^deno /);
    assert.match(readMetaFileSync(run, 'provenance.patch') as string, /\+console\.log\(2\)/);
    assert.equal(await readFile(join(run.metaDir, 'proc', 'env'), 'utf8'), '{\n  "API_TOKEN": "<redacted>"\n}');
    assert.equal((await collectProvenance(runs)).provenance.git, undefined);
    assert.equal(stripUrlCredentials('https://u:p@h/r.git'), 'https://h/r.git');
  } finally {
    await removeTree(dir);
    await removeTree(runs);
  }
});
