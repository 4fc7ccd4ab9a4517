import { chmod, mkdir, open, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { listRuns, readFilesLogSync, runStatus } from '@gage/meta';
import { checkRunsDir } from './_check-runs.js';
import { entries, removeTree, writeTree } from '@gage/test-utils';
import { gage, makeSandbox, scale, STACK_LINE, type Sandbox } from './_helpers.js';

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox({});
});
afterEach(async () => {
  await removeTree(box.root);
});

/** A clear user error: exit 1, `gage: ` first, no stack trace, no "bug" notice. */
function expectClearError(res: { code: number | null; stderr: string }, ...parts: string[]): void {
  expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/^(gage: )?\S/) });
  expect(res.stderr).not.toMatch(STACK_LINE);
  expect(res.stderr).not.toMatch(/bug in Gage/i);
  for (const part of parts) expect(res.stderr).toContain(part);
}

const HUGE_OPS = scale(2_000, 20_000);

describe('hostile Gage files', () => {
  const cases: [string, string, string, string[]][] = [
    ['TOML syntax error', 'gage.toml', '[a\nexec = 1\n', ['line 1, column']],
    ['YAML syntax error', 'gage.yaml', 'a: [1, 2\n', ['at line 2, column 1']],
    ['JSON syntax error', 'gage.json', '{"a": {"exec": }\n', ['line 1 column 16']],
    ['empty JSON', 'gage.json', '', ['line 1 column 1']],
    ['empty YAML', 'gage.yaml', '', ['The instance must be of type "object"']],
    ['top level not an object', 'gage.json', '[1]', ['The instance must be of type "object"']],
    ['wrong type of every field', 'gage.json',
      JSON.stringify({
        a: { description: 6, default: 'yes', version: [], exec: 1, progress: 2, sourcecode: 4, config: 3, depends: 5, 'output-summary': 7, listing: 8 },
      }), ["Properties ['a'] are invalid",
      "Properties ['description', 'default', 'version', 'exec', 'progress', 'sourcecode', 'config', 'depends', 'output-summary', 'listing'] are invalid"]],
    ['an opdef that is a string', 'gage.toml', 'a = "x"\n', ["Properties ['a'] are invalid"]],
    ['binary garbage', 'gage.toml', '\u0000\u0001\u0002\u00ff', ['Invalid TOML document']],
  ];
  test.each(cases)('%s: names the file and the place, no stack trace', async (_name, file, text, parts) => {
    await writeFile(join(box.project, file), text);
    for (const args of [['ops'], ['run', '-y']]) {
      const res = await gage(args, box.opts);
      // Named as seen from where gage started (the project dir here), not by its absolute path (issue 16).
      expectClearError(res, `There was an issue reading operations from ${file}: `, ...parts);
    }
    expect(await entries(box.runs)).toEqual([]);
  });

  test('unknown fields: run and ops accept them, check names them', async () => {
    await writeFile(join(box.project, 'gage.json'), JSON.stringify({ a: { exec: 'node -e 1', bogus: 1 } }));
    expect((await gage(['run', '-y', '-q'], box.opts)).code).toBe(0);
    const check = await gage(['check', '.'], box.opts);
    expectClearError(check, "Additional properties: ['bogus']");
  });

  test(`a huge Gage file (${HUGE_OPS} operations) loads`, async () => {
    const text = Array.from({ length: HUGE_OPS }, (_, i) => `[op${i}]\ndescription = "${'x'.repeat(100)}"\nexec = "node -e 1"\n`).join('\n');
    await writeFile(join(box.project, 'gage.toml'), text);
    const res = await gage(['run', `op${HUGE_OPS - 1}`, '-y', '-q'], box.opts);
    // The Gage file is over the default source code size limit: it is not copied, and gage says so (issue 11).
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(
      /^WARNING: 1 file not copied \(source code size or count limit\): gage\.toml \([\d.]+ [kMG]B\); to copy it, add a "sourcecode" pattern for it or list it under "depends"\n$/,
    );
  });
});

