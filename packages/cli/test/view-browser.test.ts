// gage view end to end in a real browser (decision 26, docs/spec/cli.md 5.24):
// the built gage serves a runs dir with finished runs and a running one;
// Playwright drives Debian's chromium (tools/setup-system.sh installs it; the
// tests fail, naming the install command, when it is missing). A failed
// test leaves a screenshot of its page in test-output/view-browser/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { initRunMetaSync, listRuns, makeRun, runStatus, writeMetaFileSync } from '@gage/meta';
import { finalizeRun } from '@gage/proc';
import { removeTree, testdir, waitFor } from '@gage/test-utils';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BIN, gage, gageEnv } from './_helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../test-output/view-browser/', import.meta.url));

const PROJECT: Record<string, string> = {
  'gage.toml': '[train]\nexec = "node train.cjs"\nconfig = "train.json"\n\n[serve]\nexec = "node serve.cjs"\n',
  'train.json': '{"lr": 0.1, "steps": 50}\n',
  'train.cjs': 'const c = require("./train.json");\nfor (let i = 0; i < c.steps; i++) console.log(`step ${i} loss ${c.lr + 1 / (i + 1)}`);\n' +
    'console.error("done training");\n',
  // Prints the text of a file "say" when it appears (then removes it); ends when a file "stop" appears.
  'serve.cjs': 'const fs = require("fs"); console.log("started");\nsetInterval(() => {\n' +
    '  if (fs.existsSync("say")) { const t = fs.readFileSync("say", "utf8"); fs.rmSync("say"); console.log(t); }\n' +
    '  if (fs.existsSync("stop")) process.exit(0);\n}, 20);\n',
};

let project: string;
let home: string;
let runsDir: string;
let browser: Browser;
let view: ChildProcess;
let serve: ChildProcess;
let url: string;
let origin: string;
const ids: Record<string, string> = {};
let serveDir: string;

const g = (args: string[]) => gage(['--runs', runsDir, ...args], { cwd: project, home });

/** Starts the built gage with `args`; resolves once its stdout has `until`. */
async function startGage(args: string[], until: string, dir = runsDir): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, [BIN, '--runs', dir, ...args], { cwd: project, env: gageEnv({ home }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out.includes(until));
  return { child, out: () => out };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need ${CHROMIUM}: install it with (as root) apt-get install chromium`);
  project = await testdir(PROJECT);
  home = await testdir();
  runsDir = join(home, 'runs');
  for (const [name, flags] of [['a', ['lr=0.1']], ['b', ['lr=0.2']], ['c', ['lr=0.3', 'steps=5']]] as const) {
    const r = await g(['run', 'train', ...flags, '-y', '-q']);
    expect(r.code).toBe(0);
    ids[name] = (await listRuns(runsDir, { sort: ['-timestamp'] }))[0]?.id as string;
  }
  serve = (await startGage(['run', 'serve', '-y'], 'started')).child;
  const running = (await listRuns(runsDir, { sort: ['-timestamp'] }))[0];
  await waitFor(async () => running !== undefined && (await runStatus(running)) === 'running');
  ids['serve'] = running?.id as string;
  serveDir = running?.runDir as string;
  const started = await startGage(['view', '--no-open'], 'Press Ctrl+C');
  view = started.child;
  url = /Open (\S+)/.exec(started.out())?.[1] as string;
  origin = new URL(url).origin;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  view?.kill('SIGTERM');
  if (serveDir) await writeFile(join(serveDir, 'stop'), '');
  if (serve && serve.exitCode === null) await new Promise((resolve) => serve.on('close', resolve));
  await removeTree(project);
  await removeTree(home);
});

/** Runs `fn` with a new page that has the token cookie; on failure saves a screenshot named after the test. */
async function withPage(name: string, fn: (page: Page, problems: string[]) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  // Playwright's own 30 s limit is too tight for a loaded CI machine: a generous bound, not a time limit on the app.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  // Errors of the page, CSP violations included: the app must run under its own policy.
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await fn(page, problems);
  } catch (err) {
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).catch(() => {});
    throw err;
  } finally {
    await context.close();
  }
}

const rows = (page: Page) => page.locator('tr[data-run-id]');

/** Waits until `read()` gives `want` (as JSON), for 120 s at most (a generous bound: pages poll), then fails showing the last value. */
async function settles(read: () => Promise<unknown>, want: unknown): Promise<void> {
  const until = Date.now() + 120_000;
  let last: unknown;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    if (Date.now() > until) throw new Error(`Expected ${JSON.stringify(want)}, got ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the runs table: every run with its status (running live), the flags that vary and the metrics; no page errors', async () => {
  await withPage('table', async (page, problems) => {
    await page.goto(url);
    expect(new URL(page.url()).search).toBe(''); // the token went to a cookie
    await settles(() => rows(page).count(), 4);
    await page.locator(`tr[data-run-id="${ids['serve']}"] .status-running`).waitFor();
    await page.locator(`tr[data-run-id="${ids['a']}"] .status-completed`).waitFor();
    const headers = await page.locator('table.runs th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['lr', 'steps', 'loss']));
    expect(problems).toEqual([]);
  });
});

