import { describe, expect, test } from '@jest/globals';
import type { Config, ConfigValue } from '@gage/types';
import { pythonConfigFormat } from './python-config-format.js';

/** A literal kind: its source text for `i`, the value Python gives it, and a new value with its expected text. */
interface Kind {
  text: (i: number) => string;
  value: (i: number) => ConfigValue;
  next: (i: number) => { value: ConfigValue; text: string };
}

const KINDS: Kind[] = [
  { text: (i) => `${i}`, value: (i) => BigInt(i), next: (i) => ({ value: BigInt(i + 1), text: `${i + 1}` }) },
  { text: (i) => `-${i}_000`, value: (i) => BigInt(-i * 1000), next: (i) => ({ value: BigInt(i), text: `${i}` }) },
  { text: (i) => `0x${i.toString(16)}`, value: (i) => BigInt(i), next: () => ({ value: 7n, text: '7' }) },
  { text: (i) => `0o${i.toString(8)}`, value: (i) => BigInt(i), next: () => ({ value: 8n, text: '8' }) },
  { text: (i) => `${i}.25`, value: (i) => i + 0.25, next: (i) => ({ value: i + 0.5, text: `${i}.5` }) },
  { text: (i) => `${i}e-3`, value: (i) => i / 1000, next: () => ({ value: 2.5, text: '2.5' }) },
  { text: () => '.5', value: () => 0.5, next: () => ({ value: 1, text: '1.0' }) },
  { text: (i) => `'name-${i}'`, value: (i) => `name-${i}`, next: (i) => ({ value: `new-${i}`, text: `'new-${i}'` }) },
  { text: (i) => `"tab\\t${i}"`, value: (i) => `tab\t${i}`, next: (i) => ({ value: `x${i}`, text: `"x${i}"` }) },
  { text: (i) => `r'\\d+${i}'`, value: (i) => `\\d+${i}`, next: (i) => ({ value: `y${i}`, text: `r'y${i}'` }) },
  { text: (i) => `u"\\u00e9${i}"`, value: (i) => `é${i}`, next: () => ({ value: 'z', text: 'u"z"' }) },
  { text: (i) => `'''three ${i}'''`, value: (i) => `three ${i}`, next: () => ({ value: 'q', text: "'''q'''" }) },
  { text: () => 'True', value: () => true, next: () => ({ value: false, text: 'False' }) },
  { text: () => 'False', value: () => false, next: () => ({ value: true, text: 'True' }) },
  { text: () => 'None', value: () => null, next: () => ({ value: 3n, text: '3' }) },
];

/** Code that holds no config value (valid Python, with lines that only look like assignments). */
const CODE = [
  'import os',
  'def main():',
  '    """Run.\n\nnot_a_key = 1\n"""',
  '',
  '    local = 2  # a local, not a key',
  '    # a comment in a body',
  '    return local',
  'text = str("""',
  'inside_string = 3',
  '""")',
  'if os.name == "nt":',
  '    pass',
  'else:',
  '    pass',
  'total = (1 +',
  '         2)',
  'joined = 1 + \\',
  '    2',
  '@staticmethod',
  'def helper(): pass',
];

/** A valid Python file of about `lines` lines (valid by construction), the values it defines, and the new values and text after a patch. */
function makeFile(lines: number, eol: string, end: string) {
  const out: string[] = ['"""Settings."""', ''];
  const patched: string[] = [...out];
  const values: Config = {};
  const newValues: Config = {};
  const after: Config = {};
  for (let i = 0; out.length < lines; i++) {
    const kind = KINDS[i % KINDS.length] as Kind;
    const key = `key_${i}`;
    const extra = i % 7 === 0 ? [`# about ${key}`] : i % 7 === 3 ? [''] : i % 97 === 50 ? CODE : [];
    const change = i % 37 === 0 ? kind.next(i) : undefined;
    const comment = i % 2 ? `  # setting ${i}` : '';
    out.push(...extra, `${key} = ${kind.text(i)}${end}${comment}`);
    patched.push(...extra, `${key} = ${change ? change.text : kind.text(i)}${end}${comment}`);
    values[key] = kind.value(i);
    after[key] = change ? change.value : kind.value(i);
    if (change) newValues[key] = change.value;
  }
  for (const [i, key] of ['list', 'dict'].entries()) {
    const block = i === 0 ? [`${key} = [`, '    # first', '    1,', '', '    "two",', ']'] : [`${key} = {`, '    "a": 1.5,  # a', '    "b": [True],', '}'];
    out.push(...block);
    patched.push(...block);
  }
  Object.assign(values, { 'list.0': 1n, 'list.1': 'two', 'dict.a': 1.5, 'dict.b.0': true });
  Object.assign(after, { 'list.0': 1n, 'list.1': 'two', 'dict.a': 1.5, 'dict.b.0': true });
  return { text: out.join(eol) + eol, values, newValues, after, patchedText: patched.join(eol) + eol };
}

