import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { logRunnerSync, readRunConfigSync, readRunOpdefSync, scanRunFiles, writeMetaFileSync } from '@gage/meta';
import type { Config, Run } from '@gage/types';
import type { PatchedFile } from '../config/format-patched-diff.js';
import { ConfigReadbackError, ConfigWriteError } from '../errors.js';
import { configReadbackMismatches, type ReadbackFile } from './config-readback-mismatches.js';
import { planConfigPatch, type ConfigPatchPlan } from './plan-config-patch.js';
import type { StageOptions } from './stage-options.js';

/**
 * Staging phase 2 (docs/spec/lifecycle.md 7.1, docs/spec/stage.md 5.11): writes the run config
 * (`config.json`) into the copied files of the run dir, changing only the
 * bytes of values that change; writes `log/patched` (always, empty when
 * nothing changed) and scans the run dir into `log/files` with type `s`.
 * Keys the run config sets but no file defines are applied nowhere.
 *
 * @throws {ConfigWriteError} when a value cannot be written into its file
 *   (null into TOML, a non-finite float into JSON); no file is changed then.
 * @throws {ConfigReadbackError} `ERR_GAGE_CONFIG_READBACK` when a patched
 *   file, read back with its own reader, does not hold a value of
 *   `config.json` (decision 14); the run is not started.
 * @example
 * ```ts
 * await applyConfig(run); // say.py in the run dir now reads msg = "Ho there"
 * ```
 */
export async function applyConfig(run: Run, options: StageOptions = {}): Promise<void> {
  options.onPhase?.('stage-config');
  logRunnerSync(run, 'Applying configuration (see log/patched)');
  const config = readRunConfigSync(run);
  const opdef = readRunOpdefSync(run);
  const plan = await planConfigPatch(run.runDir, opdef, config, {
    onWarning: options.onWarning,
    runsDir: dirname(run.runDir),
  });
  if (plan.problems.length > 0) throw new ConfigWriteError(plan.problems);
  for (const file of plan.files) await writeRunFile(join(run.runDir, ...file.path.split('/')), file.newText);
  await checkReadback(run, plan, config);
  writeMetaFileSync(run, 'log/patched', await patchedDiff(plan.files));
  await scanRunFiles(run, 's');
}

/**
 * Decision 14: every patched file, read back from the run dir with its own
 * reader, must hold the run config's value of each key written into it.
 */
async function checkReadback(run: Run, plan: ConfigPatchPlan, config: Config): Promise<void> {
  const files: ReadbackFile[] = [];
  for (const [path, { format, keys }] of plan.written) {
    const text = (await readFile(join(run.runDir, ...path.split('/')), 'utf8')).replace(/^\ufeff/, '');
    files.push({ path, format, text, keys });
  }
  const mismatches = configReadbackMismatches(files, config);
  if (mismatches.length > 0) {
    logRunnerSync(run, `Config read-back failed: ${mismatches.map((m) => `${m.path} ${m.key}`).join(', ')}`);
    throw new ConfigReadbackError(mismatches);
  }
}

/** `log/patched`: empty when nothing changed; the diff module (and its library) is loaded only when needed. */
async function patchedDiff(files: readonly PatchedFile[]): Promise<string> {
  if (files.length === 0) return '';
  const { formatPatchedDiff } = await import('../config/format-patched-diff.js');
  return formatPatchedDiff(files);
}

/** Rewrites a copied file, keeping its mode (a copy of a read-only file is made writable for the write). */
async function writeRunFile(path: string, text: string): Promise<void> {
  const { mode } = await stat(path);
  if ((mode & 0o200) === 0) await chmod(path, mode | 0o200);
  await writeFile(path, text);
  if ((mode & 0o200) === 0) await chmod(path, mode & 0o7777);
}
