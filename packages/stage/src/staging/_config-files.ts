import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config, OpDef } from '@gage/types';
import type { ConfigFormat } from '../config/config-format.js';
import { parseConfigPath, type ConfigPath } from '../config/parse-config-path.js';
import { selectConfigKeys } from '../config/select-config-keys.js';
import { configKeys, opdefConfig } from '../gagefile/opdef-config.js';
import { selectConfigFiles } from '../sourcecode/select-config-files.js';
import { configFormatFor } from './config-format-for.js';

/** One config file chosen by a config object of the opdef, loaded. */
export interface LoadedConfigFile {
  /** Path relative to the root, `/` separators. */
  path: string;
  format: ConfigFormat;
  /** The file text without a UTF-8 byte order mark. */
  text: string;
  /** The file starts with a UTF-8 byte order mark (kept when the file is patched). */
  bom: boolean;
  /** Every value the file defines. */
  values: Config;
  /** The keys of `values` the config object chooses (docs/spec/stage.md 5.4). */
  keys: string[];
}

/**
 * Yields, per config object of the opdef in order and per chosen file in path
 * order, the loaded file and the keys it contributes (docs/spec/stage.md 5.2-5.5).
 * Unsupported and unreadable files are reported through `warn` and skipped.
 * `texts` lets a caller supply the current text (byte order mark included) of
 * a file it already changed.
 */
export async function* loadConfigFiles(
  rootDir: string,
  opdef: OpDef,
  warn: (message: string) => void,
  runsDir: string | undefined,
  texts: ReadonlyMap<string, string> = new Map(),
): AsyncGenerator<LoadedConfigFile> {
  for (const object of opdefConfig(opdef)) {
    const paths = configKeys(object).map(parseConfigPath);
    const files = await selectConfigFiles(rootDir, filePatterns(paths), { runsDir });
    for (const path of files) {
      const format = await configFormatFor(path);
      if (format === undefined) {
        warn(`Unsupported file type for config file "${path}"`);
        continue;
      }
      try {
        const raw = texts.get(path) ?? decodeUtf8(await readFile(join(rootDir, ...path.split('/'))));
        const bom = raw.startsWith(BOM);
        const text = bom ? raw.slice(1) : raw;
        const values = format.read(text, (message) => warn(`Config file "${path}": ${message}`));
        const nested = format.name !== 'python' && format.name !== 'notebook';
        yield { path, format, text, bom, values, keys: selectConfigKeys(Object.keys(values), paths, { nested }) };
      } catch (err) {
        warn(`Cannot load configuration for "${path}": ${(err as Error).message}`);
      }
    }
  }
}

function filePatterns(paths: readonly ConfigPath[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p.file === undefined) continue;
    if (p.fileExclude) out.push(`-${p.file}`);
    else out.push(p.file.startsWith('-') ? `\\${p.file}` : p.file);
  }
  return out;
}

const BOM = '\ufeff';
// ignoreBOM keeps a byte order mark in the text, so a patched file keeps it too.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Error('not a UTF-8 text file');
  }
}