describe('pythonConfigFormat on large files', () => {
  // `;` after each value makes every line a statement group, which only the parser reads.
  test.each([['LF', '\n', ''], ['CRLF', '\r\n', ''], ['LF, parsed', '\n', ';'], ['CRLF, parsed', '\r\n', ';']])(
    'pythonConfigFormat reads and patches a 5,000-line file with comment and blank lines (%s)',
    (_name, eol, end) => {
      const file = makeFile(5000, eol, end);
      expect(file.text.split(eol).length).toBeGreaterThan(5000);
      expect(Object.keys(file.newValues).length).toBeGreaterThanOrEqual(90);
      expect(pythonConfigFormat.read(file.text)).toEqual(file.values);
      const { text, warnings } = pythonConfigFormat.patch(file.text, file.newValues);
      expect(warnings).toEqual([]);
      expect(text).toBe(file.patchedText);
      expect(pythonConfigFormat.read(text)).toEqual(file.after);
    },
  );

  test('pythonConfigFormat reads 1,000 statements in a function body separated by blank lines', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `    local_${i} = ${i}\n\n`).join('');
    expect(pythonConfigFormat.read(`def main():\n${body}x = 1\n`)).toEqual({ x: 1n });
  });

  test('pythonConfigFormat still rejects invalid code between simple assignments', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `# c\nk${i} = ${i}\n`).join('');
    expect(() => pythonConfigFormat.read(`${lines}if k1:\nk2 = 3\n`)).toThrow(
      expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX', line: 1202, column: 1 }),
    );
    expect(() => pythonConfigFormat.read(`${lines}@dec\nk2 = 3\n`)).toThrow(expect.objectContaining({ line: 1202 }));
    expect(() => pythonConfigFormat.read(`x = 1\nif x:\n    pass\ny = 2\nelse:\n    pass\n`)).toThrow(expect.objectContaining({ line: 5 }));
  });

  test('pythonConfigFormat reads the same text again and returns fresh objects', () => {
    const source = 'x = 1\n';
    const first = pythonConfigFormat.read(source);
    first['x'] = 2n;
    expect(pythonConfigFormat.read(source)).toEqual({ x: 1n });
    expect(pythonConfigFormat.patch(source, { x: 5n }).text).toBe('x = 5\n');
  });

  test.each([
    ['a = \'x # y\'  # c\nb = "q\\"q"\n', { a: 'x # y', b: 'q"q' }],
    ["s = '''a''' '''b'''\nt = '''a'''\n", { t: 'a' }],
    ['x = 1 + \\\n  2\ny = 3\n', { y: 3n }],
    ['x = "a\\\nb"\nz = 4\n', { x: 'ab', z: 4n }],
    ['t = (\n1\n)\nz = 1\n', { t: 1n, z: 1n }],
    ['v = -0.0\nw = +1\nu = - 2\np = 1e+5\nq = 0b101\n', { v: -0, w: 1n, u: -2n, p: 100000, q: 5n }],
    ['f = f"x{1}"\ng = b"x"\nk = 1j\nh = "\\u00e9"\nm = -True\n', { h: '\u00e9', m: -1n }],
    ['d = """\nx = 1\n"""\ne = 2\n', { d: '\nx = 1\n', e: 2n }],
    ['r = rb"x"\nu = ur"x"\n', undefined],
  ])('pythonConfigFormat reads %j as the parser does', (source, values) => {
    if (values) expect(pythonConfigFormat.read(source)).toEqual(values);
    else expect(() => pythonConfigFormat.read(source)).toThrow(expect.objectContaining({ code: 'ERR_GAGE_CONFIG_SYNTAX' }));
  });
});
