import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fastGuildYaml, loadGuildYaml, parseGuildYaml } from './_parse-guild-yaml.js';

const yaml = (text: string): unknown => parse(text, { schema: 'core', intAsBigInt: true, uniqueKeys: false });

test('the fast path reads one-line scalars exactly as the yaml core schema does', async () => {
  await loadGuildYaml();
  const cases = ['1700000000002000\n', '0\n', '-2\n', '0.1\n', '1.0e-05\n', '1e3\n', 'true\n', 'null\n', '~\n', 'maria\n', 'maria-laptop\n',
    'Linux 6.1 x86_64\n', "'y'\n", '"r\\xE9seau \\u2713"\n', '.inf\n', '-.inf\n', '.nan\n', '0x1F\n', '0o17\n', 'a: b\n', '- a\n', 'x # comment\n', '[1, 2]\n',
    '{}\n', '12:30\n', 'héllo\n'];
  for (const text of cases) {
    expect([text, parseGuildYaml(text)]).toEqual([text, yaml(text)]);
  }
});

test("the fast path reads every attribute of the Guild fixtures (PyYAML's block style) as yaml does", async () => {
  await loadGuildYaml();
  const root = fileURLToPath(new URL('../../test/fixtures/import/guild', import.meta.url));
  let read = 0;
  for (const run of readdirSync(root).filter((n) => /^[0-9a-f]{32}$/.test(n))) {
    const dir = join(root, run, '.guild', 'attrs');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      const fast = fastGuildYaml(text);
      if (fast === undefined) continue;
      expect([run, name, fast]).toEqual([run, name, yaml(text)]);
      read++;
    }
  }
  expect(read).toBeGreaterThan(40);
});

test('block documents: what the fast path reads equals yaml, and what it cannot read it leaves to yaml', async () => {
  await loadGuildYaml();
  const cases = [
    "- /usr/bin/python3\n- -um\n- guild.op_main\n- train\n- --\n- --lr\n- '0.1'\n",
    '- body: "best so far \\u2713"\n  host: maria-laptop\n  time: 1700000000005000\n  user: maria\n',
    'GUILD_OP: mnist:train\nLANG: C.UTF-8\nWANDB_API_KEY: secret-value\n',
    "dropout: 1.0\nepochs: 10\neps: 1.0e-05\nlayers:\n- 64\n- 32\nlr: 0.1\nname: \"r\\xE9seau \\u2713\"\n'y': 'n'\n",
    'a:\n  b: 1\n  c:\n  - x\n  - y\nd: ~\n',
    'a:\n  - 1\n  - 2\n',
    'a:\nb: 2\n',
    '- a: 1\n  b:\n  - x\n- c: 3\n',
    '- \n- x\n',
    '{}\n',
    '[]\n',
    'a: {}\nb: []\n',
    '"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600"\n',
    '"\\ud83d\\ude00"\n',
    "'it''s'\n",
    '"a\n',
    "'a\n",
    '"a"b"\n',
    '"\\q"\n',
    '"\\x4"\n',
    '"\\U00110000"\n',
    '"tab\there"\n',
    'a: 1\na: 2\n',
    'a: 1\n  b\n',
    '- a\n  b\n',
    'a: b # c\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    '---\na: 1\n',
    'a: 1\n...\n',
    '---\n',
    '--- x\n',
    '...\n',
    '- ---\n- -1\n- -0x1F\n- -.nan\n- -.inf\n- --lr\n- -\n',
    '# c\na: 1\n',
    'a: 1\n\nb: 2\n',
    'a: 1 \n',
    'a:  1\n',
    'a: \n',
    'true: 1\n',
    'null: 1\n',
    '1: a\n',
    '~: a\n',
    '"k": v\n',
    "'k': v\n",
    'a b: c\n',
    'a.b: c\n',
    '-x: 1\n',
    '__proto__: 1\n',
    '<<: 1\n',
    'a: -x\n',
    'a: - x\n',
    'a: [1, 2]\n',
    'a: "x" \n',
    '- - a\n',
    '-\n  a\n',
    'a:\n    b: 1\n  c: 2\n',
    'a:\n  b: 1\nc: 2\n',
    'a: b:c\n',
    'a: b: c\n',
    'a: 1_000\n',
    'a: 0x1F\n',
    'a: .inf\n',
    'a: .NaN\n',
    'a: True\nb: FALSE\nc: Null\n',
    'a: 1e3\nb: -0.5\nc: +7\n',
    'a: x\r\nb: y\r\n',
    '\ufeffa: 1\n',
    'a: \u0001\n',
    '',
    '\n',
    'a: "\u00e9"\n',
    'é: 1\n',
  ];
  for (const text of cases) {
    let expected: unknown;
    try {
      expected = yaml(text);
    } catch {
      expected = 'yaml error';
    }
    const fast = fastGuildYaml(text);
    if (fast !== undefined) expect([text, fast]).toEqual([text, expected]);
    let got: unknown;
    try {
      got = parseGuildYaml(text);
    } catch {
      got = 'yaml error';
    }
    expect([text, got]).toEqual([text, expected]);
  }
  // The forms Guild writes take the fast path.
  for (const text of cases.slice(0, 12)) expect([text, fastGuildYaml(text)]).not.toEqual([text, undefined]);
});

test('random block documents built of tricky scalars: the fast path, when it reads one, equals yaml', async () => {
  await loadGuildYaml();
  let seed = 20261208;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const scalars = ['x', '-x', '--', '-', '- x', 'a:b', 'a: b', 'x:', '#x', 'x #y', 'x#y', "'q'", "'it''s'", "'a", '"e\\x41"', '"\\u00e9"', '"\\q"', '"a"b"',
    'true', 'yes', 'No', 'null', '~', '', '1', '-1', '+1', '007', '1.5', '-.5', '1e3', '1.0e-05', '.inf', '-.Inf', '.nan', '0x1F', '-0x1F', '0o7', '1_0', '@x',
    '`x', '%x', '[x', '{}', '[]', '{a: 1}', '&a x', '*a', '!x', '|', '>', ' x', 'x ', 'é', '12:30', 'a b', '?x', ':x', '"', "'"];
  const keys = ['a', 'b_c', 'd.e', 'f-g', "'y'", '"n"', 'true', '1', 'a b', '-k', 'a'];
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)] as T;
  const value = (indent: string, depth: number): string => {
    const kind = depth > 1 ? 0 : rand(4);
    if (kind === 0) {
      const s = pick(scalars);
      return s === '' ? '' : ` ${s}`;
    }
    if (kind === 1) return `\n${Array.from({ length: 1 + rand(3) }, () => `${indent}-${value(indent + '  ', depth + 1)}`).join('\n')}`;
    const inner = `${indent}  `;
    return `\n${Array.from({ length: 1 + rand(3) }, () => `${inner}${pick(keys)}:${value(inner, depth + 1)}`).join('\n')}`;
  };
  let read = 0;
  for (let n = 0; n < 3000; n++) {
    const text = rand(2) === 0
      ? `${Array.from({ length: 1 + rand(4) }, () => `${pick(keys)}:${value('', 0)}`).join('\n')}\n`
      : `${Array.from({ length: 1 + rand(4) }, () => `-${value('  ', 1)}`).join('\n')}\n`;
    const fast = fastGuildYaml(text);
    if (fast === undefined) continue;
    read++;
    expect([text, fast]).toEqual([text, yaml(text)]);
  }
  expect(read).toBeGreaterThan(300);
});
