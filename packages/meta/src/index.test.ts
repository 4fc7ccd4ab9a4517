import { describe, expect, test } from '@jest/globals';
import * as meta from '@gage/meta';

describe('@gage/meta exports map', () => {
  test('exports the core of runs on disk by the package name', () => {
    for (const name of [
      'makeRunId', 'makeRunTimestamp', 'makeRun', 'runMetaDir', 'runMetaPath', 'writeMetaFile', 'readMetaFile', 'logRunner',
      'makeReadOnly', 'writeRunTimestamp', 'runTimestamp', 'initRunMeta', 'readRunConfig', 'readRunOpdef', 'readRunCmd',
      'scanRunFiles', 'readFilesLog', 'writeManifest', 'readManifest', 'fileSha256', 'lockRun', 'runLockState', 'RunLock',
      'isPidAlive', 'runProcessPid', 'runStatus', 'runAttr', 'clearRunAttrCache', 'setMetaLogger', 'RunExistsError', 'RunMetaInitializedError',
      'RunMetaError', 'MetaSchemaError', 'MetaEncodingError', 'RunLockedError', 'RunAttrError', 'InvalidRunLockError', 'RunGoneError',
      'findOrphanedRunFiles', 'removeOrphanedRunFiles',
    ]) {
      expect([name, typeof (meta as Record<string, unknown>)[name]]).toEqual([name, 'function']);
    }
    expect(new meta.RunLockedError('abc')).toMatchObject({ code: 'ERR_GAGE_RUN_LOCKED', message: 'Run "abc" is in use by another process' });
  });
});
