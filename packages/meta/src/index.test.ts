import { describe, expect, test } from '@jest/globals';
import * as meta from '@gage/meta';

describe('@gage/meta exports map', () => {
  test('exports the core of runs on disk by the package name', () => {
    for (const name of [
      'makeRunId',
      'makeRunTimestamp',
      'makeRun',
      'runMetaDir',
      'runMetaPath',
      'writeMetaFileSync',
      'readMetaFileSync',
      'logRunnerSync',
      'makeReadOnlySync',
      'writeRunTimestampSync',
      'runTimestampSync',
      'initRunMetaSync',
      'readRunConfigSync',
      'readRunOpdefSync',
      'readRunCmdSync',
      'scanRunFiles',
      'readFilesLogSync',
      'writeManifest',
      'readManifestSync',
      'fileSha256',
      'lockRun',
      'runLockState',
      'RunLock',
      'isPidAlive',
      'runProcessPid',
      'runStatus',
      'writeRunSubmission',
      'readRunSubmission',
      'clearRunSubmission',
      'runAttrSync',
      'clearRunAttrCache',
      'setMetaLogger',
      'RunExistsError',
      'RunMetaInitializedError',
      'RunMetaError',
      'MetaSchemaError',
      'MetaEncodingError',
      'RunLockedError',
      'RunAttrError',
      'InvalidRunLockError',
      'RunGoneError',
      'findOrphanedRunFiles',
      'removeOrphanedRunFiles',
      'readTextSync',
      'notRegularFile',
    ]) {
      expect([name, typeof (meta as Record<string, unknown>)[name]]).toEqual([name, 'function']);
    }
    expect(new meta.RunLockedError('abc')).toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED', message: 'Run "abc" is in use by another process' });
  });
});
