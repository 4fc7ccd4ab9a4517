import { afterAll, describe, expect, test } from '@jest/globals';
import { chmod, cp, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, makeRun, readFilesLogSync, readMetaFileSync, runMetaPath, runStatus } from '@gage/meta';
import { OpCmd, OpDef, OpRef, type Config, type JsonObject, type Run } from '@gage/types';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { applyConfig } from './apply-config.js';
import { readProjectConfig } from './read-project-config.js';
import { stageRun } from './stage-run.js';
import { stageSourcecode } from './stage-sourcecode.js';

afterAll(cleanupTestdirs);

const MULTI_FORMAT = join(import.meta.dirname, '../../test/fixtures/staging/multi-format');
const MULTI_FORMAT_FILES = ['conf/data.yaml', 'conf/model.json', 'notes.txt', 'train.py', 'train.toml'];
const MULTI_FORMAT_CONFIG: JsonObject = {
  config: [{ keys: 'train.py' }, { keys: ['conf/*.yaml', 'conf/*.json'] }, { keys: 'train.toml#optimizer.*' }],
};

async function multiFormatProject(): Promise<string> {
  const dir = await testdir();
  await cp(MULTI_FORMAT, dir, { recursive: true });
  return dir;
}

async function initRun(data: JsonObject, config: Config): Promise<Run> {
  const run = await makeRun(await testdir());
  initRunMetaSync(run, OpRef('test', 'train'), OpDef('train', data), config, OpCmd(['node', 'op.js'], {}));
  return run;
}

/** Run config as the CLI builds it (docs/spec/stage.md 5.10): project defaults overlaid with flags. */
async function runConfig(projectDir: string, data: JsonObject, flags: Config): Promise<Config> {
  return { ...(await readProjectConfig(projectDir, OpDef('train', data))), ...flags };
}

async function expectSameFiles(dirA: string, dirB: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) expect(await readFile(join(dirA, path))).toEqual(await readFile(join(dirB, path)));
}

const MULTI_FORMAT_PATCHED = [
  '--- conf/data.yaml',
  '+++ conf/data.yaml',
  '@@ -1,4 +1,4 @@',
  ' # Data settings',
  '-batch: 32   # per step',
  '+batch: 64   # per step',
  ' shuffle: true',
  "-path: 'data/train'",
  "+path: 'data/full'",
  '--- conf/model.json',
  '+++ conf/model.json',
  '@@ -1,5 +1,5 @@',
  ' {',
  '-  "layers": 3,',
  '+  "layers": 4,',
  '   "dropout": 0.5,',
  '   "name": "mlp",',
  '   "act": {"kind": "relu"}',
  '--- train.py',
  '+++ train.py',
  '@@ -1,6 +1,6 @@',
  ' # Training script',
  '-epochs = 10  # number of epochs',
  '+epochs = 20  # number of epochs',
  ' lr = 0.1',
  '-x = 1',
  '+x = 2.0',
  " msg = 'hi'",
  ' print(epochs, lr, x, msg)',
  '--- train.toml',
  '+++ train.toml',
  '@@ -1,7 +1,7 @@',
  ' # Optimizer settings',
  ' [optimizer]',
  '-name = "adam"  # the optimizer',
  '-lr = 0.001',
  '+name = "sgd"  # the optimizer',
  '+lr = 0.01',
  ' beta = 0.9',
  ' ',
  ' [other]',
  '',
].join('\n');

