import { afterEach, describe, expect, test } from '@jest/globals';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMetaFileSync, runMetaDir, runMetaPath, runStatus } from '@gage/meta';
import { cleanupTestdirs, listFiles, waitFor } from '@gage/test-utils';
import { fixtureCmd, makeStagedRun, runnerLog, steps } from '../test/helpers.js';
import { execRun } from './exec-run.js';
import { finalizeRun } from './finalize-run.js';

afterEach(cleanupTestdirs);

const WRITE_FILE = 'require("fs").writeFileSync("out.txt", "generated"); console.log("done")';

async function writableFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const rel of await listFiles(dir)) {
    if (((await stat(join(dir, rel))).mode & 0o222) !== 0) out.push(rel);
  }
  return out;
}

describe('finalizeRun()', () => {
  test('writes stopped and proc/exit, lists generated files and makes every file read-only', async () => {
    const run = await makeStagedRun({ 'a.txt': 'a' }, ['node', '-e', WRITE_FILE]);
    const status = await execRun(run);
    expect(status).toBe(0);
    const before = (await runnerLog(run)).length;
    await finalizeRun(run, status);
    expect(readMetaFileSync(run, 'proc/exit')).toBe('0');
    expect(readMetaFileSync(run, 'stopped')).toMatch(/^\d{16}$/);
    expect(await runStatus(run)).toBe('completed');
    expect((await runnerLog(run)).slice(before)).toEqual([
      'Writing meta stopped',
      'Writing meta proc/exit',
      'Finalizing run files (see manifest)',
    ]);
    const manifest = readMetaFileSync(run, 'manifest');
    const entries = manifest?.split('\n').filter((l) => l !== '').map((l) => l.split(' '));
    expect(entries?.map(([type, , path]) => [type, path])).toEqual([['s', 'a.txt'], ['g', 'out.txt']]);
    expect(readMetaFileSync(run, 'log/files')).toMatch(/\na g \d+ out\.txt\n$/);
    expect(await listFiles(runMetaDir(run))).toEqual([
      '__schema__',
      'config.json',
      'id',
      'initialized',
      'log/files',
      'log/patched',
      'log/runner',
      'manifest',
      'opdef.json',
      'opref',
      'output/40_run',
      'output/40_run.index',
      'proc/cmd',
      'proc/env',
      'proc/exit',
      'staged',
      'started',
      'stopped',
    ]);
    expect(await writableFiles(runMetaDir(run))).toEqual([]);
    expect(await writableFiles(run.runDir)).toEqual([]);
  });

  test('records an error and a signal status', async () => {
    const run = await makeStagedRun({}, fixtureCmd('emit.mjs', ...steps(['exit', 2])));
    await finalizeRun(run, await execRun(run));
    expect(await runStatus(run)).toBe('error');
    expect(readMetaFileSync(run, 'proc/exit')).toBe('2');
  });

  test('deletes a proc/lock left behind and logs it', async () => {
    const run = await makeStagedRun({}, ['true']);
    await writeFile(runMetaPath(run, 'proc', 'lock'), '999999999');
    await finalizeRun(run, -9);
    expect(await runnerLog(run)).toContain('Deleting meta proc/lock');
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    expect(await runStatus(run)).toBe('terminated');
  });

  test('logs files modified during the run', async () => {
    const run = await makeStagedRun({ 'a.txt': 'a' }, ['true']);
    await chmod(join(run.runDir, 'a.txt'), 0o644);
    await writeFile(join(run.runDir, 'a.txt'), 'changed');
    await finalizeRun(run, 0);
    expect(await runnerLog(run)).toContain('File "a.txt" was modified during the run');
  });

  test('runs the finalize hook into 50_finalize; finalize-run wins over finalize', async () => {
    const run = await makeStagedRun({}, ['true'], {
      exec: { run: ['true'], 'finalize-run': fixtureCmd('emit.mjs', ...steps(['out', 'fin\n'], ['err', 'e\n'])), finalize: ['false'] },
    });
    await finalizeRun(run, 0);
    expect(await readFile(runMetaPath(run, 'output', '50_finalize'), 'utf8')).toBe('fin\ne\n');
    expect(await runStatus(run)).toBe('completed');
    expect(await writableFiles(runMetaDir(run))).toEqual([]);
  });

  test('a failing finalize hook throws RunExecError after stopped and proc/exit, before the manifest', async () => {
    const cmd = fixtureCmd('emit.mjs', ...steps(['exit', 4]));
    const run = await makeStagedRun({}, ['true'], { exec: { run: ['true'], finalize: cmd } });
    await expect(finalizeRun(run, 0)).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_EXEC', phase: 'finalize', exitCode: 4, args: cmd });
    expect(readMetaFileSync(run, 'proc/exit')).toBe('0');
    expect(readMetaFileSync(run, 'stopped')).toBeDefined();
    expect(await runnerLog(run)).not.toContain('Finalizing run files (see manifest)');
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('an abort (%s) stops the finalize hook; finalizing goes on and nothing is left writable', async (sig) => {
    const hook = 'echo made > made.txt; echo started; exec sleep 60';
    const run = await makeStagedRun({ 'a.txt': 'a' }, ['true'], { exec: { run: ['true'], finalize: hook } });
    const controller = new AbortController();
    const done = finalizeRun(run, 0, { signal: controller.signal });
    await waitFor(async () => (await readFile(runMetaPath(run, 'output', '50_finalize'), 'utf8').catch(() => '')) === 'started\n');
    controller.abort(sig);
    await done; // no RunExecError for a hook stopped this way
    const log = await runnerLog(run);
    expect(log).toContain(`Exit code for finalize: ${sig === 'SIGINT' ? -2 : -15}`);
    expect(log).toContain(`Stopped finalize by ${sig}`);
    expect(log.at(-1)).toBe('Finalizing run files (see manifest)');
    expect(readMetaFileSync(run, 'proc/exit')).toBe('0'); // the run process's status
    expect(readMetaFileSync(run, 'proc/lock')).toBeUndefined();
    const manifest = readMetaFileSync(run, 'manifest');
    expect(manifest?.split('\n').filter((l) => l !== '').map((l) => l.split(' ')[2])).toEqual(['a.txt', 'made.txt']);
    expect(await writableFiles(runMetaDir(run))).toEqual([]);
    expect(await writableFiles(run.runDir)).toEqual([]);
  });

  test('an abort before the finalize hook starts: the hook is not started, finalizing goes on', async () => {
    const run = await makeStagedRun({}, ['true'], { exec: { run: ['true'], finalize: 'echo made > made.txt' } });
    const controller = new AbortController();
    controller.abort('SIGTERM');
    await finalizeRun(run, -15, { signal: controller.signal });
    expect(await runnerLog(run)).toContain('Not starting finalize: stopped by SIGTERM');
    expect(await stat(join(run.runDir, 'made.txt')).catch(() => undefined)).toBeUndefined();
    expect(await runStatus(run)).toBe('terminated');
    expect(await writableFiles(runMetaDir(run))).toEqual([]);
  });

  test('rejects an exit code that is not an integer', async () => {
    const run = await makeStagedRun({}, ['true']);
    await expect(finalizeRun(run, 1.5)).rejects.toThrow('exitCode must be an integer, got 1.5');
  });
});
