// The entry '@gage/stage/config-formats': the config file formats as plain
// synchronous objects and functions. Importing it loads every parser (yaml,
// @lezer/python, smol-toml) and diff; the main entry '@gage/stage' reaches
// them only through loadConfigFormat() / configFormatFor(), so programs that
// rarely read a config file (gage run) do not pay for them at start-up.
export type { ConfigFormat, ConfigPatchResult } from './config/config-format.js';
export type { ConfigFormatName } from './config/load-config-format.js';
export { jsonConfigFormat } from './config/json-config.js';
export { tomlConfigFormat } from './config/toml-config.js';
export { yamlConfigFormat } from './config/yaml-config.js';
export { pythonConfigFormat } from './config/python-config-format.js';
export { notebookConfigFormat } from './config/notebook-config-format.js';
export { readPythonConfig } from './config/read-python-config.js';
export type { PythonConfig, PythonConfigLiteral } from './config/read-python-config.js';
export { patchPythonConfig } from './config/patch-python-config.js';
export { formatPatchedDiff } from './config/format-patched-diff.js';
export type { PatchedFile } from './config/format-patched-diff.js';
export { ConfigSyntaxError, NotebookFormatError } from './errors.js';
