import { chmod, readdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { runComments } from '@gage/meta';
import type { Run } from '@gage/types';
import { GREET, gage } from './_helpers.js';
import { makeGreetRun } from './_fixture-runs.js';

let project: string;
let home: string;
let runs: string;
let older: Run;
let latest: Run;

const g = (args: string[], input?: string, env?: Record<string, string>) => gage(['--runs', runs, ...args], { cwd: project, home, input, env });
const user = (): string => userInfo().username;

beforeEach(async () => {
  project = await testdir(GREET);
  home = await testdir();
  runs = join(home, 'runs');
  older = await makeGreetRun(runs, project, { op: 'fail' });
  latest = await makeGreetRun(runs, project, { op: 'hello', name: 'Ada' });
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

/** An editor script: writes `text` (a JS string expression) into the file it is given. */
async function editor(body: string): Promise<string> {
  const path = join(home, 'editor.cjs');
  await writeFile(path, `#!/usr/bin/env node\nconst fs = require('fs'); const file = process.argv[2];\n${body}\n`);
  await chmod(path, 0o755);
  return `node ${path}`;
}

describe('gage comment', () => {
  test('adds with -m, lists as panels, shows in show and show --json', async () => {
    expect(await g(['comment', '--list'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await g(['comment', '-m', 'Hello with defaults', '1'])).toEqual({ code: 0, stdout: '', stderr: `Added comment to run ${latest.name}\n` });
    const [c] = await runComments(latest);
    expect(c!.msg).toBe('Hello with defaults');
    const list = await g(['comment', '--list']);
    expect(list.code).toBe(0);
    const pad = (s: string) => s.padEnd(76);
    expect(list.stdout.split('\n')).toEqual([
      ' '.repeat(Math.floor((80 - (c!.id.length + 1 + latest.name.length)) / 2)) + `${c!.id} ${latest.name}`,
      `| ${pad(`author      ${user()}`)} |`,
      expect.stringMatching(/^\| date        \d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\|$/),
      `| ${pad(`run         ${latest.name}`)} |`,
      `| ${pad(`comment id  ${c!.id}`)} |`,
      `| ${pad('')} |`,
      `| ${pad('Hello with defaults')} |`,
      '',
    ]);
    const show = await g(['show']);
    expect(show.stdout).toMatch(
      new RegExp(`\\n +Comments\\n\\| ${user()}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  \\(${c!.id}\\) +\\|\\n\\| Hello with defaults +\\|\\n$`),
    );
    const json = JSON.parse((await g(['show', '--json'])).stdout);
    expect(json.comments).toEqual([{ id: c!.id, author: user(), time: new Date(c!.timestamp).toISOString(), msg: 'Hello with defaults' }]);
    // A run without comments: an empty list, no panel.
    expect(JSON.parse((await g(['show', '--json', '2'])).stdout).comments).toEqual([]);
    expect((await g(['show', '2'])).stdout).not.toContain('Comments');
  });

  test('adds to several runs; --all; a multi-line comment is wrapped and escaped in displays', async () => {
    expect((await g(['comment', '-a', '-m', 'both'])).stderr).toBe('Added comment to 2 runs\n');
    expect((await runComments(older)).map((c) => c.msg)).toEqual(['both']);
    const msg = 'first line\n\tsecond \x1b[2J line ' + 'word '.repeat(20);
    expect((await g(['comment', '-m', msg, '2'])).code).toBe(0);
    expect((await runComments(older)).map((c) => c.msg)).toEqual(['both', msg.trim()]);
    const out = (await g(['comment', '--list', '2'])).stdout;
    expect(out).toContain('| first line ');
    expect(out).toContain('| \\tsecond \\x1b[2J line word');
    expect(out.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(out).not.toContain('\x1b');
  });

  test('the editor writes the text (VISUAL before EDITOR); empty text adds nothing', async () => {
    const ed = await editor(`fs.writeFileSync(file, '  From the editor\\n\\n');`);
    expect(await g(['comment', '1'], '', { EDITOR: 'false', VISUAL: ed })).toEqual({ code: 0, stdout: '', stderr: `Added comment to run ${latest.name}\n` });
    expect((await runComments(latest)).map((c) => c.msg)).toEqual(['From the editor']);
    const empty = await editor(`fs.writeFileSync(file, '\\n  \\n');`);
    expect(await g(['comment', '1'], '', { EDITOR: empty })).toEqual({ code: 1, stdout: '', stderr: 'gage: Nothing added\n' });
    expect(await runComments(latest)).toHaveLength(1);
  });

  test('bad editor text: non-UTF-8 bytes or a failing editor change nothing', async () => {
    const bad = await editor(`fs.writeFileSync(file, Buffer.from([0x68, 0x69, 0xff, 0xfe, 0x0a]));`);
    const r = await g(['comment', '1'], '', { EDITOR: bad });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: The text from the editor is not valid UTF-8; nothing was changed\n\nSave the text as UTF-8, or give it with '-m'.\n",
    });
    const failing = await g(['comment', '1'], '', { EDITOR: 'exit 3;' });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^gage: Cannot edit the text with 'exit 3;': it exited with status 3; nothing was changed\n\n/);
    expect(await runComments(latest)).toEqual([]);
    expect(await readdir(runs)).not.toContain(`${latest.id}.user`);
  });

  test('edits with -m or the editor (which gets the old text); unchanged text is an error', async () => {
    await g(['comment', '-m', 'Original', '1']);
    const [c] = await runComments(latest);
    expect(await g(['comment', '--edit', c!.id, '-m', 'Modified comment'])).toEqual({ code: 0, stdout: '', stderr: `Modified comment ${c!.id}\n` });
    expect((await runComments(latest)).map((x) => [x.id, x.msg])).toEqual([[c!.id, 'Modified comment']]);
    const append = await editor(`fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + ' again');`);
    expect((await g(['comment', '-e', c!.id], '', { EDITOR: append })).code).toBe(0);
    expect((await runComments(latest))[0]!.msg).toBe('Modified comment again');
    const same = await editor('');
    expect(await g(['comment', '-e', c!.id, '1'], '', { EDITOR: same })).toEqual({ code: 1, stdout: '', stderr: 'gage: Comment was not modified.\n' });
  });

  test('deletes after the panel and a prompt (default no); -y skips it', async () => {
    await g(['comment', '-m', 'Doomed', '1']);
    const [c] = await runComments(latest);
    const declined = await g(['comment', '--delete', c!.id], '\n');
    expect(declined.code).toBe(0);
    expect(declined.stderr).toContain(`${c!.id} ${latest.name}\n| author`);
    expect(declined.stderr).toMatch(/You are about to delete this comment\.\n\nContinue\? \(y\/N\) \n$/);
    expect(await runComments(latest)).toHaveLength(1);
    expect(await g(['comment', '--delete', c!.id, latest.name, '-y'])).toEqual({ code: 0, stdout: '',
      stderr: `Deleted comment ${c!.id} from run ${latest.name}\n` });
    expect(await runComments(latest)).toEqual([]);
  });

  test('show still shows a run whose attr log is damaged, and names the damage', async () => {
    await g(['comment', '-m', 'fine', '1']);
    await writeFile(join(`${latest.runDir}.user`, 'ffffffff-ffff-4fff-8fff-ffffffffffff.json'), '{not json');
    const r = await g(['show']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`run ${latest.id}: cannot read comments: Invalid attribute log entry`);
    expect(JSON.parse((await g(['show', '--json'])).stdout).comments).toEqual([]);
  });

  test('errors: no runs, runs and --all, several runs for edit, unknown ids', async () => {
    expect(await g(['comment', '-m', 'A thought'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Specify a run to modify or use '--all'.\n\nUse 'gage list' to show available runs.\n\nTry 'gage comment -h' for additional help.\n",
    });
    expect(await g(['comment', '-a', '123'])).toEqual({ code: 1, stdout: '',
      stderr: "all and runs cannot be used together.\n\nTry 'gage comment -h' for help.\n" });
    expect(await g(['comment', '-e', 'x', '1', '2', '-m', 'y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "gage: Only one run can be specified with '-e / --edit'.\n\nTry 'gage comment -h' for help.\n",
    });
    expect((await g(['comment', '-d', 'x', '-a'])).stderr).toBe(
      "gage: Only one run can be specified with '-d / --delete'.\n\nTry 'gage comment -h' for help.\n",
    );
    expect(await g(['comment', '-d', 'nope', '-y'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `gage: Cannot find comment 'nope' for run '${latest.name}'.\n\nUse 'gage comment --list ${latest.name}' to show run comments.\n`,
    });
    expect((await g(['comment', '--list', '-m', 'x'])).stderr).toBe("list and msg cannot be used together.\n\nTry 'gage comment -h' for help.\n");
  });
});
