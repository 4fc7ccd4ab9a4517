import { describe, expect, test } from '@jest/globals';
import { validateGagefile } from './validate-gagefile.js';

const ONE_OF_NONE_OF_2 = 'The instance must be valid against exactly one subschema; it is valid against [] and invalid against [0, 1]';

describe('validateGagefile', () => {
  test('valid files give no problems', () => {
    expect(validateGagefile({})).toEqual([]);
    expect(validateGagefile({
      '$runs-dir': 'runs',
      '$archives-dir': 'archives',
      empty: {},
      full: {
        description: 'Train\nmore',
        default: true,
        version: '1.0',
        exec: { 'stage-sourcecode': 'x', run: ['python', 'x.py'], 'finalize-run': '' },
        progress: { run: 'tqdm' },
        sourcecode: [],
        config: [{ keys: ['a.py', '-#b'], description: '', prefix: '', 'strip-prefix': '', rename: '' }],
        depends: [{ files: ['a'], link: true }, { 'run-select': 'x', files: 'a' }, { type: 'runs-summary', 'runs-select': 'x' }],
        'output-summary': '--(.*)--',
        listing: { description: ['loss'] },
        summary: { filename: 's.json' },
      },
      v1: { version: 1n, exec: '', sourcecode: true, config: 'a.py', 'output-summary': false },
      v2: { version: 2.5, exec: [], sourcecode: '*.py', config: ['a.py', 'b.py'], progress: 'tqdm' },
      v3: { version: null, config: { keys: 'a.py' }, depends: { type: 'project-files', files: 'x' } },
    })).toEqual([]);
  });

  test('exact example: output-summary 123', () => {
    expect(validateGagefile({ op: { 'output-summary': 123n } })).toEqual([
      "Properties ['op'] are invalid",
      "Properties ['output-summary'] are invalid",
      ONE_OF_NONE_OF_2,
      'The instance must be of type "boolean"',
      'The instance must be of type "string"',
    ]);
  });

  test('type', () => {
    expect(validateGagefile([])).toEqual(['The instance must be of type "object"']);
    expect(validateGagefile({ op: 1n })).toEqual(["Properties ['op'] are invalid", 'The instance must be of type "object"']);
  });

  test('properties: failing keys in instance order', () => {
    expect(validateGagefile({ op: { description: 1n, default: 'x' } })).toEqual([
      "Properties ['op'] are invalid",
      "Properties ['description', 'default'] are invalid",
      'The instance must be of type "string"',
      'The instance must be of type "boolean"',
    ]);
    expect(validateGagefile({ '$runs-dir': 1n })).toEqual(["Properties ['$runs-dir'] are invalid", 'The instance must be of type "string"']);
  });

  test('additionalProperties: unknown opdef keys, unknown settings, empty and spaced op names', () => {
    expect(validateGagefile({ op: { env: {}, exec: 'x', summery: 1n } })).toEqual([
      "Properties ['op'] are invalid",
      "Additional properties: ['env', 'summery']",
    ]);
    expect(validateGagefile({ $other: 'x', '': {}, 'my op': {} })).toEqual(["Additional properties: ['$other', '', 'my op']"]);
    expect(validateGagefile({ "it's": {} }, {})).toEqual([]);
    expect(validateGagefile({ op: { env: {} } }, { allowUnknownOpdefKeys: true })).toEqual([]);
  });

  test('a name with a quote is shown in double quotes', () => {
    expect(validateGagefile({ op: { "it's": 1n } })).toEqual(["Properties ['op'] are invalid", 'Additional properties: ["it\'s"]']);
  });

  test('items and minLength', () => {
    expect(validateGagefile({ op: { exec: ['python', '', 'x', ''] } })).toEqual([
      "Properties ['op'] are invalid",
      "Properties ['exec'] are invalid",
      'The instance must be valid against exactly one subschema; it is valid against [] and invalid against [0, 1, 2]',
      'The instance must be of type "string"',
      'Items: [1, 3]',
      'The text is too short (minimum 1 characters)',
      'The text is too short (minimum 1 characters)',
      'The instance must be of type "object"',
    ]);
  });

  test('required and minItems', () => {
    expect(validateGagefile({ op: { config: [] } })).toEqual([]);
    const problems = validateGagefile({ op: { config: { prefix: 'x' } } });
    expect(problems).toContain("The object is missing required properties ['keys']");
    const minItems = validateGagefile({ op: { config: { keys: [] } } });
    expect(minItems).toContain('The array has too few elements (minimum 1)');
  });

  test('pattern', () => {
    expect(validateGagefile({ op: { version: 'a b' } })).toEqual([
      "Properties ['op'] are invalid",
      "Properties ['version'] are invalid",
      'The instance must be valid against exactly one subschema; it is valid against [] and invalid against [0, 1, 2]',
      'The text must match the regular expression "^[^\\\\s]*$"',
      'The instance must be of type "number"',
      'The instance must be of type "null"',
    ]);
  });

  test('enum', () => {
    const problems = validateGagefile({ op: { depends: { type: 'project-files', 'run-select': 'x' } } });
    expect(problems).toContain("Value must be one of: ['run-files']");
  });

  test('oneOf: an empty dependency fails all three kinds', () => {
    expect(validateGagefile({ op: { depends: {} } })).toEqual([
      "Properties ['op'] are invalid",
      "Properties ['depends'] are invalid",
      ONE_OF_NONE_OF_2,
      'The instance must be valid against exactly one subschema; it is valid against [] and invalid against [0, 1, 2]',
      "The object is missing required properties ['files']",
      "The object is missing required properties ['run-select']",
      "The object is missing required properties ['type', 'runs-select']",
      'The instance must be of type "array"',
    ]);
  });

  test('exec phases: unknown phases are additional properties', () => {
    const problems = validateGagefile({ op: { exec: { 'init-runtime': 'x', 'resolve-dependencies': 'y', run: 'z' } } });
    expect(problems).toContain("Additional properties: ['init-runtime', 'resolve-dependencies']");
  });
});
