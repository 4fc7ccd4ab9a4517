import { afterAll, describe, expect, test } from '@jest/globals';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { initRunMetaSync, makeRun, readFilesLogSync, readMetaFileSync, runMetaPath } from '@gage/meta';
import { readRunOutput } from '@gage/proc';
import { OpCmd, OpDef, OpRef, type JsonObject, type Run } from '@gage/types';
import { cleanupTestdirs, listFiles, testdir } from '@gage/test-utils';
import { stageRun } from './stage-run.js';
import { stageSourcecode } from './stage-sourcecode.js';

afterAll(cleanupTestdirs);

async function initRun(runsDir: string, data: JsonObject): Promise<Run> {
  const run = await makeRun(runsDir);
  initRunMetaSync(run, OpRef('test', 'op'), OpDef('op', data), {}, OpCmd(['node', 'op.js'], {}));
  return run;
}

async function runnerMessages(run: Run): Promise<string[]> {
  const text = await readFile(runMetaPath(run, 'log', 'runner'), 'utf8');
  return text.split('\n').filter((l) => l !== '').map((l) => l.slice(l.indexOf(' ') + 1));
}

describe('stageSourcecode() with the default patterns', () => {
  test('copies text files, skipping big and binary files, hidden and virtualenv dirs and summary.json', async () => {
    const projectDir = await testdir({
      'op.js': 'console.log(1)\n',
      'README.md': '# Readme\n',
      '.gitignore': 'runs\n',
      'src/util.py': 'def f(): pass\n',
      'notes.txt': 'notes\n',
      'small.txt': 'x'.repeat(99_999),
      'big.txt': 'x'.repeat(100_000),
      'image.png': 'not really an image\n',
      'blob.dat': new Uint8Array([0xc5, 0xb0, 0x00, 0xff, 0xc6, 0xc6, 0xc6, 0xc6]),
      'summary.json': '{}\n',
      'sub/summary.json': '{}\n',
      '.hidden/secret.py': 'x = 1\n',
      'venv/bin/activate': '# activate\n',
      'venv/lib/mod.py': 'x = 1\n',
      'skipme/.nocopy': '',
      'skipme/a.py': 'x = 1\n',
    });
    const run = await initRun(await testdir(), {});
    const warnings: string[] = [];
    await stageSourcecode(run, projectDir, { onWarning: (m) => warnings.push(m) });
    const expected = ['.gitignore', 'README.md', 'notes.txt', 'op.js', 'small.txt', 'src/util.py', 'sub/summary.json'];
    expect(await listFiles(run.runDir)).toEqual(expected);
    // Only the size limit is worth a word: binaries, hidden dirs and summary.json are left out by design.
    expect(warnings).toEqual([
      '1 file not copied (source code size or count limit): big.txt (100.0 kB); to copy it, add a "sourcecode" pattern for it or list it under "depends"',
    ]);
    expect(await readFile(join(run.runDir, 'src/util.py'), 'utf8')).toBe('def f(): pass\n');
    // Called on its own it logs the copied files with type `s` (logFiles defaults to true).
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual(expected.map((p) => `a s ${p}`));
    expect(await runnerMessages(run)).toContain(
      'Copying source code (see log/files): ["**/* text size<100000 max-matches=500","-**/.* dir",' +
        '"-**/* dir sentinel=bin/activate","-**/* dir sentinel=.nocopy","-summary.json"]',
    );
  });

  test('copies nothing for sourcecode false and logs the empty pattern list', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun(await testdir(), { sourcecode: false });
    await stageSourcecode(run, projectDir);
    expect(await listFiles(run.runDir)).toEqual([]);
    expect(await runnerMessages(run)).toContain('Copying source code (see log/files): []');
    expect(readMetaFileSync(run, 'log/files')).toBe('');
  });

  test('writes no files log with logFiles false', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const run = await initRun(await testdir(), {});
    await stageSourcecode(run, projectDir, { logFiles: false });
    expect(await listFiles(run.runDir)).toEqual(['op.js']);
    expect(readMetaFileSync(run, 'log/files')).toBeUndefined();
  });
});

describe('stageSourcecode() warnings', () => {
  test('passes source code warnings to onWarning', async () => {
    const projectDir = await testdir({ 'op.js': '\n', 'gone.py': { link: 'missing.py' } });
    const run = await initRun(await testdir(), {});
    const warnings: string[] = [];
    await stageSourcecode(run, projectDir, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual(['Skipped "gone.py": broken symbolic link']);
    expect(await listFiles(run.runDir)).toEqual(['op.js']);
  });
});

describe('stageSourcecode() and a runs dir inside the project', () => {
  test('never copies <project>/.gage/runs, even with patterns that take hidden dirs', async () => {
    const projectDir = await testdir({ 'op.js': '\n', '.gage/keep.txt': 'keep\n' });
    const runsDir = join(projectDir, '.gage', 'runs');
    const first = await initRun(runsDir, { sourcecode: ['**/*'] });
    await stageRun(first, projectDir);
    const second = await initRun(runsDir, { sourcecode: ['**/*'] });
    await stageRun(second, projectDir);
    expect(await listFiles(second.runDir)).toEqual(['.gage/keep.txt', 'op.js']);
    const third = await initRun(runsDir, {});
    await stageRun(third, projectDir);
    expect(await listFiles(third.runDir)).toEqual(['op.js']);
  });

  test('never copies a runs dir that is not hidden', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const runsDir = join(projectDir, 'runs');
    const first = await initRun(runsDir, {});
    await stageRun(first, projectDir);
    const second = await initRun(runsDir, {});
    await stageRun(second, projectDir);
    expect(await listFiles(second.runDir)).toEqual(['op.js']);
  });
});

describe('stageSourcecode() with a stage-sourcecode hook', () => {
  test('runs the hook after copying and logs what it made with type s', async () => {
    const projectDir = await testdir({ 'op.js': '\n' });
    const script = "const fs = require('fs'); fs.writeFileSync('made.txt', String(fs.existsSync('op.js')));" +
      "console.log('made'); console.error('note');";
    const run = await initRun(await testdir(), { exec: { 'stage-sourcecode': ['node', '-e', script] } });
    const lines: [number, string][] = [];
    await stageSourcecode(run, projectDir, { onOutput: (s, l) => lines.push([s, Buffer.from(l).toString('utf8').trimEnd()]) });
    expect(await readFile(join(run.runDir, 'made.txt'), 'utf8')).toBe('true');
    expect(readFilesLogSync(run).map((e) => `${e.event} ${e.type} ${e.path}`)).toEqual(['a s made.txt', 'a s op.js']);
    expect((await readRunOutput(run, { name: '10_sourcecode' })).map((l) => [l.stream, l.text]).sort()).toEqual([
      [0, 'made'],
      [1, 'note'],
    ]);
    expect(lines.sort()).toEqual([[0, 'made'], [1, 'note']]);
    expect((await stat(runMetaPath(run, 'output', '10_sourcecode.index'))).mode & 0o222).toBe(0);
  });
});
