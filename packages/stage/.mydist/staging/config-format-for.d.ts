import type { ConfigFormat } from '../config/config-format.js';
/**
 * The config format of a file, by extension (case-insensitive): Python,
 * JSON, YAML or TOML (decision 7); `undefined` for any other file, notebooks
 * included until they arrive (stage.md 5.2, 5.7). Asynchronous because each
 * format's parser is loaded only when a file of that format is configured
 * (`gage run` start-up).
 *
 * @example
 * ```ts
 * (await configFormatFor('train.py')) === pythonConfigFormat; // true
 * await configFormatFor('model.ipynb'); // undefined
 * await configFormatFor('.py'); // undefined (a hidden file with no extension)
 * ```
 */
export declare function configFormatFor(path: string): Promise<ConfigFormat | undefined>;
//# sourceMappingURL=config-format-for.d.ts.map