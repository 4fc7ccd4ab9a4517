import type { Config } from '@gage/types';
import type { PythonConfigLiteral } from './read-python-config.js';
/**
 * The config literals of Python source (stage.md 5.6), per literal span
 * the keys that share it; spans are offsets into `source`. The literals of
 * the last source are kept, so a patch of the text just read does not read
 * it again: the result is shared and must not be modified.
 */
export declare function pythonLiterals(source: string): readonly PythonConfigLiteral[];
/** The values of the keys of Python source and the literals behind them (a fresh object and array). */
export declare function collectPythonLiterals(source: string): {
    values: Config;
    literals: PythonConfigLiteral[];
};
//# sourceMappingURL=_python-literals.d.ts.map