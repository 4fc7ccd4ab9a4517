import { afterAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpDef } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { planConfigPatch } from './plan-config-patch.js';

afterAll(cleanupTestdirs);

describe('planConfigPatch()', () => {
  test('plans the new texts and writes nothing', async () => {
    const projectDir = await testdir({ 'say.py': 'msg = "Hi there"\nprint(msg)\n', 'other.py': 'n = 1\n' });
    const plan = await planConfigPatch(projectDir, OpDef('say', { config: '*.py' }), { msg: 'Ho there', n: 1n });
    expect(plan.files).toStrictEqual([{ path: 'say.py', oldText: 'msg = "Hi there"\nprint(msg)\n', newText: 'msg = "Ho there"\nprint(msg)\n' }]);
    expect(plan.problems).toEqual([]);
    // Only changed files are read back, with the keys written into them (decision 14).
    expect([...plan.written].map(([path, w]) => [path, w.format.name, w.keys])).toEqual([['say.py', 'python', ['msg']]]);
    expect(await readFile(join(projectDir, 'say.py'), 'utf8')).toBe('msg = "Hi there"\nprint(msg)\n');
  });

  test('combines the changes of several config objects that choose the same file', async () => {
    const projectDir = await testdir({ 'a.py': 'x = 1\ny = 2\nz = 3\n' });
    const opdef = OpDef('op', { config: [{ keys: 'a.py#x' }, { keys: 'a.py#y' }] });
    const plan = await planConfigPatch(projectDir, opdef, { x: 10n, y: 20n, z: 30n });
    expect(plan.files).toStrictEqual([{ path: 'a.py', oldText: 'x = 1\ny = 2\nz = 3\n', newText: 'x = 10\ny = 20\nz = 3\n' }]);
  });

  test('collects every value a file cannot hold as a problem', async () => {
    const projectDir = await testdir({ 'c.toml': 'a = 1\nb = "s"\n', 'c.json': '{"a": 1.5}' });
    const plan = await planConfigPatch(projectDir, OpDef('op', { config: ['c.toml', 'c.json'] }), {
      a: null,
      b: 't',
    });
    expect(plan.problems).toEqual(['"c.toml": a: cannot write null to a TOML file (TOML has no null)']);
    expect(plan.files.map((f) => [f.path, f.newText])).toEqual([['c.json', '{"a": null}'], ['c.toml', 'a = 1\nb = "t"\n']]);
  });

  test('keeps a UTF-8 byte order mark of a patched file', async () => {
    const projectDir = await testdir({ 'c.json': '\ufeff{"x": 1}\n', 'c.py': '\ufeffx = 1\n' });
    const plan = await planConfigPatch(projectDir, OpDef('op', { config: ['c.json', 'c.py'] }), { x: 2n });
    expect(plan.problems).toEqual([]);
    expect(plan.files).toStrictEqual([
      { path: 'c.json', oldText: '\ufeff{"x": 1}\n', newText: '\ufeff{"x": 2}\n' },
      { path: 'c.py', oldText: '\ufeffx = 1\n', newText: '\ufeffx = 2\n' },
    ]);
  });

  test('reports unsupported files through onWarning', async () => {
    const projectDir = await testdir({ 'a.txt': 'x = 1\n' });
    const warnings: string[] = [];
    const plan = await planConfigPatch(projectDir, OpDef('op', { config: 'a.txt' }), { x: 2n }, { onWarning: (m) => warnings.push(m) });
    expect(plan).toStrictEqual({ files: [], written: new Map(), problems: [] });
    expect(warnings).toEqual(['Unsupported file type for config file "a.txt"']);
  });
});
