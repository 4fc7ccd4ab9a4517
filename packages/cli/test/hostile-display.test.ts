import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage, gageBin } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

const g = (args: string[]) => gage(['--runs', runs, ...args], { cwd: project, home });

// A run prints its config value raw, and writes a file whose name holds an escape sequence.
const SAY = `const { name } = JSON.parse(require('fs').readFileSync('config.json', 'utf8'));
require('fs').writeFileSync('evil\\x1b[2J.txt', '');
console.log('Hello ' + name);
`;
const LINES = 150_000;
const HUGE = 30 * 1024 * 1024;

beforeAll(async () => {
  project = await testdir({
    'gage.toml': `[say]\nexec = "node say.cjs"\nconfig = "config.json"\n\n` +
      `[many]\nexec = ["node", "-e", "let s = ''; for (let i = 0; i < ${LINES}; i++) s += 'line ' + i + '\\\\n'; process.stdout.write(s)"]\n\n` +
      `[huge]\nexec = ["node", "-e", "process.stdout.write('x'.repeat(${HUGE}) + '\\\\nend\\\\n')"]\n`,
    'say.cjs': SAY,
    'config.json': '{"name": "World"}\n',
  });
  home = await testdir();
  runs = join(home, 'runs');
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

/** C0 (but LF), DEL and C1 control characters: none may reach the terminal from a human display. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('hostile text in human displays', () => {
  const label = 'L1\nL2\x1b[2J';
  const name = 'a\x1b]0;T\x07';

  beforeAll(async () => {
    expect((await g(['run', 'say', '-y', '-q', '-l', label, `name=${name}`])).code).toBe(0);
  });

  test('list shows the label escaped, on one row', async () => {
    const r = await g(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain('L1\\nL2\\x1b[2J');
  });

  test('show escapes the label, the config, the file names and the output; show -o and cat -o stay raw', async () => {
    const full = await g(['show']);
    expect(full.code).toBe(0);
    expect(full.stdout).not.toMatch(RAW_CONTROL);
    expect(full.stdout).toMatch(/^\| L1\\nL2\\x1b\[2J +\|$/m);
    expect(full.stdout).toMatch(/^\| name +a\\x1b\]0;T\\x07 +\|$/m);
    expect(full.stdout).toMatch(/\| evil\\x1b\[2J\.txt +\|/);
    expect(full.stdout).toMatch(/^\| Hello a\\x1b\]0;T\\x07 +\|$/m);
    expect((await g(['show', '-c'])).stdout).toBe('| name | a\\x1b]0;T\\x07 |\n');
    expect((await g(['show', '-f'])).stdout).toContain('evil\\x1b[2J.txt');
    expect((await g(['show', '-o'])).stdout).toBe(`Hello ${name}\n`);
    expect((await g(['cat', '-o'])).stdout).toBe(`Hello ${name}\n`);
    expect((await g(['select', '--label'])).stdout).toBe(`${label}\n`); // for scripts: raw, as cat
  });

  test('an error that echoes user input escapes it', async () => {
    const r = await g(['show', '\x1b[2Jzzz']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: "gage: No runs match '\\x1b[2Jzzz'\n\nUse 'gage list' to show available runs.\n" });
  });
});

describe('gage show of a large output', () => {
  test(`${LINES} lines: the last 50 and a count of the others; --limit-output N`, async () => {
    expect((await g(['run', 'many', '-y', '-q'])).code).toBe(0);
    const r = await g(['show']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    const first = lines.findIndex((l) => l.startsWith('| … '));
    expect(lines[first]).toMatch(/^\| … 149950 earlier lines \(see --limit-output, gage cat -o\) +\|$/);
    expect(lines.slice(first + 1, first + 51).map((l) => l.slice(2).trimEnd().replace(/ +\|$/, ''))).toEqual(
      Array.from({ length: 50 }, (_, k) => `line ${LINES - 50 + k}`),
    );
    const three = await g(['show', '--limit-output', '3']);
    expect(three.stdout).toMatch(/\| … 149997 earlier lines .*\n\| line 149997 +\|\n\| line 149998 +\|\n\| line 149999 +\|\n$/);
    expect((await g(['show', '--limit-output', 'x'])).code).toBe(2);
  });

  test('a 30 MB line: shown cut, with a heap far smaller than the line (the built bin)', async () => {
    expect((await g(['run', 'huge', '-y', '-q'])).code).toBe(0);
    // Reading the line whole (and splitting it into characters) needs hundreds of MB of heap.
    const r = await gageBin(['--runs', runs, 'show'], { cwd: project, home, env: { NODE_OPTIONS: '--max-old-space-size=48' } });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    // Line starts are searched for in the last 16 MiB: the start of a longer line is not shown either.
    expect(r.stdout).toMatch(/^\| …x{74}… \|\n\| end +\|\n$/m);
  });
});