test('filter with the filter language, select two runs, see the compare with the best loss highlighted', async () => {
  await withPage('compare', async (page, problems) => {
    await page.goto(url);
    await settles(() => rows(page).count(), 4);
    await page.fill('input[name=where]', 'lr >= 0.2');
    await page.press('input[name=where]', 'Enter');
    await settles(() => rows(page).count(), 2);
    expect(page.url()).toContain('where=lr');
    await page.check(`tr[data-run-id="${ids['b']}"] input[type=checkbox]`);
    await page.check(`tr[data-run-id="${ids['c']}"] input[type=checkbox]`);
    await page.click('[data-testid=compare-link]');
    const table = page.locator('[data-testid=compare-table]');
    await table.waitFor();
    expect(page.url()).toContain(`#/compare?runs=`);
    await settles(() => table.locator('tr[data-flag=lr] td').allTextContents(), ['0.2', '0.3']);
    await settles(() => table.locator('tr[data-flag=steps] td').allTextContents(), ['50', '5']);
    // The last loss: 0.2 + 1/50 against 0.3 + 1/5; lower is better.
    await settles(() => table.locator('tr[data-metric=loss] td.best').allTextContents(), ['0.22']);
    expect(problems).toEqual([]);
  });
});

test('charts: one per key, the runs overlaid, with every point; a deep link opens them', async () => {
  await withPage('charts', async (page, problems) => {
    await page.goto(url);
    await page.goto(`${origin}/#/charts?runs=${ids['a']},${ids['c']}`);
    const chart = page.locator('[data-testid=chart][data-key=loss]');
    await chart.waitFor();
    await settles(() => chart.getAttribute('data-points'), '55');
    await chart.locator('canvas').waitFor();
    await page.check('text=log scale');
    expect(page.url()).toContain('log=1');
    expect(problems).toEqual([]);
  });
});

test("a running run's output is followed as new lines arrive, with timestamps; stderr has its own colour", async () => {
  await withPage('output', async (page, problems) => {
    await page.goto(url);
    await page.goto(`${origin}/#/run/${ids['serve']}?tab=output`);
    const output = page.locator('[data-testid=output]');
    await output.locator('text=started').waitFor();
    for (const text of ['first line from the run', 'second line from the run']) {
      const tmp = join(serveDir, 'say.tmp');
      await writeFile(tmp, text);
      await rename(tmp, join(serveDir, 'say'));
      await output.locator(`text=${text}`).waitFor();
    }
    expect(await output.locator('.line .ts').first().textContent()).toMatch(/^\d\d:\d\d:\d\d\.\d\d\d$/);
    await page.goto(`${origin}/#/run/${ids['a']}?tab=output`);
    await settles(() => page.locator('.line.stderr .text').allTextContents(), ['done training']);
    expect(problems).toEqual([]);
  });
});

