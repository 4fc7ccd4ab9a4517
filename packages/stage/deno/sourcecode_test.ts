import assert from 'node:assert/strict';
import { chmod, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { copySourcecode, DEFAULT_SOURCECODE_PATTERNS, findGagefile, findProjectDir, isTextFile, loadGagefile, opRefFor, opRunCommand, planSourcecode,
  resolveOperation, selectConfigFiles, sourcecodePatterns, validateGagefile } from '@gage/stage';
import { removeTree, testdir } from '@gage/test-utils';

Deno.test('Gage file discovery, loading and operation resolution under Deno', async () => {
  const dir = await testdir({ 'gage.json': '// ops\n{"hello": {"exec": "node $project_dir/hello.js", "default": true}, "other": {}}\n', 'sub/x': '' });
  try {
    assert.equal(await findProjectDir(join(dir, 'sub'), { stopDir: dir }), dir);
    const path = await findGagefile(dir);
    assert.equal(path, join(dir, 'gage.json'));
    const gagefile = await loadGagefile(path as string);
    const opdef = resolveOperation(gagefile);
    assert.equal(opdef.name, 'hello');
    assert.deepEqual(opRunCommand(opdef, dir), { args: `node ${dir}/hello.js`, env: {} });
    assert.equal((await opRefFor(dir, opdef)).name, 'hello');
    assert.deepEqual(validateGagefile({ op: { 'output-summary': 123n } }).slice(0, 2), [
      "Properties ['op'] are invalid",
      "Properties ['output-summary'] are invalid",
    ]);
  } finally {
    await removeTree(dir);
  }
});

Deno.test('source code plan and copy under Deno', async () => {
  const dir = await testdir({ 'say.py': 'print(1)\n', 'venv/bin/activate': '', 'venv/x.py': '', '.git/config': '', 'conf/a.yaml': '' });
  const runDir = await testdir();
  try {
    await symlink('..', join(dir, 'conf/up'));
    await chmod(join(dir, 'say.py'), 0o755);
    assert.equal(await isTextFile(join(dir, 'say.py')), true);
    assert.deepEqual(sourcecodePatterns({ name: 'op', data: {} }), [...DEFAULT_SOURCECODE_PATTERNS]);
    const plan = await planSourcecode(dir, DEFAULT_SOURCECODE_PATTERNS);
    assert.deepEqual(plan.paths, ['conf/a.yaml', 'say.py']);
    assert.deepEqual(plan.skipped, [{ path: 'conf/up', reason: 'symlink-cycle' }]);
    await copySourcecode(plan, runDir);
    assert.equal(await readFile(join(runDir, 'say.py'), 'utf8'), 'print(1)\n');
    assert.equal((await stat(join(runDir, 'say.py'))).mode & 0o777, 0o755);
    assert.deepEqual(await selectConfigFiles(dir, ['conf/*.yaml']), ['conf/a.yaml']);
  } finally {
    await removeTree(dir);
    await removeTree(runDir);
  }
});
