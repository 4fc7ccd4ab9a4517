import { chmod, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { logRunner, readRunConfig, readRunOpdef, scanRunFiles, writeMetaFile } from '@gage/meta';
import type { Config, Run } from '@gage/types';
import { formatPatchedDiff, type PatchedFile } from '../config/format-patched-diff.js';
import { loadConfigFiles } from './_config-files.js';
import { defaultWarning, type StageOptions } from './stage-options.js';

/**
 * Staging phase 2 (lifecycle.md 7.1, stage.md 5.11): writes the run config
 * (`config.json`) into the copied files of the run dir, changing only the
 * bytes of values that change; writes `log/patched` (always, empty when
 * nothing changed) and scans the run dir into `log/files` with type `s`.
 * Keys the run config sets but no file defines are applied nowhere.
 *
 * @example
 * ```ts
 * await applyConfig(run); // say.py in the run dir now reads msg = "Ho there"
 * ```
 */
export async function applyConfig(run: Run, options: StageOptions = {}): Promise<void> {
  const warn = options.onWarning ?? defaultWarning;
  options.onPhase?.('stage-config');
  await logRunner(run, 'Applying configuration (see log/patched)');
  const [config, opdef] = await Promise.all([readRunConfig(run), readRunOpdef(run)]);
  const originals = new Map<string, string>();
  const current = new Map<string, string>();
  for await (const file of loadConfigFiles(run.runDir, opdef, warn, dirname(run.runDir), current)) {
    const values = pick(config, file.keys);
    if (Object.keys(values).length === 0) continue;
    const result = file.format.patch(file.text, values);
    for (const message of result.warnings) warn(`Cannot write configuration to "${file.path}": ${message}`);
    if (result.text === file.text) continue;
    if (!originals.has(file.path)) originals.set(file.path, file.text);
    current.set(file.path, result.text);
    await writeRunFile(join(run.runDir, ...file.path.split('/')), result.text);
  }
  const patched: PatchedFile[] = [];
  for (const [path, oldText] of originals) patched.push({ path, oldText, newText: current.get(path) as string });
  await writeMetaFile(run, 'log/patched', formatPatchedDiff(patched));
  await scanRunFiles(run, 's');
}

function pick(config: Config, keys: readonly string[]): Config {
  const out: Config = {};
  for (const key of keys) if (Object.hasOwn(config, key)) out[key] = config[key] as Config[string];
  return out;
}

/** Rewrites a copied file, keeping its mode (a copy of a read-only file is made writable for the write). */
async function writeRunFile(path: string, text: string): Promise<void> {
  const { mode } = await stat(path);
  if ((mode & 0o200) === 0) await chmod(path, mode | 0o200);
  await writeFile(path, text);
  if ((mode & 0o200) === 0) await chmod(path, mode & 0o7777);
}
