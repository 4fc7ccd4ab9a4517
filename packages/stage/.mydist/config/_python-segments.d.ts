import type { ConfigValue } from '@gage/types';
import { type PythonStringLiteral } from './_python-string.js';
/** A top-level `name = literal` line, understood without the parser. */
export interface SimpleAssign {
    kind: 'assign';
    name: string;
    /** Offsets of the literal (a unary sign included) in the text. */
    from: number;
    to: number;
    value: ConfigValue;
    string?: PythonStringLiteral;
}
/** Source between simple lines: whole lines for the parser, `[from, to)`. */
export interface CodeSegment {
    kind: 'code';
    from: number;
    to: number;
}
/**
 * Splits Python source into top-level simple assignments (`name = literal`
 * on one line, starting in column 1, outside any bracket, string or
 * continued line) and the code between them. A simple line is a statement
 * boundary Python cannot see past, so each code segment is valid Python on
 * its own exactly when the file is; simple lines are valid by construction
 * (anything not fully understood here is left to the parser). This lets a
 * config file of plain assignments be read without parsing it.
 */
export declare function pythonSegments(text: string): (SimpleAssign | CodeSegment)[];
//# sourceMappingURL=_python-segments.d.ts.map