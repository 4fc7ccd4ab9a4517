import { expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { loadGuildYaml, parseGuildYaml } from './_parse-guild-yaml.js';

test('the fast path reads one-line scalars exactly as the yaml core schema does', async () => {
  await loadGuildYaml();
  const cases = ['1700000000002000\n', '0\n', '-2\n', '0.1\n', '1.0e-05\n', '1e3\n', 'true\n', 'null\n', '~\n', 'maria\n', 'maria-laptop\n',
    'Linux 6.1 x86_64\n', "'y'\n", '"r\\xE9seau \\u2713"\n', '.inf\n', '-.inf\n', '.nan\n', '0x1F\n', '0o17\n', 'a: b\n', '- a\n', 'x # comment\n', '[1, 2]\n',
    '{}\n', '12:30\n', 'héllo\n'];
  for (const text of cases) {
    expect([text, parseGuildYaml(text)]).toEqual([text, parse(text, { schema: 'core', intAsBigInt: true })]);
  }
});
