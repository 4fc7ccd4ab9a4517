import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deleteRuns, initRunMetaSync, initRunUserAttrs, makeRun, scanRunFiles, writeManifest, writeMetaFileSync, writeRunTimestampSync } from '@gage/meta';
import { finalizeRun } from '@gage/proc';
import { encodeJson, encodeMetaJson, OpCmd, OpDef, OpRef, type Config, type JsonValue, type Run } from '@gage/types';

/** Options of {@link makeResultRun}. */
export interface ResultRunOptions {
  op?: string;
  config?: Config;
  /** Written as `summary.json` in the run dir, which finalizing reads (decision 19); integers as `bigint`. */
  summary?: { attributes?: Record<string, unknown>; metrics?: Record<string, unknown> };
  label?: string;
  exitCode?: number;
  /** Source code files written into the run dir and recorded in its manifest (type `s`). */
  files?: Record<string, string>;
  /** Written as the meta file `provenance.json` (decision 18). */
  provenance?: Record<string, unknown>;
  /** Written as the meta file `provenance.patch`. */
  patch?: string;
}

/**
 * Makes a finalized run with the real `@gage/meta` and `@gage/proc`
 * functions (init, user attrs, source files and manifest, `staged`,
 * `started`, `finalizeRun`, which reads the summary), without starting a
 * process, so tests of the commands that read results can make many runs
 * fast. Runs made one after the other start in that order.
 */
export async function makeResultRun(runsDir: string, options: ResultRunOptions = {}): Promise<Run> {
  const op = options.op ?? 'train';
  const run = await makeRun(runsDir);
  const opdef = OpDef(op, { exec: 'python train.py' }, join(runsDir, 'gage.toml'));
  initRunMetaSync(run, OpRef('proj', op), opdef, options.config ?? {}, OpCmd('python train.py', {}), { platform: 'test' });
  await initRunUserAttrs(run, options.label ? { label: options.label } : {});
  await mkdir(run.runDir, { recursive: true });
  for (const [path, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(run.runDir, path)), { recursive: true });
    await writeFile(join(run.runDir, path), text);
  }
  if (options.provenance) writeMetaFileSync(run, 'provenance.json', encodeMetaJson(options.provenance as unknown as JsonValue));
  if (options.patch !== undefined) writeMetaFileSync(run, 'provenance.patch', options.patch);
  await scanRunFiles(run, 's');
  await writeManifest(run);
  writeRunTimestampSync(run, 'staged');
  writeRunTimestampSync(run, 'started');
  if (options.summary) await writeFile(join(run.runDir, 'summary.json'), encodeJson(options.summary as unknown as JsonValue));
  await finalizeRun(run, options.exitCode ?? 0);
  return run;
}

/** Moves a run to the trash. */
export async function trashRun(run: Run): Promise<void> {
  await deleteRuns([run]);
}
