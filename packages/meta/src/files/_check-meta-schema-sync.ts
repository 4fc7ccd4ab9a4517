import { existsSync } from 'node:fs';
import type { Run } from '@gage/types';
import { MetaSchemaError, RunGoneError, RunMetaError } from '../errors.js';
import { readMetaFileSync } from '../meta-file/read-meta-file-sync.js';

/** Fails unless the run's `__schema__` is `1` (docs/spec/lifecycle.md 7.3); `RunGoneError` when the meta dir itself is gone. */
export function checkMetaSchemaSync(run: Run): void {
  const text = readMetaFileSync(run, '__schema__');
  if (text === undefined) {
    if (!existsSync(run.metaDir)) throw new RunGoneError(run.id, run.metaDir);
    throw new RunMetaError(run.id, '__schema__', 'file is missing', {
      hint: 'The meta dir is incomplete: the run was not fully made, or its files were changed by hand.',
    });
  }
  const schema = text.trimEnd();
  if (schema !== '1') throw new MetaSchemaError(schema);
}
