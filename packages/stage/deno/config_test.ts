import assert from 'node:assert/strict';
import { loadConfigFormat, parseFlagAssigns } from '@gage/stage';
import { formatPatchedDiff, notebookConfigFormat, patchPythonConfig, pythonConfigFormat, readPythonConfig, tomlConfigFormat } from '@gage/stage/config-formats';

Deno.test('patchPythonConfig() and formatPatchedDiff() give the seed log/patched', () => {
  const oldText = 'msg = "Hi there"\nprint(msg)\n';
  const newText = patchPythonConfig(oldText, { msg: 'Ho there' });
  assert.equal(newText, 'msg = "Ho there"\nprint(msg)\n');
  assert.equal(
    formatPatchedDiff([{ path: 'say.py', oldText, newText }]),
    '--- say.py\n+++ say.py\n@@ -1,2 +1,2 @@\n-msg = "Hi there"\n+msg = "Ho there"\n print(msg)\n',
  );
});

Deno.test('readPythonConfig() keeps integers and floats apart', () => {
  assert.deepEqual(readPythonConfig('x = 1\ny = 1.0\nl = [True]\n').values, { x: 1n, y: 1.0, 'l.0': true });
  assert.deepEqual(pythonConfigFormat.patch('y = 1.0\n', { y: 2n }), { text: 'y = 2\n', warnings: [] });
});

Deno.test('parseFlagAssigns() types flag values', () => {
  assert.deepEqual(parseFlagAssigns(['a=1', 'b=1.0', 'c=0x10', "d='x y'", 'a=2']), { a: 2n, b: 1.0, c: '0x10', d: 'x y' });
});

Deno.test('loadConfigFormat() gives the formats of @gage/stage/config-formats', async () => {
  assert.equal(await loadConfigFormat('python'), pythonConfigFormat);
  const toml = await loadConfigFormat('toml');
  assert.equal(toml, tomlConfigFormat);
  assert.deepEqual(toml.read('[train]\nlr = 0.1\n'), { 'train.lr': 0.1 });
});

Deno.test('notebookConfigFormat reads and patches the code cells of a notebook', async () => {
  assert.equal(await loadConfigFormat('notebook'), notebookConfigFormat);
  const nb = '{"cells": [{"cell_type": "code", "source": ["%pip install x\\n", "lr = 0.1\\n"]}], "nbformat": 4}';
  assert.deepEqual(notebookConfigFormat.read(nb), { lr: 0.1 });
  assert.equal(notebookConfigFormat.patch(nb, { lr: 2n }).text, nb.replace('lr = 0.1', 'lr = 2'));
});
