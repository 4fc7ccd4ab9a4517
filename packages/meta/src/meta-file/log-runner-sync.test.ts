import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { formatLocalTime } from './_local-time.js';
import { logRunnerSync } from './log-runner-sync.js';
import { makeRun } from '../run/make-run.js';
import { setMetaLogger } from '../meta-logger.js';
import { runTimestampSync } from './run-timestamp-sync.js';
import { writeMetaFileSync } from './write-meta-file-sync.js';
import { writeRunTimestampSync } from './write-run-timestamp-sync.js';

let tmp: string;
let run: Run;
let warnings: string[];
beforeEach(async () => {
  tmp = await testdir();
  run = await makeRun(join(tmp, 'runs'), { id: 'aaa' });
  warnings = [];
  setMetaLogger((msg) => warnings.push(msg));
});
afterEach(async () => {
  setMetaLogger(undefined);
  await removeTree(tmp);
});

const runnerLog = () => readFile(join(run.metaDir, 'log', 'runner'), 'utf8');

describe('logRunnerSync()', () => {
  test('appends `<local time> <message>` lines; the time is not in the future', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    logRunnerSync(run, 'Writing meta opref');
    logRunnerSync(run, 'Starting run process: python hello.py');
    const lines = (await runnerLog()).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    for (const line of lines.slice(0, 2)) {
      const space = line.indexOf(' ');
      const time = line.slice(0, space);
      expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/);
      const ms = Date.parse(time.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(Date.now());
    }
    expect(lines[0]!.slice(25)).toBe('Writing meta opref');
    expect(lines[1]!.slice(25)).toBe('Starting run process: python hello.py');
  });

  test('creates log/ and a writable log/runner, and only appends', async () => {
    await writeFile(join(tmp, 'probe'), '', { mode: 0o666 });
    const writable = (await stat(join(tmp, 'probe'))).mode & 0o777;
    logRunnerSync(run, 'One');
    const first = await runnerLog();
    logRunnerSync(run, 'Two');
    expect((await runnerLog()).startsWith(first)).toBe(true);
    expect((await stat(join(run.metaDir, 'log', 'runner'))).mode & 0o777).toBe(writable);
  });

  test('a message never spans lines: line breaks become the two characters \\n', async () => {
    logRunnerSync(run, 'Bad\nmessage\r\nhere');
    const text = await runnerLog();
    expect(text.split('\n')).toHaveLength(2);
    expect(text.slice(25)).toBe('Bad\\nmessage\\nhere\n');
  });
});

describe('formatLocalTime()', () => {
  test('formats local wall-clock time with a numeric offset without colon', () => {
    const d = new Date(2024, 5, 27, 8, 2, 5);
    const off = -d.getTimezoneOffset();
    const sign = off < 0 ? '-' : '+';
    const hhmm = `${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}${String(Math.abs(off) % 60).padStart(2, '0')}`;
    expect(formatLocalTime(d)).toBe(`2024-06-27T08:02:05${sign}${hhmm}`);
  });
});

describe('writeRunTimestampSync() and runTimestampSync()', () => {
  test('writes a read-only µs timestamp after logging `Writing meta <name>`', async () => {
    const ts = writeRunTimestampSync(run, 'staged');
    expect(await readFile(join(run.metaDir, 'staged'), 'utf8')).toBe(String(ts));
    expect((await stat(join(run.metaDir, 'staged'))).mode & 0o222).toBe(0);
    expect((await runnerLog()).slice(25)).toBe('Writing meta staged\n');
    expect(runTimestampSync(run, 'staged')).toBe(ts);
    expect(Math.abs(ts - Date.now() * 1000)).toBeLessThan(60_000_000);
  });

  test('timestamps written one after another are strictly increasing', async () => {
    const a = writeRunTimestampSync(run, 'initialized');
    const b = writeRunTimestampSync(run, 'staged');
    const c = writeRunTimestampSync(run, 'started');
    const d = writeRunTimestampSync(run, 'stopped');
    expect(a < b && b < c && c < d).toBe(true);
  });

  test('a missing file is undefined; trailing whitespace is stripped', async () => {
    expect(runTimestampSync(run, 'started')).toBeUndefined();
    writeMetaFileSync(run, 'started', '1718000000123456\n');
    expect(runTimestampSync(run, 'started')).toBe(1718000000123456);
    expect(warnings).toEqual([]);
  });

  test('a file that is not an integer warns and counts as missing', async () => {
    writeMetaFileSync(run, 'stopped', 'yesterday');
    expect(runTimestampSync(run, 'stopped')).toBeUndefined();
    writeMetaFileSync(run, 'staged', '');
    expect(runTimestampSync(run, 'staged')).toBeUndefined();
    expect(warnings).toEqual([
      `Invalid timestamp 'stopped' in "${run.metaDir}"`,
      `Invalid timestamp 'staged' in "${run.metaDir}"`,
    ]);
  });
});

describe('setMetaLogger()', () => {
  test('returns the previous logger; undefined restores the default, which writes WARNING: to stderr', async () => {
    const mine = (msg: string) => warnings.push(`mine: ${msg}`);
    setMetaLogger(mine);
    expect(setMetaLogger(undefined)).toBe(mine);
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stderr.write;
    try {
      writeMetaFileSync(run, 'started', 'x');
      runTimestampSync(run, 'started');
    } finally {
      process.stderr.write = write;
    }
    expect(written).toEqual([`WARNING: Invalid timestamp 'started' in "${run.metaDir}"\n`]);
  });
});
