import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmod, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { initRunMetaSync } from '../run/init-run-meta-sync.js';
import { makeRun } from '../run/make-run.js';
import { writeMetaFileSync } from '../meta-file/write-meta-file-sync.js';
import { writeRunTimestampSync } from '../meta-file/write-run-timestamp-sync.js';
import { listRuns } from '../list/list-runs.js';
import { LISTING_RECORD, LISTING_RECORD_FILES, parseListingRecord, readListingRecordSync, recordedTextSync } from './listing-record.js';
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
    const record = readListingRecordSync(run.metaDir);
    for (const file of LISTING_RECORD_FILES) {
      const onDisk = await readFile(join(run.metaDir, file), 'utf8').catch(() => null);
      expect({ file, text: record?.files[file] }).toEqual({ file, text: onDisk });
      expect({ file, text: record && recordedTextSync(run.metaDir, record, file) }).toEqual({ file, text: onDisk });
    }
    expect(record?.files['sys/flags.json']).toBeNull();
    expect(record?.files['proc/exit']).toBe('0');
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
    const record = readListingRecordSync(run.metaDir);
    expect(record?.files['config.json']).toBeUndefined();
    expect(record && recordedTextSync(run.metaDir, record, 'config.json')).toBeUndefined();
    expect(record?.files.opref).toBe('2 bench train');
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
    expect(readListingRecordSync(run.metaDir)?.files['proc/exit']).toBe('0');
  });

  test('removeListingRecordSync: a missing record or meta dir is fine', async () => {
    const run = await finishedRun('abc');
    removeListingRecordSync(run);
    await removeTree(run.metaDir);
    expect(() => removeListingRecordSync(run)).not.toThrow();
  });
});

describe('parseListingRecord()', () => {
  test('takes only a record of this version, of a finalized run, with texts (stamped) or nulls', () => {
    expect(parseListingRecord('{"version":1,"files":{"proc/exit":"0","summary.json":null},"stamps":{"proc/exit":[1.5,1]}}')?.files)
      .toEqual({ 'proc/exit': '0', 'summary.json': null });
    for (const text of [
      '{"version":2,"files":{"proc/exit":"0"},"stamps":{"proc/exit":[1.5,1]}}',
      '{"files":{"proc/exit":"0"},"stamps":{"proc/exit":[1.5,1]}}',
      '{"version":1,"files":{"opref":"2 a b"},"stamps":{"opref":[1.5,5]}}',
      '{"version":1,"files":{"proc/exit":0},"stamps":{}}',
      '{"version":1,"files":{"proc/exit":"0"}}',
      '{"version":1,"files":{"proc/exit":"0"},"stamps":{}}',
      '{"version":1,"files":{"proc/exit":"0"},"stamps":{"proc/exit":["x",1]}}',
      '{"version":1,"files":{"proc/exit":"0","id":["x"]},"stamps":{"proc/exit":[1.5,1],"id":[1.5,1]}}',
      '{"version":1,"files":[],"stamps":{}}',
      '{"version":1,"files":{"proc/exit":"0"',
      '',
    ]) expect({ text, parsed: parseListingRecord(text) }).toEqual({ text, parsed: undefined });
  });
});

describe('recordedTextSync()', () => {
  test('a file changed since the record (in place, by hand), removed or made is read from disk', async () => {
    const run = await finishedRun('abc');
    writeListingRecordSync(run);
    const record = readListingRecordSync(run.metaDir);
    if (record === undefined) throw new Error('no record');
    expect(recordedTextSync(run.metaDir, record, 'proc/exit')).toBe('0');
    const exit = join(run.metaDir, 'proc', 'exit');
    await chmod(exit, 0o644);
    await writeFile(exit, '3'); // in place, same size
    expect(recordedTextSync(run.metaDir, record, 'proc/exit')).toBeUndefined();
    await rename(join(run.metaDir, 'opref'), join(runsDir, 'opref'));
    expect(recordedTextSync(run.metaDir, record, 'opref')).toBeUndefined();
    expect(recordedTextSync(run.metaDir, record, 'sys/flags.json')).toBeNull();
    expect(recordedTextSync(run.metaDir, record, 'config.json')).toBe(await readFile(join(run.metaDir, 'config.json'), 'utf8'));
  });
});

describe('listRuns() reads the record', () => {
  test('a run whose record holds a file with its time and size is loaded and sorted from the record', async () => {
    const older = await finishedRun('abc');
    const newer = await finishedRun('def');
    const T = 1_700_000_000;
    const stamped = async (run: Run, file: string, text?: string) => {
      const path = join(run.metaDir, file);
      if (text !== undefined) {
        await chmod(path, 0o644);
        await writeFile(path, text);
      }
      await utimes(path, T, T);
    };
    for (const run of [older, newer]) for (const file of ['opref', 'started']) await stamped(run, file);
    writeListingRecordSync(older);
    writeListingRecordSync(newer);
    // Rewritten by hand with the same size and time (no Gage writer does this): a listing from the files would show them.
    const [a, b] = [await readFile(join(older.metaDir, 'started'), 'utf8'), await readFile(join(newer.metaDir, 'started'), 'utf8')];
    await stamped(older, 'started', b);
    await stamped(newer, 'started', a);
    await stamped(older, 'opref', '2 bench tests');
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
