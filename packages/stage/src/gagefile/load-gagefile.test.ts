import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { loadGagefile } from './load-gagefile.js';

afterAll(cleanupTestdirs);

async function load(name: string, text: string) {
  const dir = await testdir({ [name]: text });
  return loadGagefile(join(dir, name));
}

async function loadError(name: string, text: string): Promise<{ code: string; message: string; path: string }> {
  const dir = await testdir({ [name]: text });
  try {
    await loadGagefile(join(dir, name));
  } catch (err) {
    const e = err as { code: string; message: string; path: string };
    return { code: e.code, message: e.message, path: e.path.slice(dir.length + 1) };
  }
  throw new Error('expected an error');
}

describe('loadGagefile formats', () => {
  test('TOML: operations in file order, integers as bigint, settings', async () => {
    const gf = await load('gage.toml', [
      '"$runs-dir" = "runs"',
      '',
      '[train]',
      'exec = "python train.py"',
      'version = 2',
      '',
      '[eval]',
      'config = "eval.py"',
      'default = true',
      'lr = 1.0',
      '',
    ].join('\n'));
    expect(gf.operations.map((op) => op.name)).toEqual(['train', 'eval']);
    expect(gf.operations[0]).toEqual({ name: 'train', data: { exec: 'python train.py', version: 2n }, gagefile: gf.path });
    expect(gf.operations[1]?.data['lr']).toBe(1);
    expect(gf.settings).toEqual({ runsDir: 'runs' });
    expect(Object.getPrototypeOf(gf.data)).toBe(Object.prototype);
  });

  test('an operation named __proto__ is an ordinary operation in TOML, YAML and JSON', async () => {
    for (const [name, text] of [
      ['gage.toml', '[__proto__]\nexec = "x"\n[b]\nexec = "z"\n'],
      ['gage.yaml', '__proto__:\n  exec: x\nb:\n  exec: z\n'],
      ['gage.json', '{"__proto__": {"exec": "x"}, "b": {"exec": "z"}}'],
    ] as const) {
      const gf = await load(name, text);
      expect([name, gf.operations.map((op) => [op.name, op.data['exec']])]).toEqual([name, [['__proto__', 'x'], ['b', 'z']]]);
      expect(Object.getPrototypeOf(gf.data)).toBe(Object.prototype);
    }
  });

  test('empty TOML file: no operations', async () => {
    expect((await load('gage.toml', '')).operations).toEqual([]);
  });

  test('YAML uses 1.1 scalars: yes/no/on/off booleans, 1e3 a float', async () => {
    const gf = await load('gage.yaml', 'op:\n  default: yes\n  version: 1e3\n  description: "on"\nother:\n  default: off\n');
    expect(gf.operations[0]?.data).toEqual({ default: true, version: 1000, description: 'on' });
    expect(gf.operations[1]?.data).toEqual({ default: false });
  });

  test('.yml and upper-case extensions are accepted', async () => {
    expect((await load('gage.yml', 'a: {}\n')).operations.map((o) => o.name)).toEqual(['a']);
    expect((await load('GAGE.JSON', '{"b": {}}')).operations.map((o) => o.name)).toEqual(['b']);
  });

  test('JSON: whole-line // comments are dropped', async () => {
    const gf = await load('gage.json', '// Gage file\n{\n  // the op\n    //indented\n  "op": {"exec": ["a", "b"]}\n}\n');
    expect(gf.operations[0]?.data).toEqual({ exec: ['a', 'b'] });
    expect(gf.settings).toEqual({});
  });

  test('$archives-dir is a setting, not an operation', async () => {
    const gf = await load('gage.json', '{"$archives-dir": "arch", "op": {}}');
    expect(gf.settings).toEqual({ archivesDir: 'arch' });
    expect(gf.operations.map((o) => o.name)).toEqual(['op']);
  });

  test('unknown opdef keys load (only check reports them)', async () => {
    const gf = await load('gage.json', '{"op": {"env": {"A": "1"}, "summary": {"filename": "s.json"}}}');
    expect(gf.operations[0]?.data['env']).toEqual({ A: '1' });
  });
});

describe('loadGagefile errors', () => {
  test('empty JSON file', async () => {
    expect(await loadError('gage.json', '')).toEqual({
      code: 'ERR_GAGE_GAGEFILE_SYNTAX',
      message: 'Expecting value: line 1 column 1 (char 0)',
      path: 'gage.json',
    });
  });

  test('a comment after content is a syntax error; positions refer to the stripped text', async () => {
    const text = '// header\n{\n  "op": {} // trailing\n}\n';
    expect((await loadError('gage.json', text)).message).toBe("Expecting ',' delimiter: line 2 column 12 (char 13)");
    const spec = '{\n  "op": {}    // after the op\n}\n';
    expect((await loadError('gage.json', spec)).message).toBe("Expecting ',' delimiter: line 2 column 15 (char 16)");
  });

  test('TOML and YAML syntax errors name line and column', async () => {
    const toml = await loadError('gage.toml', '[op]\nexec = \n');
    expect(toml.code).toBe('ERR_GAGE_GAGEFILE_SYNTAX');
    expect(toml.message).toMatch(/ at line 2, column \d+$/);
    const yaml = await loadError('gage.yaml', 'op:\n  exec: [a,\nother: 1\n');
    expect(yaml.code).toBe('ERR_GAGE_GAGEFILE_SYNTAX');
    expect(yaml.message).toMatch(/at line 3, column 1$/);
    expect(yaml.message).not.toContain('\n');
  });

  test('unsupported extension', async () => {
    const err = await loadError('gage.txt', '{}');
    expect(err.code).toBe('ERR_GAGE_GAGEFILE_EXTENSION');
    expect(err.message).toMatch(/^unsupported file extension for .*\/gage\.txt$/);
  });

  test('missing file', async () => {
    const dir = await testdir();
    await expect(loadGagefile(join(dir, 'gage.toml'))).rejects.toMatchObject({
      code: 'ERR_GAGE_GAGEFILE_MISSING',
      message: `file does not exist: ${join(dir, 'gage.toml')}`,
    });
  });

  test('empty YAML is null: not an object', async () => {
    const err = await loadError('gage.yaml', '');
    expect(err).toEqual({ code: 'ERR_GAGE_GAGEFILE_INVALID', message: 'The instance must be of type "object"', path: 'gage.yaml' });
  });

  test('an opdef that is not an object, or a field of the wrong type, is rejected on load', async () => {
    expect((await loadError('gage.json', '{"op": "python x.py"}')).message).toBe(
      'Properties [\'op\'] are invalid\nThe instance must be of type "object"',
    );
    const err = await loadError('gage.toml', '[op]\ndefault = "yes"\n');
    expect(err.message.split('\n')).toEqual([
      "Properties ['op'] are invalid",
      "Properties ['default'] are invalid",
      'The instance must be of type "boolean"',
    ]);
  });
});
