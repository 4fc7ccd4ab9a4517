import type { Config, OpDef } from '@gage/types';
import { setConfigValue } from '../config/_set-config-value.js';
import { loadConfigFiles } from './_config-files.js';
import { defaultWarning } from './stage-options.js';

/** Options of {@link readProjectConfig}. */
export interface ReadProjectConfigOptions {
  /** Called with each warning (unsupported or unreadable config file). Default: stderr. */
  onWarning?: ((message: string) => void) | undefined;
  /** The runs dir, never scanned when it lies inside the project. */
  runsDir?: string | undefined;
}

/**
 * Reads the config defaults of an operation from the project (docs/spec/stage.md 5.5):
 * for each config object in order, each chosen file in path order, the
 * values of the chosen keys; later files and objects win. Integers are
 * `bigint`, floats `number` (decision 6).
 *
 * @example
 * ```ts
 * await readProjectConfig(projectDir, opdef); // { msg: 'Hi there' }
 * ```
 */
export async function readProjectConfig(projectDir: string, opdef: OpDef, options: ReadProjectConfigOptions = {}): Promise<Config> {
  const config: Config = {};
  const warn = options.onWarning ?? defaultWarning;
  for await (const file of loadConfigFiles(projectDir, opdef, warn, options.runsDir)) {
    for (const key of file.keys) setConfigValue(config, key, file.values[key] as Config[string]);
  }
  return config;
}
