/** Python's `repr` of a list of strings or integers: `['a', 'b']`, `[0, 2]`. */
export declare function pythonListRepr(items: readonly (string | number)[]): string;
//# sourceMappingURL=_python-list-repr.d.ts.map