import { afterAll, describe, expect, test } from '@jest/globals';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { OpDef, type JsonValue } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { readProjectConfig } from './read-project-config.js';

afterAll(cleanupTestdirs);

const MULTI_FORMAT = join(import.meta.dirname, '../../test/fixtures/staging/multi-format');

/** A fresh copy of the multi-format fixture project. */
async function multiFormatProject(): Promise<string> {
  const dir = await testdir();
  await cp(MULTI_FORMAT, dir, { recursive: true });
  return dir;
}

const MULTI_FORMAT_OPDEF = OpDef('train', {
  config: [{ keys: 'train.py' }, { keys: ['conf/*.yaml', 'conf/*.json'] }, { keys: 'train.toml#optimizer.*' }],
});

describe('readProjectConfig()', () => {
  test('reads typed defaults from Python, JSON, YAML and TOML files', async () => {
    const projectDir = await multiFormatProject();
    const warnings: string[] = [];
    const config = await readProjectConfig(projectDir, MULTI_FORMAT_OPDEF, { onWarning: (m) => warnings.push(m) });
    expect(config).toStrictEqual({
      epochs: 10n,
      lr: 0.1,
      x: 1n,
      msg: 'hi',
      batch: 32n,
      shuffle: true,
      path: 'data/train',
      layers: 3n,
      dropout: 0.5,
      'act.kind': 'relu',
      name: 'mlp',
      'optimizer.name': 'adam',
      'optimizer.lr': 0.001,
      'optimizer.beta': 0.9,
    });
    expect(warnings).toEqual([]);
  });

  test('reads the top-level names of the code cells of a notebook, like a Python file', async () => {
    const nb = { cells: [{ cell_type: 'code', metadata: {}, source: ['lr = 0.1\n', 'opts = {"act": "relu"}\n'] }], metadata: {}, nbformat: 4 };
    const projectDir = await testdir({ 'train.ipynb': JSON.stringify(nb, null, 1) });
    expect(await readProjectConfig(projectDir, OpDef('op', { config: 'train.ipynb' }))).toStrictEqual({ lr: 0.1 });
    expect(await readProjectConfig(projectDir, OpDef('op', { config: 'train.ipynb#**.*' }))).toStrictEqual({ lr: 0.1, 'opts.act': 'relu' });
  });

  test('keeps the type of each literal: bigint for integers, number for floats', async () => {
    const projectDir = await testdir({ 'c.toml': 'i = 1\nf = 1.0\ne = 1e3\nb = true\n', 'c.py': 'j = 2\ng = 2.0\n' });
    const config = await readProjectConfig(projectDir, OpDef('op', { config: ['c.toml', 'c.py'] }));
    expect(config).toStrictEqual({ j: 2n, g: 2, i: 1n, f: 1, e: 1000, b: true });
    expect(typeof config['i']).toBe('bigint');
    expect(typeof config['f']).toBe('number');
    expect(typeof config['e']).toBe('number');
    expect(typeof config['j']).toBe('bigint');
    expect(typeof config['g']).toBe('number');
  });

  test('lets later files and later config objects win', async () => {
    const projectDir = await testdir({ 'a.json': '{"v": 1, "a": 1}', 'b.yaml': 'v: 2\nb: 2\n' });
    expect(await readProjectConfig(projectDir, OpDef('op', { config: ['b.yaml', 'a.json'] }))).toStrictEqual({ v: 2n, a: 1n, b: 2n });
    expect(await readProjectConfig(projectDir, OpDef('op', { config: [{ keys: 'b.yaml' }, { keys: 'a.json' }] }))).toStrictEqual({
      v: 1n,
      a: 1n,
      b: 2n,
    });
  });

  test('chooses keys by key patterns, not tied to the file of the same entry', async () => {
    const projectDir = await testdir({
      'model.json': '{"name": "m", "opt": {"lr": 0.1, "betas": [0.9, 0.99]}}',
      'op.py': 'msg1 = "a"\nmsg2 = "b"\nx = 1\n',
    });
    const read = (config: JsonValue) => readProjectConfig(projectDir, OpDef('op', { config }));
    expect(await read('model.json#**.*')).toStrictEqual({ name: 'm', 'opt.lr': 0.1, 'opt.betas.0': 0.9, 'opt.betas.1': 0.99 });
    expect(await read('model.json#opt.*')).toStrictEqual({ 'opt.lr': 0.1 });
    expect(await read(['model.json#**.*', '-#opt.betas.*'])).toStrictEqual({ name: 'm', 'opt.lr': 0.1 });
    expect(await read(['op.py#msg1', '#msg2'])).toStrictEqual({ msg1: 'a', msg2: 'b' });
    expect(await read(['op.py', '-#x'])).toStrictEqual({ msg1: 'a', msg2: 'b' });
    expect(await read('op.py#')).toStrictEqual({});
  });

  test('warns about unsupported, invalid and non-UTF-8 files and reads the others', async () => {
    const projectDir = await testdir({
      'a.py': 'a = 1\n',
      'bad.json': '{"a": }\n',
      'latin.py': new Uint8Array([...Buffer.from('msg = "caf'), 0xe9, ...Buffer.from('"\n')]),
      'notes.txt': 'a = 2\n',
      'z.yaml': 'z: 3\n',
    });
    const warnings: string[] = [];
    const config = await readProjectConfig(projectDir, OpDef('op', { config: ['*.py', '*.json', '*.txt', '*.yaml'] }), {
      onWarning: (m) => warnings.push(m),
    });
    expect(config).toStrictEqual({ a: 1n, z: 3n });
    expect(warnings).toEqual([
      'Cannot load configuration for "bad.json": Invalid JSON syntax: Expecting value at line 1, column 7',
      'Cannot load configuration for "latin.py": not a UTF-8 text file',
      'Unsupported file type for config file "notes.txt"',
    ]);
  });

  test('never reads config files from a runs dir inside the project', async () => {
    const projectDir = await testdir({ 'a.py': 'a = 1\n', 'runs/abc/a.py': 'a = 2\nb = 2\n', 'sub/c.py': 'c = 3\n' });
    const opdef = OpDef('op', { config: '**/*.py' });
    expect(await readProjectConfig(projectDir, opdef, { runsDir: join(projectDir, 'runs') })).toStrictEqual({ a: 1n, c: 3n });
  });

  test('reads nothing for an opdef without config', async () => {
    const projectDir = await multiFormatProject();
    expect(await readProjectConfig(projectDir, OpDef('op', {}))).toStrictEqual({});
  });
});

