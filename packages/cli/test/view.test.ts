// gage view (docs/spec/cli.md 5.24) and gage board --export (5.15), decision 26.
import { spawn } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { BIN, gage, gageEnv } from './_helpers.js';
import { makeResultRun } from './_result-runs.js';

let home: string;
let cwd: string;
let runsDir: string;
const ids: string[] = [];

beforeAll(async () => {
  home = await testdir();
  cwd = await testdir();
  runsDir = join(home, 'runs');
  for (const lr of [0.1, 0.2]) {
    ids.push((await makeResultRun(runsDir, { op: 'train', config: { lr }, summary: { metrics: { loss: lr } } })).id);
  }
}, 60_000);

afterAll(async () => {
  await removeTree(home);
  await removeTree(cwd);
});

const g = (args: string[]) => gage(['--runs', runsDir, ...args], { cwd, home });

describe('gage view', () => {
  test('the built gage serves the runs at the printed URL until SIGTERM, then exits 0', async () => {
    const child = spawn(process.execPath, [BIN, '--runs', runsDir, 'view', '--no-open', ids[0] as string], {
      cwd,
      env: gageEnv({ home }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await waitFor(() => out.includes('Press Ctrl+C'));
      expect(out).toContain(`Serving runs in ${runsDir}\n`);
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]{64}))(#\S*)?\n/.exec(out);
      expect(url?.[3]).toBe(`#/runs?sel=${ids[0]}`);
      const origin = new URL(url?.[1] as string).origin;
      expect((await fetch(`${origin}/api/runs`)).status).toBe(401);
      const res = await fetch(`${origin}/api/runs`, { headers: { Authorization: `Bearer ${url?.[2]}` } });
      const body = await res.json() as { runs: { id: string; config: { lr: number } }[] };
      expect(body.runs.map((r) => r.id).sort()).toEqual([...ids].sort());
      const page = await fetch(url?.[1] as string, { redirect: 'manual' });
      expect(page.status).toBe(303);
      expect(page.headers.get('set-cookie')).toContain('HttpOnly');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  test('--port that is not a port is a usage error', async () => {
    const r = await g(['view', '--no-open', '--port', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Invalid value for '--port': 'x' is not in the range 0<=x<=65535.");
  });

  test('a port in use is an error naming it, with a hint', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await g(['view', '--no-open', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
      expect(r.stderr).toContain('Use another --port');
    } finally {
      blocker.close();
    }
  });
});

describe('gage board --export', () => {
  test('writes the app with the runs inlined; a second export to the same dir is refused', async () => {
    const dir = join(cwd, 'site');
    const r = await g(['board', '--export', dir, ids[1] as string]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Exported 1 run to ${dir}\nOpen ${join(dir, 'index.html')} in a browser.\n`);
    expect((await readdir(dir)).sort()).toEqual(['app.css', 'app.js', 'data.js', 'index.html']);
    const data = await readFile(join(dir, 'data.js'), 'utf8');
    expect(data).toContain(ids[1]);
    expect(data).not.toContain(ids[0]);
    const again = await g(['board', '--export', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Cannot export to "${dir}": the directory is not empty`);
  });

  test('--export with --json is refused', async () => {
    await writeFile(join(cwd, 'x'), '');
    const r = await g(['board', '--export', join(cwd, 'other'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("You can't use both --export and --json options.");
  });
});
