// Test fixtures for the listing, selection and delete tests: real run
// layouts on disk, written file by file (what makeRun + initRunMetaSync leave
// behind, reduced to the files these functions read).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runNameForId, type Run } from '@gage/types';

/** What a fixture run has on disk. */
export interface FakeRunOptions {
  opref?: string | undefined;
  idFile?: string | undefined;
  initialized?: number;
  staged?: number;
  started?: number;
  exit?: number;
  deleted?: boolean;
  runDir?: boolean;
}

/** Writes a run with id `id` under `runsDir` and returns it as `runForMetaDirSync` would (op ref aside). */
export async function makeFakeRun(runsDir: string, id: string, options: FakeRunOptions = {}): Promise<Run> {
  const runDir = join(runsDir, id);
  const metaDir = `${runDir}${options.deleted ? '.meta.deleted' : '.meta'}`;
  await mkdir(join(metaDir, 'proc'), { recursive: true });
  const opref = 'opref' in options ? options.opref : '2 test test';
  if (opref !== undefined) await writeFile(join(metaDir, 'opref'), opref);
  const idFile = 'idFile' in options ? options.idFile : id;
  if (idFile !== undefined) await writeFile(join(metaDir, 'id'), idFile);
  for (const name of ['initialized', 'staged', 'started'] as const) {
    const value = options[name];
    if (value !== undefined) await writeFile(join(metaDir, name), String(value));
  }
  if (options.exit !== undefined) await writeFile(join(metaDir, 'proc', 'exit'), String(options.exit));
  if (options.runDir ?? true) await mkdir(runDir, { recursive: true });
  const runId = idFile?.trim() || id;
  const name = /^[0-9a-f]/i.test(runId) ? runNameForId(runId) : '';
  return { id: runId, name, runDir, metaDir, opref: { ns: 'test', name: 'test' } };
}

/** A run object for selection tests (nothing on disk). */
export function runFor(id: string): Run {
  return { id, name: runNameForId(id), runDir: `/runs/${id}`, metaDir: `/runs/${id}.meta` };
}