describe('readProjectConfig(): nested keys (decision 16)', () => {
  test('a JSON, YAML or TOML file named without a pattern gives every leaf; a Python file its top-level names', async () => {
    const projectDir = await testdir({
      'p.yaml': 'optimizer:\n  lr: 0.05\n  betas: [0.9, 0.99]\nepochs: 3\n',
      't.toml': 'seed = 1\n[data]\npath = "x"\n[[layers]]\nsize = 8\n',
      'j.json': '{"a": {"b": {"c": true}}, "l": [1, [2]]}',
      'm.py': 'x = 1\nd = {"k": 2}\n',
    });
    const config = await readProjectConfig(projectDir, OpDef('op', { config: ['p.yaml', 't.toml', 'j.json', 'm.py'] }));
    expect(config).toStrictEqual({
      x: 1n,
      'a.b.c': true,
      'l.0': 1n,
      'l.1.0': 2n,
      'optimizer.lr': 0.05,
      'optimizer.betas.0': 0.9,
      'optimizer.betas.1': 0.99,
      epochs: 3n,
      seed: 1n,
      'data.path': 'x',
      'layers.0.size': 8n,
    });
  });

  test('an explicit pattern keeps its meaning: #* is top-level only', async () => {
    const projectDir = await testdir({ 'p.yaml': 'optimizer:\n  lr: 0.05\nepochs: 3\n' });
    expect(await readProjectConfig(projectDir, OpDef('op', { config: 'p.yaml#*' }))).toStrictEqual({ epochs: 3n });
  });
});
