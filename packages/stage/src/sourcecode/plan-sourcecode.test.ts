import { afterAll, describe, expect, test } from '@jest/globals';
import { OpDef } from '@gage/types';
import { rmSync, writeFileSync } from 'node:fs';
import { chmod, lstat, mkdir, readFile, stat } from 'node:fs/promises';
import { LOOP_YIELD_CALLS } from '@gage/meta';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { startTurnTicker } from '../../test/_turn-ticker.js';
import { copySourcecode } from './copy-sourcecode.js';
import { planSourcecode } from './plan-sourcecode.js';
import { DEFAULT_SOURCECODE_PATTERNS, sourcecodePatterns } from './sourcecode-patterns.js';

afterAll(cleanupTestdirs);

const BIN = Uint8Array.from([0x89, 0x00, 0xff, 0x13, 0x00, 0x00]);

async function paths(dir: string, patterns: readonly string[], runsDir?: string): Promise<string[]> {
  return (await planSourcecode(dir, patterns, { runsDir })).paths;
}

describe('sourcecodePatterns (docs/spec/stage.md 4.4)', () => {
  const op = (sourcecode?: OpDef['data'][string]) => OpDef('op', sourcecode === undefined ? {} : { sourcecode });
  test('defaults, true, false, []', () => {
    expect(DEFAULT_SOURCECODE_PATTERNS).toEqual([
      '**/* text size<100000 max-matches=500',
      '-**/.* dir',
      '-**/* dir sentinel=bin/activate',
      '-**/* dir sentinel=.nocopy',
      '-summary.json',
    ]);
    expect(sourcecodePatterns(op())).toEqual(DEFAULT_SOURCECODE_PATTERNS);
    expect(sourcecodePatterns(op(true))).toEqual(DEFAULT_SOURCECODE_PATTERNS);
    expect(sourcecodePatterns(op(false))).toEqual([]);
    expect(sourcecodePatterns(op([]))).toEqual([]);
  });

  test('a list with an include replaces the defaults; excludes only append', () => {
    expect(sourcecodePatterns(op('*.py'))).toEqual(['*.py']);
    expect(sourcecodePatterns(op(['-data', '\\-x.py']))).toEqual(['-data', '\\-x.py']);
    expect(sourcecodePatterns(op(['-data', '-*.csv']))).toEqual([...DEFAULT_SOURCECODE_PATTERNS, '-data', '-*.csv']);
  });
});

describe('planSourcecode with the default patterns', () => {
  test('text files, hidden files, no hidden/venv/.nocopy dirs, no top-level summary.json', async () => {
    const dir = await testdir({
      'say.py': 'print(1)\n',
      '.gitignore': 'x\n',
      'README.md': '# hi\n',
      'image.png': 'not really\n',
      'blob': BIN,
      'big.txt': 'x'.repeat(100_000),
      'almost.txt': 'x'.repeat(99_999),
      '.git/config': '[core]\n',
      'a/.hidden/x.py': '',
      'venv/bin/activate': '',
      'venv/lib/site.py': '',
      'nocopy/.nocopy': '',
      'nocopy/a.py': '',
      'summary.json': '{}',
      'sub/summary.json': '{}',
      '.gage/runs/abc/x.py': '',
      'empty': '',
    });
    const plan = await planSourcecode(dir, DEFAULT_SOURCECODE_PATTERNS);
    expect(plan.srcDir).toBe(dir);
    expect(plan.patterns).toEqual(DEFAULT_SOURCECODE_PATTERNS);
    expect(plan.paths).toEqual(['.gitignore', 'README.md', 'almost.txt', 'empty', 'say.py', 'sub/summary.json']);
    expect(plan.skipped).toEqual([{ path: 'big.txt', reason: 'size-limit', size: 100_000 }]);
    expect(plan.warnings).toEqual([
      '1 file not copied (source code size or count limit): big.txt (100.0 kB); to copy it, add a "sourcecode" pattern for it or list it under "depends"',
    ]);
  });

  test('no patterns: nothing selected', async () => {
    expect(await paths(await testdir({ 'a.py': '' }), [])).toEqual([]);
    expect(await paths(await testdir({ 'a.py': '' }), ['-a.py', '-**/.* dir'])).toEqual([]);
  });
});

