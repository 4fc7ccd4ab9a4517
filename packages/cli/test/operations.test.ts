import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { GREET, GREET_OPS, gage } from './_helpers.js';

let project: string;
let home: string;

beforeAll(async () => {
  project = await testdir(GREET);
  home = await testdir();
});

afterAll(async () => {
  await removeTree(project);
  await removeTree(home);
});

describe('gage operations', () => {
  test('prints the operations table sorted by name', async () => {
    const r = await gage(['ops'], { cwd: project, home });
    expect(r).toEqual({ code: 0, stdout: GREET_OPS, stderr: '' });
    expect((await gage(['operations'], { cwd: project, home })).stdout).toBe(GREET_OPS);
  });

  test('--json prints name, description, default and version', async () => {
    const r = await gage(['ops', '--json'], { cwd: project, home });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '[\n  {\n    "name": "fail",\n    "description": "Exit with status 3",\n    "default": false,\n    "version": null\n  },\n' +
        '  {\n    "name": "hello",\n    "description": "Print a greeting.\\n\\nPrints \\"Hello\\" followed by the configured name.\\n",\n    "default": true,\n    "version": null\n  }\n]\n',
    );
  });

  test('long descriptions wrap onto continuation rows', async () => {
    const dir = await testdir({ 'gage.json': JSON.stringify({ op: { description: 'word '.repeat(30).trim() } }) });
    try {
      const r = await gage(['ops'], { cwd: dir, home });
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.length).toBe(5);
      expect(lines[2]).toMatch(/^\| op        \| word/);
      expect(lines[3]).toMatch(/^\|           \| word/);
      expect(lines[4]).toMatch(/^\|           \| word/);
      for (const l of lines) expect(l.length).toBe(80);
    } finally {
      await removeTree(dir);
    }
  });

  test('without a Gage file: No operations defined', async () => {
    const dir = await testdir({ '.git/HEAD': '' });
    try {
      expect(await gage(['ops'], { cwd: dir, home })).toEqual({ code: 1, stdout: '', stderr: 'gage: No operations defined for the current directory\n' });
    } finally {
      await removeTree(dir);
    }
  });

  test('an unreadable Gage file', async () => {
    const dir = await testdir({ 'gage.json': '' });
    try {
      const r = await gage(['ops'], { cwd: dir, home });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^gage: There was an issue reading operations from .*gage\.json: Expecting value: line 1 column 1 \(char 0\)\n$/);
    } finally {
      await removeTree(dir);
    }
  });

  test('a Gage file error names the file as seen from where gage started, not its absolute path', async () => {
    const dir = await testdir({ 'gage.toml': '[hello\n', 'src/.keep': '' });
    const other = await testdir();
    const message = (shown: string) =>
      `gage: There was an issue reading operations from ${shown}: Invalid TOML document: illegal character in key at line 1, column 7\n`;
    try {
      expect((await gage(['ops'], { cwd: dir, home })).stderr).toBe(message('gage.toml'));
      expect((await gage(['ops'], { cwd: join(dir, 'src'), home })).stderr).toBe(message(join('..', 'gage.toml')));
      expect((await gage(['-C', basename(dir), 'ops'], { cwd: dirname(dir), home })).stderr).toBe(message(join(basename(dir), 'gage.toml')));
      // A project named by PROJECT_DIR away from the start dir: the absolute path says where it is.
      const away = await gage(['ops'], { cwd: other, home, env: { PROJECT_DIR: dir } });
      expect(away.stderr).toBe(message(join(dir, 'gage.toml')));
    } finally {
      await removeTree(dir);
      await removeTree(other);
    }
  });

  test('-C runs in another directory', async () => {
    expect((await gage(['-C', project, 'ops'], { cwd: home, home })).stdout).toBe(GREET_OPS);
  });

  test('extra arguments are a usage error', async () => {
    const r = await gage(['ops', 'x'], { cwd: project, home });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Usage: gage ops [options]\nTry 'gage ops -h' for help.\n\nError: Got unexpected extra argument (x)\n");
  });
});