test('the run page shows config and files with download links', async () => {
  await withPage('run', async (page) => {
    await page.goto(url);
    await page.goto(`${origin}/#/run/${ids['a']}`);
    await page.locator('text=Config').waitFor();
    await page.locator('table.fields >> text=lr').first().waitFor();
    await page.goto(`${origin}/#/run/${ids['a']}?tab=files`);
    const link = page.locator('[data-testid=files] a', { hasText: 'train.cjs' });
    await link.waitFor();
    const download = await Promise.all([page.waitForEvent('download'), link.click()]).then(([d]) => d);
    expect(download.suggestedFilename()).toBe('train.cjs');
  });
});

test('more runs than a screenful: the first rows show with the total before the whole listing, then every run, sorted over all', async () => {
  // 150 finished runs made without a process (run i: config i, started i ms after the first); the UI asks for 100 first.
  const bigDir = join(home, 'big-runs');
  const base = Date.now() * 1000 - 150_000;
  const made: string[] = [];
  for (let i = 0; i < 150; i++) {
    const run = await makeRun(bigDir);
    initRunMetaSync(run, { ns: 'test', name: 'train' }, { name: 'train', data: { exec: 'x' } }, { i: BigInt(i) }, { args: ['x'], env: {} });
    await mkdir(run.runDir);
    writeMetaFileSync(run, 'started', String(base + i * 1000));
    await finalizeRun(run, 0);
    made.push(run.id);
  }
  const big = await startGage(['view', '--no-open'], 'Press Ctrl+C', bigDir);
  try {
    const bigUrl = /Open (\S+)/.exec(big.out())?.[1] as string;
    await withPage('first-screenful', async (page, problems) => {
      // The whole listing is held back until the first screenful was looked at (the server reads it at once for 150 runs).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route((u) => u.pathname === '/api/runs' && !u.searchParams.has('limit'), async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(bigUrl);
      const count = page.locator('[data-testid=run-count]');
      await count.filter({ hasText: '150 runs, loading…' }).waitFor();
      expect(await count.getAttribute('data-complete')).toBe('false');
      expect(await rows(page).first().getAttribute('data-run-id')).toBe(made[149]);
      expect(await rows(page).count()).toBeLessThanOrEqual(100);
      release();
      await page.locator('[data-testid=run-count][data-complete=true]').waitFor();
      expect(await count.textContent()).toBe('150 runs');
      // Sorting is over every run: the oldest (not among the first rows) comes first by i ascending.
      await page.goto(`${new URL(bigUrl).origin}/#/runs?sort=config:i`);
      await settles(() => rows(page).first().getAttribute('data-run-id'), made[0]);
      expect(problems).toEqual([]);
    });
  } finally {
    big.child.kill('SIGTERM');
  }
});

test('without the token the browser gets 401; with a wrong Host 403', async () => {
  await withPage('security', async (page) => {
    const res = await page.goto(`${origin}/`);
    expect(res?.status()).toBe(401);
    const api = await page.request.get(`${origin}/api/runs`);
    expect(api.status()).toBe(401);
    const wrongHost = await page.request.get(`${origin}/api/runs`, { headers: { Host: `attacker.example:${new URL(origin).port}` } });
    expect(wrongHost.status()).toBe(403);
  });
});

test('the export of gage board --export opens from file:// with the table, a run page and its output', async () => {
  const dir = join(home, 'site');
  expect((await g(['board', '--export', dir])).code).toBe(0);
  await withPage('export', async (page, problems) => {
    await page.goto(`file://${dir}/index.html`);
    await settles(() => rows(page).count(), 4);
    await page.goto(`file://${dir}/index.html#/run/${ids['a']}?tab=output`);
    await page.locator('text=done training').waitFor();
    await page.goto(`file://${dir}/index.html#/charts?runs=${ids['a']}`);
    await settles(() => page.locator('[data-testid=chart][data-key=loss]').getAttribute('data-points'), '50');
    expect(problems).toEqual([]);
  });
});
