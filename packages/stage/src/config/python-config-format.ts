import type { ConfigFormat } from './config-format.js';
import { patchPythonConfig } from './patch-python-config.js';
import { readPythonConfig } from './read-python-config.js';

/**
 * The {@link ConfigFormat} of Python files (`.py`): {@link readPythonConfig}
 * and {@link patchPythonConfig}. Every value is writable, so `warnings` is
 * always empty.
 *
 * @example
 * ```ts
 * pythonConfigFormat.read('msg = "Hi there"\n');                        // { msg: 'Hi there' }
 * pythonConfigFormat.patch('msg = "Hi there"\n', { msg: 'Ho there' });  // { text: 'msg = "Ho there"\n', warnings: [] }
 * ```
 */
export const pythonConfigFormat: ConfigFormat = {
  name: 'python',
  read: (text) => readPythonConfig(text).values,
  patch: (text, values) => ({ text: patchPythonConfig(text, values), warnings: [] }),
};