describe('applyConfig() in stageRun()', () => {
  test('patches only changed values in every format and writes log/patched sorted by path', async () => {
    const projectDir = await multiFormatProject();
    const flags: Config = {
      epochs: 20n,
      x: 2.0,
      batch: 64n,
      path: 'data/full',
      layers: 4n,
      'optimizer.name': 'sgd',
      'optimizer.lr': 0.01,
      'other.seed': 5n,
      extra: 'not in any file',
    };
    const config = await runConfig(projectDir, MULTI_FORMAT_CONFIG, flags);
    const run = await initRun(MULTI_FORMAT_CONFIG, config);
    const warnings: string[] = [];
    await stageRun(run, projectDir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(readMetaFileSync(run, 'log/patched')).toBe(MULTI_FORMAT_PATCHED);
    expect((await stat(runMetaPath(run, 'log', 'patched'))).mode & 0o222).toBe(0);
    expect(await readFile(join(run.runDir, 'train.toml'), 'utf8')).toBe(
      '# Optimizer settings\n[optimizer]\nname = "sgd"  # the optimizer\nlr = 0.01\nbeta = 0.9\n\n[other]\nseed = 1\n',
    );
    // Keys unknown to every file stay in config.json and are applied nowhere.
    const configJson = readMetaFileSync(run, 'config.json') ?? '';
    expect(configJson).toContain('"extra": "not in any file"');
    expect(configJson).toContain('"other.seed": 5');
    for (const path of MULTI_FORMAT_FILES) {
      expect(await readFile(join(run.runDir, path), 'utf8')).not.toContain('not in any file');
    }
    // The project is untouched.
    const pristine = await multiFormatProject();
    await expectSameFiles(projectDir, pristine, MULTI_FORMAT_FILES);
    expect(await runStatus(run)).toBe('staged');
  });

  test('writes an empty log/patched and leaves the copies byte-identical when nothing changes', async () => {
    const projectDir = await multiFormatProject();
    const run = await initRun(MULTI_FORMAT_CONFIG, await runConfig(projectDir, MULTI_FORMAT_CONFIG, { lr: 0.1, layers: 3n }));
    await stageRun(run, projectDir);
    expect(readMetaFileSync(run, 'log/patched')).toBe('');
    await expectSameFiles(run.runDir, projectDir, MULTI_FORMAT_FILES);
  });

  test('keeps integers and floats apart', async () => {
    const projectDir = await testdir({
      'c.py': 'x = 1\ny = 1.0\nz = 2\n',
      'c.toml': 'x = 1\ny = 1.5\n',
      'c.json': '{"x": 1, "y": 1e-05}',
      'c.yaml': 'x: 1\ny: 0.5\n',
    });
    const data: JsonObject = { config: ['c.*'] };
    const run = await initRun(data, { x: 2.0, y: 2n, z: 2n });
    await stageRun(run, projectDir);
    const read = (path: string) => readFile(join(run.runDir, path), 'utf8');
    expect(await read('c.py')).toBe('x = 2.0\ny = 2\nz = 2\n');
    expect(await read('c.toml')).toBe('x = 2.0\ny = 2\n');
    expect(await read('c.json')).toBe('{"x": 2.0, "y": 2}');
    expect(await read('c.yaml')).toBe('x: 2.0\ny: 2\n');
    // 1 and 1.0 differ (decision 6): a float over an equal integer still changes the file.
    const run2 = await initRun(data, { x: 1.0 });
    await stageRun(run2, projectDir);
    expect(await readFile(join(run2.runDir, 'c.py'), 'utf8')).toBe('x = 1.0\ny = 1.0\nz = 2\n');
    expect(readMetaFileSync(run2, 'log/patched')).toContain('--- c.json\n+++ c.json\n@@ -1 +1 @@\n-{"x": 1, "y": 1e-05}\n+{"x": 1.0, "y": 1e-05}\n');
  });

  test('keeps byte order marks and CRLF line endings of patched files', async () => {
    const projectDir = await testdir({
      'c.json': '\ufeff{\r\n  "a": 1\r\n}\r\n',
      'c.py': '\ufeffa = 1\r\nb = 2\r\n',
      'c.toml': 'a = 1\r\nb = 2\r\n',
      'c.yaml': '\ufeffa: 1\r\nb: 2\r\n',
    });
    const run = await initRun({ config: 'c.*' }, { a: 5n });
    await stageRun(run, projectDir);
    const read = (path: string) => readFile(join(run.runDir, path));
    expect(await read('c.json')).toEqual(Buffer.from('\ufeff{\r\n  "a": 5\r\n}\r\n'));
    expect(await read('c.py')).toEqual(Buffer.from('\ufeffa = 5\r\nb = 2\r\n'));
    expect(await read('c.toml')).toEqual(Buffer.from('a = 5\r\nb = 2\r\n'));
    expect(await read('c.yaml')).toEqual(Buffer.from('\ufeffa: 5\r\nb: 2\r\n'));
    expect((await read('c.py')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await readProjectConfig(projectDir, OpDef('train', { config: 'c.*' }))).toStrictEqual({ a: 1n, b: 2n });
  });

  test('warns about unsupported, invalid and non-UTF-8 config files, skips them and patches the rest', async () => {
    const latin = new Uint8Array([...Buffer.from('msg = "caf'), 0xe9, ...Buffer.from('"\n')]);
    const projectDir = await testdir({ 'a.py': 'a = 1\n', 'bad.json': '{"a": }\n', 'latin.py': latin, 'notes.txt': 'a = 2\n' });
    const run = await initRun({ config: ['*.py', '*.json', '*.txt'] }, { a: 3n, msg: 'tea' });
    const warnings: string[] = [];
    await stageRun(run, projectDir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      'Cannot load configuration for "bad.json": Invalid JSON syntax: Expecting value at line 1, column 7',
      'Cannot load configuration for "latin.py": not a UTF-8 text file',
      'Unsupported file type for config file "notes.txt"',
    ]);
    expect(readMetaFileSync(run, 'log/patched')).toBe('--- a.py\n+++ a.py\n@@ -1 +1 @@\n-a = 1\n+a = 3\n');
    expect(await readFile(join(run.runDir, 'latin.py'))).toEqual(Buffer.from(latin));
    expect(await readFile(join(run.runDir, 'bad.json'), 'utf8')).toBe('{"a": }\n');
    expect(await runStatus(run)).toBe('staged');
  });
});

describe('applyConfig() with a notebook', () => {
  test('patches the code cells, writes the diff, warns once about a cell that is not Python', async () => {
    const nb = (sources: string[][]) =>
      JSON.stringify({ cells: sources.map((source) => ({ cell_type: 'code', metadata: {}, outputs: [], source })), metadata: {}, nbformat: 4 }, null, 1) + '\n';
    const projectDir = await testdir({ 'train.ipynb': nb([['%pip install x\n', 'lr = 0.1\n', 'epochs = 2'], ['if x\n'], ['print(lr)']]) });
    const data = { config: 'train.ipynb' };
    const run = await initRun(data, await runConfig(projectDir, data, { lr: 0.5 }));
    const warnings: string[] = [];
    await stageRun(run, projectDir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual(['Config file "train.ipynb": skipped cell 1: Invalid Python syntax: invalid syntax at line 1, column 5']);
    expect(await readFile(join(run.runDir, 'train.ipynb'), 'utf8')).toBe(nb([['%pip install x\n', 'lr = 0.5\n', 'epochs = 2'], ['if x\n'], ['print(lr)']]));
    expect(readMetaFileSync(run, 'log/patched')).toBe(
      '--- train.ipynb\n+++ train.ipynb\n@@ -6,7 +6,7 @@\n    "outputs": [],\n    "source": [\n     "%pip install x\\n",\n' +
        '-    "lr = 0.1\\n",\n+    "lr = 0.5\\n",\n     "epochs = 2"\n    ]\n   },\n',
    );
    expect(await runStatus(run)).toBe('staged');
  });
});

describe('applyConfig() with a value its file cannot hold', () => {
  test('throws ConfigWriteError before any file changes', async () => {
    const projectDir = await multiFormatProject();
    const run = await initRun(MULTI_FORMAT_CONFIG, { epochs: 20n, 'optimizer.lr': null });
    await stageSourcecode(run, projectDir, { logFiles: false });
    const problem = '"train.toml": optimizer.lr: cannot write null to a TOML file (TOML has no null)';
    await expect(applyConfig(run)).rejects.toMatchObject({
      code: 'ERR_GAGE_CONFIG_WRITE',
      problems: [problem],
      message: `Cannot write configuration: ${problem}`,
    });
    await expectSameFiles(run.runDir, projectDir, MULTI_FORMAT_FILES);
    expect(readMetaFileSync(run, 'log/patched')).toBeUndefined();
  });

  test('stops stageRun and leaves the run pending', async () => {
    const projectDir = await testdir({ 'c.json': '{"x": 1.5, "y": 1}', 'c.py': 'x = 1.5\n' });
    const run = await initRun({ config: ['c.py', 'c.json'] }, { x: Infinity, y: 2n });
    await expect(stageRun(run, projectDir)).rejects.toMatchObject({
      code: 'ERR_GAGE_CONFIG_WRITE',
      problems: ['"c.json": x: cannot write inf to a JSON file (JSON has no infinity or NaN)'],
    });
    expect(await readFile(join(run.runDir, 'c.json'), 'utf8')).toBe('{"x": 1.5, "y": 1}');
    expect(await readFile(join(run.runDir, 'c.py'), 'utf8')).toBe('x = 1.5\n');
    expect(readMetaFileSync(run, 'staged')).toBeUndefined();
    expect(await runStatus(run)).toBe('pending');
  });
});

describe('applyConfig() on its own', () => {
  test('logs its line, and the patched file as modified in log/files', async () => {
    const projectDir = await testdir({ 'say.py': 'msg = "Hi there"\nprint(msg)\n' });
    const run = await initRun({ config: 'say.py' }, { msg: 'Ho there' });
    await stageSourcecode(run, projectDir);
    await applyConfig(run);
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual(['a s say.py', 'm s say.py']);
    expect(await readFile(join(run.runDir, 'say.py'), 'utf8')).toBe('msg = "Ho there"\nprint(msg)\n');
    const log = await readFile(runMetaPath(run, 'log', 'runner'), 'utf8');
    expect(log.trimEnd().split('\n').at(-1)).toMatch(/ Applying configuration \(see log\/patched\)$/);
  });

  test('writes into a read-only copy and keeps its mode', async () => {
    const projectDir = await testdir({ 'say.py': 'msg = "Hi"\n' });
    await chmod(join(projectDir, 'say.py'), 0o555);
    const run = await initRun({ config: 'say.py' }, { msg: 'Ho' });
    await stageSourcecode(run, projectDir);
    await applyConfig(run);
    expect(await readFile(join(run.runDir, 'say.py'), 'utf8')).toBe('msg = "Ho"\n');
    expect((await stat(join(run.runDir, 'say.py'))).mode & 0o777).toBe(0o555);
  });
});