describe('hostile flags and run specs', () => {
  beforeEach(async () => {
    await writeTree(box.project, { 'gage.toml': '[a]\nexec = "node -e 1"\n' });
    for (let i = 0; i < 3; i++) {
      const res = await gage(['run', '-y', '-q'], box.opts);
      expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    }
  });

  test.each([
    ['x', "Invalid flag assignment: expected NAME=VALUE, got 'x'"],
    ['=1', 'Invalid flag assignment: '],
    ['-x=1', 'Invalid flag assignment: '],
    ['a b=1', 'Invalid flag assignment: '],
  ])('flag %j is refused clearly and makes no run', async (flag, message) => {
    const res = await gage(['run', 'a', flag, '-y'], box.opts);
    if (flag.startsWith('-')) expect(res.code).toBe(2); // the argument parser sees an option
    else expectClearError(res, message);
    expect(await listRuns(box.runs)).toHaveLength(3);
  });

  test.each(['../x', '/etc', '..', '.', 'zzz', '1:2:3', '-1', '0', '99', '', '\n', 'a'.repeat(5000)])(
    'run spec %j matches nothing: clear error, nothing changed',
    async (spec) => {
      // An index out of range falls through to id prefixes (docs/spec/lifecycle.md 16: `9` can match an id starting with 9),
      // and run ids are random hex: where one starts with the spec, the spec is not one that matches nothing.
      if (spec !== '' && (await listRuns(box.runs)).some((r) => r.id.startsWith(spec))) {
        console.log(`run spec ${JSON.stringify(spec)} skipped: a run id starts with it in this sandbox`);
        return;
      }
      for (const cmd of [['show', spec], ['rm', '-y', spec], ['label', '-s', 'x', '-y', spec], ['run', '--start', spec, '-y']]) {
        const res = await gage(cmd, box.opts);
        if (res.code === 2) continue; // a value that looks like an option: the parser's usage error
        expect(res.code).toBe(1);
        expect(res.stderr).toMatch(/^gage: (No runs match '[^]*'|Nothing selected)\n/);
        expect(res.stderr).not.toMatch(STACK_LINE);
      }
      expect(await listRuns(box.runs)).toHaveLength(3);
      expect(await listRuns(box.runs, { deleted: true })).toHaveLength(0);
    },
  );

  test('a prefix that matches many runs is refused where one run is needed', async () => {
    const res = await gage(['show', ''.padEnd(0)], box.opts);
    expect(res.code).toBe(1);
    const colon = await gage(['show', ':'], box.opts);
    expectClearError(colon, "':' matches 3 runs", 'Use an index or a longer ID or name.');
  });
});

describe('hostile source trees', () => {
  test('symlink loops and links out of the project, odd names, binary .py, unreadable files, a huge file', async () => {
    const big = scale(50 * 1024 * 1024, 1024 * 1024 * 1024);
    await writeTree(box.project, {
      'gage.toml': '[a]\nexec = "node main.cjs"\n',
      'main.cjs': "console.log('ok')\n",
      'with space.txt': 'a',
      'new\nline.txt': 'b',
      'ünï-çødé ✓.txt': 'c',
      'binary.py': new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3]),
      'outside-target/secret.txt': 'no',
    });
    await mkdir(join(box.project, 'loop'));
    await symlink('..', join(box.project, 'loop', 'up'));
    await symlink(join(box.project, 'loop'), join(box.project, 'loop', 'self'));
    await symlink('/etc', join(box.project, 'etc-link'));
    await symlink('/etc/hostname', join(box.project, 'hostname-link'));
    await writeFile(join(box.project, 'unreadable.txt'), 'x');
    await chmod(join(box.project, 'unreadable.txt'), 0o000);
    const fh = await open(join(box.project, 'huge.txt'), 'w');
    await fh.write('text\n'.repeat(400)); // a text sample, then a hole
    await fh.truncate(big);
    await fh.close();
    const probe = join(box.root, 'probe.mjs');
    const ioOut = join(box.root, 'io.txt');
    await writeFile(probe,
      `import { readFileSync, writeFileSync } from 'node:fs';\nprocess.on('exit', () => { try { writeFileSync(${
        JSON.stringify(ioOut)
      }, readFileSync('/proc/self/io', 'utf8')); } catch {} });\n`);
    const res = await gage(['run', '-y'], { ...box.opts, nodeArgs: ['--import', probe] });
    expect({ code: res.code, stdout: res.stdout }).toEqual({ code: 0, stdout: 'ok\n' });
    // Every skipped path is named in a warning; nothing else is printed.
    expect(res.stderr.split('\n').filter((l) => l && !l.startsWith('WARNING: '))).toEqual([]);
    for (const w of ['"etc-link": symbolic link to "/etc" outside the project', '"hostname-link": symbolic link to "/etc/hostname" outside the project',
      '"loop/self": symbolic link cycle', '"loop/up": symbolic link cycle', '"new?line.txt"'])
    {
      expect(res.stderr).toContain(w);
    }
    // Said once, although staging and finalizing scan the run dir four times.
    expect(res.stderr.split('\n').filter((l) => l.includes('new?line.txt'))).toHaveLength(1);
    const [run] = await listRuns(box.runs);
    if (!run) throw new Error('no run');
    expect(await runStatus(run)).toBe('completed');
    const copied = readFilesLogSync(run).filter((e) => e.type === 's').map((e) => e.path).sort();
    expect(copied).toEqual(expect.arrayContaining(['gage.toml', 'main.cjs', 'with space.txt', 'unreadable.txt', 'ünï-çødé ✓.txt']));
    expect(copied).not.toContain('huge.txt');
    // `.py` is a text extension (docs/spec/stage.md 4.5): the binary file is copied byte for byte, never parsed.
    expect(copied).toContain('binary.py');
    expect(copied.filter((p) => p.startsWith('etc-link/') || p.startsWith('loop/'))).toEqual([]);
    expect(await readdir(run.runDir)).not.toContain('huge.txt');
    const io = await import('node:fs/promises').then((fs) => fs.readFile(ioOut, 'utf8')).catch(() => undefined);
    if (io !== undefined) {
      const rchar = Number(/rchar: (\d+)/.exec(io)?.[1]);
      expect(rchar).toBeLessThan(40 * 1024 * 1024); // node itself reads ~10 MB; the huge file is never read whole
    }
    expect((await checkRunsDir(box.runs)).problems).toEqual([]);
  });
});
