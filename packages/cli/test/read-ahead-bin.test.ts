// `gage runs` reads the meta files of 2,000 runs or more on a worker thread
// too (src/runs/_read-ahead.ts). The worker is a module of its own beside
// the bin (dist/read-ahead-worker.js), found by a URL relative to the chunk
// that starts it: this runs the built bin with a module hook that records
// every module loaded (worker threads included) and checks that the worker's
// module was found and loaded, and that every run was listed. A worker that
// cannot be loaded is not an error (the main thread reads everything), so
// only the hook sees the difference.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from '@jest/globals';
import { cleanupTestdirs, testdir } from '@gage/test-utils';
import { BIN } from './_helpers.js';

afterAll(cleanupTestdirs);

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.GAGE_TEST_MODULE_LOG, url + '\\n');
  return next(url, context);
}
`;

/** More than the 2,000 runs from which `gage runs` starts the worker. */
const COUNT = 2050;

describe('the bin lists many runs with its read-ahead worker', () => {
  test('gage runs -a loads dist/read-ahead-worker.js and lists every run', async () => {
    const dir = await testdir();
    const runs = join(dir, 'runs');
    for (let i = 0; i < COUNT; i++) {
      const id = `${(0x10000000 + i).toString(16)}-1111-4111-8111-111111111111`;
      await mkdir(join(runs, `${id}.meta`), { recursive: true });
      await writeFile(join(runs, `${id}.meta`, 'opref'), '2 p train\n');
      await writeFile(join(runs, `${id}.meta`, 'initialized'), String(1_700_000_000_000_000 + i));
    }
    await writeFile(join(dir, 'hooks.mjs'), HOOKS);
    const log = join(dir, 'modules.log');
    const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)})`;
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn('node', ['--import', register, BIN, '--runs', runs, 'runs', '-a'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', COLUMNS: '80', GAGE_TEST_MODULE_LOG: log },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const rows = result.stdout.split('\n').filter((line) => / pending /.test(line));
    expect(rows).toHaveLength(COUNT);
    const urls = (await readFile(log, 'utf8')).split('\n');
    expect(urls).toContain(pathToFileURL(BIN.replace(/gage\.js$/, 'read-ahead-worker.js')).href);
  });
});
