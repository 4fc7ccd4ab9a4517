/**
 * The Gage file JSON Schema (2020-12), stage.md 2 and 6. The package ships the
 * same document as `@gage/stage/gagefile.schema.json` for editors (a test
 * keeps both equal). `validateGagefile` evaluates it with Gage's messages.
 *
 * Keywords used: `$ref`, `type`, `properties`, `patternProperties`,
 * `additionalProperties: false`, `items`, `required`, `minLength`,
 * `minItems`, `pattern`, `enum`, `oneOf` (plus annotations).
 *
 * @example
 * ```ts
 * writeFileSync('gagefile.schema.json', JSON.stringify(gagefileSchema, null, 2));
 * gagefileSchema.$defs.opdef.properties.exec; // the exec field schema
 * ```
 */
export declare const gagefileSchema: {
    readonly $schema: 'https://json-schema.org/draft/2020-12/schema';
    readonly $id: 'https://gage.org/gagefile';
    readonly title: 'Gage File';
    readonly $defs: {
        readonly 'shell-cmd': {
            readonly title: 'Shell command';
            readonly type: 'string';
        };
        readonly 'cmd-args': {
            readonly title: 'Command arguments';
            readonly type: 'array';
            readonly items: {
                readonly title: 'Command argument';
                readonly type: 'string';
                readonly minLength: 1;
            };
        };
        readonly 'exec-cmd': {
            readonly oneOf: readonly [{
                readonly $ref: '#/$defs/shell-cmd';
            }, {
                readonly $ref: '#/$defs/cmd-args';
            }];
        };
        readonly 'exec-phases': {
            readonly title: 'Exec commands per phase';
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly 'stage-sourcecode': {
                    readonly $ref: '#/$defs/exec-cmd';
                };
                readonly 'stage-runtime': {
                    readonly $ref: '#/$defs/exec-cmd';
                };
                readonly 'stage-dependencies': {
                    readonly $ref: '#/$defs/exec-cmd';
                };
                readonly run: {
                    readonly $ref: '#/$defs/exec-cmd';
                };
                readonly finalize: {
                    readonly $ref: '#/$defs/exec-cmd';
                };
                readonly 'finalize-run': {
                    readonly $ref: '#/$defs/exec-cmd';
                };
            };
        };
        readonly 'progress-phases': {
            readonly title: 'Progress parser per phase';
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly 'stage-sourcecode': {
                    readonly type: 'string';
                };
                readonly 'stage-runtime': {
                    readonly type: 'string';
                };
                readonly 'stage-dependencies': {
                    readonly type: 'string';
                };
                readonly run: {
                    readonly type: 'string';
                };
                readonly finalize: {
                    readonly type: 'string';
                };
                readonly 'finalize-run': {
                    readonly type: 'string';
                };
            };
        };
        readonly 'files-pattern': {
            readonly title: 'Files pattern';
            readonly oneOf: readonly [{
                readonly type: 'string';
                readonly minLength: 1;
            }, {
                readonly type: 'array';
                readonly items: {
                    readonly type: 'string';
                    readonly minLength: 1;
                };
            }];
        };
        readonly 'keys-pattern': {
            readonly title: 'Keys pattern';
            readonly oneOf: readonly [{
                readonly type: 'string';
                readonly minLength: 1;
            }, {
                readonly type: 'array';
                readonly items: {
                    readonly type: 'string';
                    readonly minLength: 1;
                };
                readonly minItems: 1;
            }];
        };
        readonly config: {
            readonly title: 'Run configuration';
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly required: readonly ['keys'];
            readonly properties: {
                readonly keys: {
                    readonly $ref: '#/$defs/keys-pattern';
                };
                readonly description: {
                    readonly type: 'string';
                };
                readonly prefix: {
                    readonly type: 'string';
                };
                readonly 'strip-prefix': {
                    readonly type: 'string';
                };
                readonly rename: {
                    readonly type: 'string';
                };
            };
        };
        readonly dependency: {
            readonly title: 'Dependency';
            readonly type: 'object';
            readonly oneOf: readonly [{
                readonly title: 'Project files dependency';
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['files'];
                readonly properties: {
                    readonly type: {
                        readonly type: 'string';
                        readonly enum: readonly ['project-files'];
                    };
                    readonly description: {
                        readonly type: 'string';
                    };
                    readonly files: {
                        readonly $ref: '#/$defs/files-pattern';
                    };
                    readonly link: {
                        readonly type: 'boolean';
                    };
                };
            }, {
                readonly title: 'Run files dependency';
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['run-select'];
                readonly properties: {
                    readonly type: {
                        readonly type: 'string';
                        readonly enum: readonly ['run-files'];
                    };
                    readonly description: {
                        readonly type: 'string';
                    };
                    readonly 'run-select': {
                        readonly type: 'string';
                    };
                    readonly files: {
                        readonly $ref: '#/$defs/files-pattern';
                    };
                };
            }, {
                readonly title: 'Runs summary dependency';
                readonly type: 'object';
                readonly additionalProperties: false;
                readonly required: readonly ['type', 'runs-select'];
                readonly properties: {
                    readonly type: {
                        readonly type: 'string';
                        readonly enum: readonly ['runs-summary'];
                    };
                    readonly description: {
                        readonly type: 'string';
                    };
                    readonly 'runs-select': {
                        readonly type: 'string';
                    };
                    readonly 'summary-filename': {
                        readonly type: 'string';
                    };
                };
            }];
        };
        readonly opdef: {
            readonly title: 'Operation definition';
            readonly type: 'object';
            readonly additionalProperties: false;
            readonly properties: {
                readonly description: {
                    readonly type: 'string';
                };
                readonly default: {
                    readonly type: 'boolean';
                };
                readonly version: {
                    readonly oneOf: readonly [{
                        readonly type: 'string';
                        readonly minLength: 1;
                        readonly pattern: '^[^\\s]*$';
                    }, {
                        readonly type: 'number';
                    }, {
                        readonly type: 'null';
                    }];
                };
                readonly exec: {
                    readonly oneOf: readonly [{
                        readonly $ref: '#/$defs/shell-cmd';
                    }, {
                        readonly $ref: '#/$defs/cmd-args';
                    }, {
                        readonly $ref: '#/$defs/exec-phases';
                    }];
                };
                readonly progress: {
                    readonly oneOf: readonly [{
                        readonly type: 'string';
                    }, {
                        readonly $ref: '#/$defs/progress-phases';
                    }];
                };
                readonly sourcecode: {
                    readonly oneOf: readonly [{
                        readonly $ref: '#/$defs/files-pattern';
                    }, {
                        readonly type: 'boolean';
                    }];
                };
                readonly config: {
                    readonly oneOf: readonly [{
                        readonly $ref: '#/$defs/keys-pattern';
                    }, {
                        readonly $ref: '#/$defs/config';
                    }, {
                        readonly type: 'array';
                        readonly items: {
                            readonly $ref: '#/$defs/config';
                        };
                    }];
                };
                readonly depends: {
                    readonly oneOf: readonly [{
                        readonly $ref: '#/$defs/dependency';
                    }, {
                        readonly type: 'array';
                        readonly items: {
                            readonly $ref: '#/$defs/dependency';
                        };
                    }];
                };
                readonly 'output-summary': {
                    readonly oneOf: readonly [{
                        readonly type: 'boolean';
                    }, {
                        readonly type: 'string';
                    }];
                };
                readonly listing: {
                    readonly type: 'object';
                    readonly additionalProperties: false;
                    readonly properties: {
                        readonly description: {
                            readonly type: 'array';
                            readonly items: {
                                readonly type: 'string';
                                readonly minLength: 1;
                            };
                        };
                    };
                };
                readonly summary: {
                    readonly type: 'object';
                    readonly properties: {
                        readonly filename: {
                            readonly type: 'string';
                        };
                    };
                };
            };
        };
    };
    readonly type: 'object';
    readonly additionalProperties: false;
    readonly properties: {
        readonly '$runs-dir': {
            readonly title: 'Runs directory, relative to the project dir';
            readonly type: 'string';
        };
        readonly '$archives-dir': {
            readonly title: 'Archives directory, relative to the project dir';
            readonly type: 'string';
        };
    };
    readonly patternProperties: {
        readonly '^[^$\\s]\\S*$': {
            readonly $ref: '#/$defs/opdef';
        };
    };
};
//# sourceMappingURL=gagefile-schema.d.ts.map