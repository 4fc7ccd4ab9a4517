import type { Run } from '@gage/types';
import { MetaSchemaError, RunMetaError } from './errors.js';
import { readMetaFile } from './read-meta-file.js';

/** Fails unless the run's `__schema__` is `1` (lifecycle.md 7.3). */
export async function checkMetaSchema(run: Run): Promise<void> {
  const text = await readMetaFile(run, '__schema__');
  if (text === undefined) {
    throw new RunMetaError(run.id, '__schema__', 'file is missing', { hint: 'Was the run initialized with initRunMeta?' });
  }
  const schema = text.trimEnd();
  if (schema !== '1') throw new MetaSchemaError(schema);
}
