import type { ConfigFormat } from './config-format.js';
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
export declare const pythonConfigFormat: ConfigFormat;
//# sourceMappingURL=python-config-format.d.ts.map