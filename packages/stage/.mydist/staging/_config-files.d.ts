import type { Config, OpDef } from '@gage/types';
import type { ConfigFormat } from '../config/config-format.js';
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
    /** The keys of `values` the config object chooses (stage.md 5.4). */
    keys: string[];
}
/**
 * Yields, per config object of the opdef in order and per chosen file in path
 * order, the loaded file and the keys it contributes (stage.md 5.2-5.5).
 * Unsupported and unreadable files are reported through `warn` and skipped.
 * `texts` lets a caller supply the current text (byte order mark included) of
 * a file it already changed.
 */
export declare function loadConfigFiles(rootDir: string, opdef: OpDef, warn: (message: string) => void, runsDir: string | undefined, texts?: ReadonlyMap<string, string>): AsyncGenerator<LoadedConfigFile>;
//# sourceMappingURL=_config-files.d.ts.map