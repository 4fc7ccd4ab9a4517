import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { gage, makeTree, removeTree } from './_helpers.js';

let project: string;
let home: string;
let runs: string;

// A run that writes stdout and stderr lines over about two seconds.
const SLOW = `
let i = 0;
const t = setInterval(() => {
  i += 1;
  console.log('line ' + i);
  if (i === 2) console.error('err ' + i);
  if (i === 6) clearInterval(t);
}, 300);
`;

beforeEach(async () => {
  project = await makeTree({
    'gage.toml': '[slow]\nexec = "node slow.js"\n\n[quick]\nexec = "node quick.js"\n',
    'slow.js': SLOW,
    'quick.js': 'process.stdout.write("a\\n"); process.stderr.write("b\\n"); process.stdout.write("c");\n',
  });
  home = await makeTree();
  runs = join(home, 'runs');
});

afterEach(async () => {
  await removeTree(project);
  await removeTree(home);
});

const g = (args: string[]) => gage(['--runs', runs, ...args], { cwd: project, home });

test('gage cat -o prints the recorded output bytes of both streams', async () => {
  expect((await g(['run', 'quick', '-y', '-q'])).code).toBe(0);
  expect(await g(['cat', '-o'])).toEqual({ code: 0, stdout: 'a\nb\nc', stderr: '' });
});

test('gage cat -o with -p is an incompatible-options error', async () => {
  expect(await g(['cat', '-o', '-p', 'x'])).toEqual({
    code: 1, stdout: '', stderr: "output and path cannot be used together.\n\nTry 'gage cat -h' for help.\n",
  });
});

test('gage cat -f follows a running run to its end, keeping the streams apart', async () => {
  const running = g(['run', 'slow', '-y', '-q']);
  // Follow once the run shows up as running; lines written before that are printed first.
  let followed: Awaited<ReturnType<typeof g>> | undefined;
  for (let tries = 0; tries < 200 && followed === undefined; tries++) {
    const list = await g(['list', '--json']);
    if (list.stdout.includes('"status": "running"')) followed = await g(['cat', '-f']);
    else await new Promise((r) => setTimeout(r, 50));
  }
  expect((await running).code).toBe(0);
  expect(followed).toEqual({
    code: 0, stdout: 'line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n', stderr: 'err 2\n',
  });
});