describe('rules (docs/spec/stage.md 4.2)', () => {
  test('the last matching rule decides; no match means not selected', async () => {
    const dir = await testdir({ 'a.py': '', 'b.py': '', 'c.txt': '', 'd/e.py': '' });
    expect(await paths(dir, ['*.py'])).toEqual(['a.py', 'b.py']);
    expect(await paths(dir, ['*.py', '-b.py'])).toEqual(['a.py']);
    expect(await paths(dir, ['-b.py', '*.py'])).toEqual(['a.py', 'b.py']);
    expect(await paths(dir, ['**/*.py', '-d/*'])).toEqual(['a.py', 'b.py']);
    expect(await paths(dir, ['-*.txt'])).toEqual([]);
  });

  test("a file glob never selects a directory's contents; -data excludes a file only", async () => {
    const dir = await testdir({ 'data/x.csv': '', data2: '', 'sub/data': '' });
    expect(await paths(dir, ['data'])).toEqual([]);
    expect(await paths(dir, ['**/*', '-data'])).toEqual(['data/x.csv', 'data2', 'sub/data']);
  });

  test('dir rules prune; a later include dir rule re-admits', async () => {
    const dir = await testdir({ 'a.py': '', 'data/x.py': '', 'data/keep/y.py': '', 'other/z.py': '' });
    expect(await paths(dir, ['**/*.py', '-data dir'])).toEqual(['a.py', 'other/z.py']);
    expect(await paths(dir, ['**/*.py', '-* dir', 'other dir'])).toEqual(['a.py', 'other/z.py']);
    expect(await paths(dir, ['**/*.py', '-**/* dir', 'data dir'])).toEqual(['a.py', 'data/x.py']);
    expect(await paths(dir, ['**/*.py', '-**/* dir', 'data dir', 'data/keep dir'])).toEqual(['a.py', 'data/keep/y.py', 'data/x.py']);
  });

  test('sentinels: literal and wildcard', async () => {
    const dir = await testdir({
      'a/marker.cfg': '',
      'a/x.py': '',
      'b/deep/bin/activate': '',
      'b/y.py': '',
      'c/z.py': '',
      'd/sub/w.lock': '',
      'd/w.py': '',
    });
    expect(await paths(dir, ['**/*.py', '-* dir sentinel=*.cfg'])).toEqual(['b/y.py', 'c/z.py', 'd/w.py']);
    expect(await paths(dir, ['**/*.py', '-* dir sentinel=deep/bin/activate'])).toEqual(['a/x.py', 'c/z.py', 'd/w.py']);
    expect(await paths(dir, ['**/*.py', '-* dir sentinel=**/*.lock'])).toEqual(['a/x.py', 'b/y.py', 'c/z.py']);
  });

  test('size limits; 0 is a real limit', async () => {
    const dir = await testdir({ empty: '', small: 'x', big: 'x'.repeat(100) });
    expect(await paths(dir, ['* size<100'])).toEqual(['empty', 'small']);
    expect(await paths(dir, ['* size>1'])).toEqual(['big']);
    expect(await paths(dir, ['* size>0'])).toEqual(['big', 'small']);
    expect(await paths(dir, ['* size<1 size>99'])).toEqual(['big', 'empty']);
  });

  test('text and binary types', async () => {
    const dir = await testdir({ 'a.txt': 'hi', blob: BIN, 'p.png': 'x' });
    expect(await paths(dir, ['* text'])).toEqual(['a.txt']);
    expect(await paths(dir, ['* binary'])).toEqual(['blob', 'p.png']);
    expect(await paths(dir, ['*', '-* binary'])).toEqual(['a.txt']);
  });

  test('max-matches: traversal order, counted even when overridden, every file left out recorded, one warning', async () => {
    const dir = await testdir({ 'a.py': '', 'b.py': '', 'c.py': '', 'd/a.py': 'x = 1\n', 'd/b.py': '' });
    const plan = await planSourcecode(dir, ['**/*.py max-matches=3']);
    expect(plan.paths).toEqual(['a.py', 'b.py', 'c.py']);
    expect(plan.skipped).toEqual([{ path: 'd/a.py', reason: 'max-matches', size: 6 }, { path: 'd/b.py', reason: 'max-matches', size: 0 }]);
    expect(plan.warnings).toEqual([
      '2 files not copied (source code size or count limit): d/a.py (6 B), d/b.py (0 B); to copy them, add a "sourcecode" pattern for them or list them under "depends"',
    ]);
    expect(await paths(dir, ['**/*.py max-matches=2', '-a.py'])).toEqual(['b.py']);
    expect(await paths(dir, ['**/*.py max-matches=1', '**/b.py'])).toEqual(['a.py', 'b.py', 'd/b.py']);
  });
});

