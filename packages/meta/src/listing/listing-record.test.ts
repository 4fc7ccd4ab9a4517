import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMetaSync } from '../run/init-run-meta-sync.js';
import { makeRun } from '../run/make-run.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';
import { writeRunTimestampSync } from '../meta-file/write-run-timestamp-sync.js';
import { listRuns } from '../list/list-runs.js';
import { LISTING_RECORD, LISTING_RECORD_FILES, parseListingRecord, readListingRecordSync } from './listing-record.js';
import { removeListingRecordSync } from './remove-listing-record-sync.js';
import { writeListingRecordSync } from './write-listing-record-sync.js';

let runsDir: string;
beforeEach(async () => {
  runsDir = await testdir();
});
afterEach(async () => {
  await removeTree(runsDir);
});

const opdef = { name: 'train', data: { exec: 'python train.py' } };
const cmd = { args: ['python', 'train.py'], env: {} };

/** A run through the writers of a real run up to its exit code (what `finalizeRun` writes before the record). */
async function finishedRun(id: string, exitCode = 0): Promise<Run> {
  const run = await makeRun(runsDir, { id });
  initRunMetaSync(run, { ns: 'bench', name: 'train' }, opdef, { lr: 0.1 }, cmd);
  writeRunTimestampSync(run, 'staged');
  writeRunTimestampSync(run, 'started');
  writeMetaFileSync(run, 'summary.json', '{"metrics": {"loss": 0.5}}');
  writeRunTimestampSync(run, 'stopped');
  writeMetaFileSync(run, 'proc/exit', String(exitCode));
  return run;
}

const recordPath = (run: Run) => join(run.metaDir, LISTING_RECORD);
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('writeListingRecordSync()', () => {
  test('records the text of every summarized file (null for a missing one), read-only, and readListingRecordSync reads them back', async () => {
    const run = await finishedRun('abc');
    expect(writeListingRecordSync(run)).toBe(true);
    const texts = readListingRecordSync(run.metaDir);
    for (const file of LISTING_RECORD_FILES) {
      const onDisk = await readFile(join(run.metaDir, file), 'utf8').catch(() => null);
      expect({ file, text: texts?.[file] }).toEqual({ file, text: onDisk });
    }
    expect(texts?.['sys/flags.json']).toBeNull();
    expect(texts?.['proc/exit']).toBe('0');
    expect((await stat(recordPath(run))).mode & 0o222).toBe(0);
  });

  test('writes no record for a run without an exit code (its status is read live)', async () => {
    const run = await makeRun(runsDir, { id: 'abc' });
    initRunMetaSync(run, { ns: 'bench', name: 'train' }, opdef, {}, cmd);
    writeRunTimestampSync(run, 'staged');
    expect(writeListingRecordSync(run)).toBe(false);
    expect(await exists(recordPath(run))).toBe(false);
  });

  test('leaves out a file over 16 KiB, which readers then read from disk', async () => {
    const run = await finishedRun('abc');
    writeMetaFileSync(run, 'config.json', JSON.stringify({ text: 'x'.repeat(20000) }));
    writeListingRecordSync(run);
    const texts = readListingRecordSync(run.metaDir);
    expect(texts?.['config.json']).toBeUndefined();
    expect(texts?.opref).toBe('2 bench train');
  });
});

describe('the record goes before a summarized file changes', () => {
  test('writeMetaFileSync of each summarized file removes the record first', async () => {
    const run = await finishedRun('abc');
    for (const file of LISTING_RECORD_FILES) {
      writeListingRecordSync(run);
      expect(await exists(recordPath(run))).toBe(true);
      // A writer killed right after this write (before a new record) leaves no record, never a stale one.
      writeMetaFileSync(run, file, file === 'proc/exit' ? '1' : (await readFile(join(run.metaDir, file), 'utf8').catch(() => '{}')));
      expect({ file, record: await exists(recordPath(run)) }).toEqual({ file, record: false });
    }
  });

  test('other meta files leave the record alone', async () => {
    const run = await finishedRun('abc');
    writeListingRecordSync(run);
    writeMetaFileSync(run, 'manifest', '', { writable: true });
    writeMetaFileSync(run, 'proc/lock', '123');
    expect(readListingRecordSync(run.metaDir)?.['proc/exit']).toBe('0');
  });

  test('removeListingRecordSync: a missing record or meta dir is fine', async () => {
    const run = await finishedRun('abc');
    removeListingRecordSync(run);
    await removeTree(run.metaDir);
    expect(() => removeListingRecordSync(run)).not.toThrow();
  });
});

describe('parseListingRecord()', () => {
  test('takes only a record of this version, of a finalized run, with texts or nulls', () => {
    expect(parseListingRecord('{"version":1,"files":{"proc/exit":"0","summary.json":null}}')).toEqual({ 'proc/exit': '0', 'summary.json': null });
    for (const text of [
      '{"version":2,"files":{"proc/exit":"0"}}',
      '{"files":{"proc/exit":"0"}}',
      '{"version":1,"files":{"opref":"2 a b"}}',
      '{"version":1,"files":{"proc/exit":0}}',
      '{"version":1,"files":{"proc/exit":"0","id":["x"]}}',
      '{"version":1,"files":[]}',
      '{"version":1,"files":{"proc/exit":"0"',
      '',
    ]) expect({ text, parsed: parseListingRecord(text) }).toEqual({ text, parsed: undefined });
  });
});

describe('listRuns() reads the record', () => {
  test('a run whose record exists is loaded and sorted from it', async () => {
    const older = await finishedRun('abc');
    const newer = await finishedRun('def');
    writeListingRecordSync(older);
    writeListingRecordSync(newer);
    // Moved away (not by any Gage writer): only the record can give the op and the start time now.
    for (const run of [older, newer]) {
      await rename(join(run.metaDir, 'opref'), join(runsDir, `${run.id}-opref`));
      await rename(join(run.metaDir, 'started'), join(runsDir, `${run.id}-started`));
    }
    const runs = await listRuns(runsDir, { sort: ['-started'] });
    expect(runs.map((r) => [r.id, r.opref])).toEqual([
      ['def', { ns: 'bench', name: 'train' }],
      ['abc', { ns: 'bench', name: 'train' }],
    ]);
  });

  test('a damaged record or one of another version is ignored: the files are read', async () => {
    const run = await finishedRun('abc');
    await writeFile(recordPath(run), '{"version":99,"files":{"opref":"2 other op","proc/exit":"0"}}');
    expect((await listRuns(runsDir))[0]?.opref).toEqual({ ns: 'bench', name: 'train' });
    await writeFile(recordPath(run), '{"version":1,');
    expect((await listRuns(runsDir))[0]?.opref).toEqual({ ns: 'bench', name: 'train' });
  });
});
