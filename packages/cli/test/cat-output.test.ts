import { symlink, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import { gage } from './_helpers.js';

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
  project = await testdir({
    'gage.toml': '[slow]\nexec = "node slow.js"\n\n[quick]\nexec = "node quick.js"\n',
    'slow.js': SLOW,
    // The writes are spaced: two pipes read in one busy turn come in either order.
    'quick.js': 'process.stdout.write("a\\n");\nsetTimeout(() => process.stderr.write("b\\n"), 200);\nsetTimeout(() => process.stdout.write("c"), 400);\n',
  });
  home = await testdir();
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
    code: 1,
    stdout: '',
    stderr: "output and path cannot be used together.\n\nTry 'gage cat -h' for help.\n",
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
    code: 0,
    stdout: 'line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n',
    stderr: 'err 2\n',
  });
});

test('gage cat -p refuses a path that leads outside the run dir, also through a symlink, with --meta and --user', async () => {
  expect((await g(['run', 'quick', '-y', '-q'])).code).toBe(0);
  const runDir = (await g(['select', '--run-dir'])).stdout.trim();
  const metaDir = `${runDir}.meta`;
  await symlink('/etc/hostname', join(runDir, 'away'));
  await symlink('quick.js', join(runDir, 'near'));
  await writeFile(join(home, 'secret'), 'secret\n');
  const outside = (path: string, kind: string, base: string) => ({
    code: 1,
    stdout: '',
    stderr: `gage: cannot open "${path}": it leads outside the ${kind} directory "${base}"\n\n` +
      "A path given with '--path' is relative to that directory and must stay inside it.\n",
  });
  const up = relative(runDir, join(home, 'secret'));
  expect(await g(['cat', '-p', up])).toEqual(outside(up, 'run', runDir));
  expect(await g(['cat', '-p', '../../../../../../../../etc/hostname'])).toEqual(outside('../../../../../../../../etc/hostname', 'run', runDir));
  expect(await g(['cat', '-p', 'away'])).toEqual(outside('away', 'run', runDir));
  expect(await g(['cat', '--meta', '-p', `../${basename(runDir)}/quick.js`])).toEqual(outside(`../${basename(runDir)}/quick.js`, 'meta', metaDir));
  expect(await g(['cat', '--user', '-p', '../secret'])).toEqual(outside('../secret', 'user', `${runDir}.user`));
  // Inside stays fine, through a symlink too.
  expect((await g(['cat', '-p', 'near'])).stdout).toContain('process.stdout.write');
  expect((await g(['cat', '-p', 'sub/../quick.js'])).code).toBe(0); // resolves inside
  expect((await g(['cat', '--meta', '-p', 'opref'])).stdout).toBe('2 ' + basename(project) + ' quick');
});
