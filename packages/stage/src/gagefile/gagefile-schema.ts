/**
 * The Gage file JSON Schema (2020-12), docs/spec/stage.md 2 and 6, and the one
 * source of `@gage/stage/gagefile.schema.json`, the file the package ships for
 * editors (the build writes it: scripts/write-gagefile-schema.mjs).
 * `validateGagefile` evaluates it with Gage's messages.
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
export const gagefileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://gage.org/gagefile',
  title: 'Gage File',
  $defs: {
    'shell-cmd': { title: 'Shell command', type: 'string' },
    'cmd-args': {
      title: 'Command arguments',
      type: 'array',
      items: { title: 'Command argument', type: 'string', minLength: 1 },
    },
    'exec-cmd': { oneOf: [{ $ref: '#/$defs/shell-cmd' }, { $ref: '#/$defs/cmd-args' }] },
    'exec-phases': {
      title: 'Exec commands per phase',
      type: 'object',
      additionalProperties: false,
      properties: {
        'stage-sourcecode': { $ref: '#/$defs/exec-cmd' },
        'stage-runtime': { $ref: '#/$defs/exec-cmd' },
        'stage-dependencies': { $ref: '#/$defs/exec-cmd' },
        run: { $ref: '#/$defs/exec-cmd' },
        finalize: { $ref: '#/$defs/exec-cmd' },
        'finalize-run': { $ref: '#/$defs/exec-cmd' },
      },
    },
    'progress-phases': {
      title: 'Progress parser per phase',
      type: 'object',
      additionalProperties: false,
      properties: {
        'stage-sourcecode': { type: 'string' },
        'stage-runtime': { type: 'string' },
        'stage-dependencies': { type: 'string' },
        run: { type: 'string' },
        finalize: { type: 'string' },
        'finalize-run': { type: 'string' },
      },
    },
    'files-pattern': {
      title: 'Files pattern',
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
    },
    'keys-pattern': {
      title: 'Keys pattern',
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      ],
    },
    config: {
      title: 'Run configuration',
      type: 'object',
      additionalProperties: false,
      required: ['keys'],
      properties: {
        keys: { $ref: '#/$defs/keys-pattern' },
        description: { type: 'string' },
        prefix: { type: 'string' },
        'strip-prefix': { type: 'string' },
        rename: { type: 'string' },
      },
    },
    dependency: {
      title: 'Dependency',
      type: 'object',
      oneOf: [
        {
          title: 'Project files dependency',
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            type: { type: 'string', enum: ['project-files'] },
            description: { type: 'string' },
            files: { $ref: '#/$defs/files-pattern' },
            link: { type: 'boolean' },
          },
        },
        {
          title: 'Run files dependency',
          type: 'object',
          additionalProperties: false,
          required: ['run-select'],
          properties: {
            type: { type: 'string', enum: ['run-files'] },
            description: { type: 'string' },
            'run-select': { type: 'string' },
            files: { $ref: '#/$defs/files-pattern' },
          },
        },
        {
          title: 'Runs summary dependency',
          type: 'object',
          additionalProperties: false,
          required: ['type', 'runs-select'],
          properties: {
            type: { type: 'string', enum: ['runs-summary'] },
            description: { type: 'string' },
            'runs-select': { type: 'string' },
            'summary-filename': { type: 'string' },
          },
        },
      ],
    },
    opdef: {
      title: 'Operation definition',
      type: 'object',
      additionalProperties: false,
      properties: {
        description: { type: 'string' },
        default: { type: 'boolean' },
        version: {
          oneOf: [{ type: 'string', minLength: 1, pattern: '^[^\\s]*$' }, { type: 'number' }, { type: 'null' }],
        },
        exec: {
          oneOf: [{ $ref: '#/$defs/shell-cmd' }, { $ref: '#/$defs/cmd-args' }, { $ref: '#/$defs/exec-phases' }],
        },
        progress: { oneOf: [{ type: 'string' }, { $ref: '#/$defs/progress-phases' }] },
        sourcecode: { oneOf: [{ $ref: '#/$defs/files-pattern' }, { type: 'boolean' }] },
        config: {
          oneOf: [
            { $ref: '#/$defs/keys-pattern' },
            { $ref: '#/$defs/config' },
            { type: 'array', items: { $ref: '#/$defs/config' } },
          ],
        },
        depends: {
          oneOf: [{ $ref: '#/$defs/dependency' }, { type: 'array', items: { $ref: '#/$defs/dependency' } }],
        },
        'output-summary': { oneOf: [{ type: 'boolean' }, { type: 'string' }] },
        'output-scalars': { oneOf: [{ type: 'boolean' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        listing: {
          type: 'object',
          additionalProperties: false,
          properties: { description: { type: 'array', items: { type: 'string', minLength: 1 } } },
        },
        summary: { type: 'object', properties: { filename: { type: 'string' } } },
      },
    },
  },
  type: 'object',
  additionalProperties: false,
  properties: {
    '$runs-dir': { title: 'Runs directory, relative to the project dir', type: 'string' },
    '$archives-dir': { title: 'Archives directory, relative to the project dir', type: 'string' },
  },
  patternProperties: {
    '^[^$\\s]\\S*$': { $ref: '#/$defs/opdef' },
  },
} as const;