describe('files left out by a size or count limit (issue 11: nothing skipped in silence)', () => {
  test('names how many and the largest three; excluded files and files another rule takes are not reported', async () => {
    const dir = await testdir({
      'a.csv': 'x'.repeat(765_000),
      'b.csv': 'x'.repeat(200_000),
      'c.csv': 'x'.repeat(150_000),
      'd.csv': 'x'.repeat(120_000),
      'ok.csv': 'x'.repeat(10),
      'summary.json': 'x'.repeat(200_000),
      'taken.log': 'x'.repeat(300_000),
    });
    const plan = await planSourcecode(dir, ['* size<100000', '-summary.json', '*.log']);
    expect(plan.paths).toEqual(['ok.csv', 'taken.log']);
    expect(plan.skipped.map((s) => s.path)).toEqual(['a.csv', 'b.csv', 'c.csv', 'd.csv']);
    expect(plan.warnings).toEqual([
      '4 files not copied (source code size or count limit): a.csv (765.0 kB), b.csv (200.0 kB), c.csv (150.0 kB) and 1 more; ' +
      'to copy them, add a "sourcecode" pattern for them or list them under "depends"',
    ]);
  });

  test('a binary file the text rule never wanted is not reported', async () => {
    const dir = await testdir({ 'big.bin': BIN, 'small.txt': 'x' });
    const plan = await planSourcecode(dir, ['* text size<2']);
    expect(plan.paths).toEqual(['small.txt']);
    expect(plan.skipped).toEqual([]);
  });
});

describe('traversal (docs/spec/stage.md 4.3)', () => {
  test('file names with spaces and non-ASCII; code point order', async () => {
    const dir = await testdir({ 'my file.py': '', 'été.py': '', 'Z.py': '', 'a.py': '', 'ü/ß.py': '', '😀.py': '', '～.py': '' });
    expect(await paths(dir, ['**/*.py'])).toEqual(['Z.py', 'a.py', 'my file.py', 'été.py', 'ü/ß.py', '～.py', '😀.py']);
    expect(await paths(dir, ['"my file.py"'])).toEqual(['my file.py']);
  });

  test('the runs dir inside the project is never scanned', async () => {
    const dir = await testdir({ 'a.py': '', 'runs/abc/x.py': '', 'sub/runs/y.py': '' });
    const plan = await planSourcecode(dir, ['**/*'], { runsDir: join(dir, 'runs') });
    expect(plan.paths).toEqual(['a.py', 'sub/runs/y.py']);
    expect(plan.skipped).toEqual([{ path: 'runs', reason: 'runs-dir' }]);
    expect(plan.warnings).toEqual([]);
    expect(await paths(dir, ['**/*'], join(dir, 'elsewhere'))).toContain('runs/abc/x.py');
  });

  test('when the runs dir is the project dir, no run and no sidecar of one is selected', async () => {
    const dir = await testdir({
      'train.py': '',
      'abc/train.py': '',
      'abc.meta/opref': '2 p train',
      'abc.user/1.json': '{}',
      'abc.project': 'file:x',
      'abc.lock': null,
      '.abc.project.123.0123456789ab.tmp': '',
      'def/out.txt': '',
      'def.meta.deleted/id': 'def',
      'x.user/a.py': '',
      'x.user.meta/id': 'x.user',
      'ghi/keep.py': '',
      'ghi.txt': '',
      'jkl.user/b.py': '',
    });
    const plan = await planSourcecode(dir, ['**/*'], { runsDir: dir });
    // ghi and jkl.user have no meta dir: they are project files that only look like runs.
    expect(plan.paths).toEqual(['ghi.txt', 'ghi/keep.py', 'jkl.user/b.py', 'train.py']);
    expect(plan.skipped.map((s) => s.reason)).toEqual(Array(10).fill('runs-dir'));
    expect(plan.warnings).toEqual([]);
  });

  test('lets the event loop turn while it walks many files (the run lock stays fresh)', async () => {
    const dir = await testdir({ 'zzz/last.txt': '' });
    await mkdir(join(dir, 'a'));
    for (let i = 0; i < 3 * LOOP_YIELD_CALLS; i++) writeFileSync(join(dir, 'a', `f${i}`), '');
    // The walk starts synchronously; the first turn removes the last dir, so a walk that turns midway misses it.
    const stop = startTurnTicker(() => rmSync(join(dir, 'zzz'), { recursive: true, force: true }));
    let plan;
    try {
      plan = await planSourcecode(dir, ['**/*']);
    } finally {
      stop();
    }
    expect(plan.paths).toHaveLength(3 * LOOP_YIELD_CALLS);
    expect(plan.paths).not.toContain('zzz/last.txt');
  });

  test('symlinks inside the project are followed; a symlinked file is read through', async () => {
    const dir = await testdir({
      'real/a.py': 'print(1)\n',
      'linked': { link: 'real' },
      'b.py': { link: 'real/a.py' },
    });
    expect(await paths(dir, ['**/*.py'])).toEqual(['b.py', 'linked/a.py', 'real/a.py']);
  });

  test('symlinks leading out of the project are not followed, and reported', async () => {
    const outside = await testdir({ 'secret.py': 'x', 'lib/s.py': 'y' });
    const dir = await testdir({
      'a.py': '',
      'out.py': { link: join(outside, 'secret.py') },
      'outdir': { link: join(outside, 'lib') },
      'ignored.txt': { link: join(outside, 'secret.py') },
    });
    const plan = await planSourcecode(dir, ['**/*.py']);
    expect(plan.paths).toEqual(['a.py']);
    expect(plan.skipped).toEqual([{ path: 'out.py', reason: 'outside-project' }, { path: 'outdir', reason: 'outside-project' }]);
    expect(plan.warnings[0]).toBe(`Skipped "out.py": symbolic link to "${join(outside, 'secret.py')}" outside the project`);
  });

  test('symlink loops are guarded', async () => {
    const dir = await testdir({ 'a/x.py': '', 'a/loop': { link: '..' }, 'a/self': { link: '.' } });
    const plan = await planSourcecode(dir, ['**/*.py']);
    expect(plan.paths).toEqual(['a/x.py']);
    expect(plan.skipped).toEqual([{ path: 'a/loop', reason: 'symlink-cycle' }, { path: 'a/self', reason: 'symlink-cycle' }]);
    expect(plan.warnings).toEqual(['Skipped "a/loop": symbolic link cycle', 'Skipped "a/self": symbolic link cycle']);
  });

  test('broken symlinks are skipped with a warning', async () => {
    const dir = await testdir({ 'a.py': '', 'gone.py': { link: 'nowhere.py' }, 'gone.txt': { link: 'nowhere.txt' } });
    const plan = await planSourcecode(dir, ['*.py']);
    expect(plan.paths).toEqual(['a.py']);
    expect(plan.skipped).toEqual([{ path: 'gone.py', reason: 'broken-symlink' }]);
    expect(plan.warnings).toEqual(['Skipped "gone.py": broken symbolic link']);
  });
});

