import type { Config, OpDef } from '@gage/types';
import type { ConfigFormat } from '../config/config-format.js';
import type { PatchedFile } from '../config/format-patched-diff.js';
import { setConfigValue } from '../config/_set-config-value.js';
import { loadConfigFiles } from './_config-files.js';
import { defaultWarning } from './stage-options.js';

/** Options of {@link planConfigPatch}. */
export interface PlanConfigPatchOptions {
  /** Called with each warning (unsupported or unreadable config file). Default: stderr. */
  onWarning?: ((message: string) => void) | undefined;
  /** The runs dir, never scanned when it lies inside `rootDir`. */
  runsDir?: string | undefined;
}

/** What {@link planConfigPatch} would change. */
export interface ConfigPatchPlan {
  /** Every file whose text changes, from the original to the final text. */
  files: PatchedFile[];
  /** For each file of `files`: its reader and the keys written into it, for the read-back check (decision 14). */
  written: Map<string, { format: ConfigFormat; keys: string[] }>;
  /** Values that cannot be written: `"<file>": <key>: <why>`, one per value. */
  problems: string[];
}

/**
 * Plans writing `config` into the config files of `opdef` under `rootDir`
 * (docs/spec/stage.md 5.11): reads the files, writes nothing. `applyConfig` applies
 * such a plan to a run dir; the CLI plans against the project first so that
 * a value a file cannot hold is an error before any run is made.
 *
 * @example
 * ```ts
 * const plan = await planConfigPatch(projectDir, opdef, { msg: 'Ho there' });
 * plan.files[0]?.newText; // 'msg = "Ho there"\nprint(msg)\n'
 * ```
 */
export async function planConfigPatch(
  rootDir: string,
  opdef: OpDef,
  config: Config,
  options: PlanConfigPatchOptions = {},
): Promise<ConfigPatchPlan> {
  const warn = options.onWarning ?? defaultWarning;
  const originals = new Map<string, string>();
  const current = new Map<string, string>();
  const problems: string[] = [];
  const written = new Map<string, { format: ConfigFormat; keys: string[] }>();
  for await (const file of loadConfigFiles(rootDir, opdef, warn, options.runsDir, current)) {
    const values = pick(config, file.keys);
    if (Object.keys(values).length === 0) continue;
    const entry = written.get(file.path) ?? { format: file.format, keys: [] };
    for (const key of Object.keys(values)) if (!entry.keys.includes(key)) entry.keys.push(key);
    written.set(file.path, entry);
    const result = file.format.patch(file.text, values);
    for (const message of result.warnings) problems.push(`"${file.path}": ${message.replace(/; value left unchanged$/, '')}`);
    if (result.text === file.text) continue;
    const bom = file.bom ? '\ufeff' : '';
    if (!originals.has(file.path)) originals.set(file.path, bom + file.text);
    current.set(file.path, bom + result.text);
  }
  const files: PatchedFile[] = [];
  for (const [path, oldText] of originals) files.push({ path, oldText, newText: current.get(path) as string });
  for (const path of written.keys()) if (!originals.has(path)) written.delete(path);
  return { files, written, problems };
}

function pick(config: Config, keys: readonly string[]): Config {
  const out: Config = {};
  for (const key of keys) if (Object.hasOwn(config, key)) setConfigValue(out, key, config[key] as Config[string]);
  return out;
}