describe('copySourcecode', () => {
  test('copies content and mode bits, creates parents, reads symlinks through', async () => {
    const dir = await testdir({ 'run.sh': '#!/bin/sh\necho hi\n', 'd/e/x.py': 'x = 1\n', 'link.py': { link: 'd/e/x.py' }, 'skip.bin': BIN });
    await chmod(join(dir, 'run.sh'), 0o750);
    await chmod(join(dir, 'd/e/x.py'), 0o444);
    const runDir = await testdir();
    const plan = await planSourcecode(dir, ['**/* text']);
    expect(plan.paths).toEqual(['d/e/x.py', 'link.py', 'run.sh']);
    expect(await copySourcecode(plan, runDir)).toEqual(plan.paths);
    expect(await readFile(join(runDir, 'run.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    expect((await stat(join(runDir, 'run.sh'))).mode & 0o777).toBe(0o750);
    expect((await stat(join(runDir, 'd/e/x.py'))).mode & 0o777).toBe(0o444);
    expect((await lstat(join(runDir, 'link.py'))).isFile()).toBe(true);
    expect(await readFile(join(runDir, 'link.py'), 'utf8')).toBe('x = 1\n');
  });

  test('a planned file that disappeared is skipped with a warning', async () => {
    const dir = await testdir({ 'a.py': 'a' });
    const warnings: string[] = [];
    const copied = await copySourcecode({ srcDir: dir, paths: ['a.py', 'gone.py'] }, await testdir(), {
      onWarning: (m) => warnings.push(m),
    });
    expect(copied).toEqual(['a.py']);
    expect(warnings).toEqual(['Cannot copy "gone.py": file no longer exists']);
  });
});
