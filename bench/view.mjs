// view: `gage view` (decision 26) in headless Chromium (Playwright driving
// /usr/bin/chromium). Targets: the runs table of 10,000 runs rendered ≤ 1 s
// after the request (a fresh server, so its first listing is included); a
// chart of 5 runs × 100,000 points drawn ≤ 500 ms (joining and drawing, as
// the page measures it); a new output line visible ≤ 500 ms after the run
// prints it; `gage view` peak RSS ≤ 150 MB with 10,000 runs, after the
// whole table was served (the first screenful comes before the rest).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cachedResultRuns } from './results.mjs';
import { GAGE_BIN, cliEnv, cliReady, pkg, result, runIfMain, skipped, stats, tempDir } from './_lib.mjs';

export const name = 'view';

const CHROMIUM = '/usr/bin/chromium';

/** Starts `gage view --no-open` on `runsDir`; resolves with the child and its URL. */
async function startView(runsDir, cwd) {
  const child = spawn('node', [GAGE_BIN, '--runs', runsDir, 'view', '--no-open'], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const url = await new Promise((resolve, reject) => {
    const check = setInterval(() => {
      const m = /Open (\S+)/.exec(out);
      if (m) {
        clearInterval(check);
        resolve(m[1]);
      }
    }, 10);
    child.on('close', (code) => {
      clearInterval(check);
      reject(new Error(`gage view exited with ${code}: ${out}`));
    });
  });
  return { child, url, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.on('close', resolve), child.kill('SIGTERM')))) };
}

/** Peak RSS of a process in MB (`VmHWM`). */
async function peakRssMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** A runs dir of `runs` runs, each with `points` scalars of one key (written as the run's meta `scalars`). */
async function chartRuns(dir, runs, points) {
  const meta = await import(pkg('meta'));
  const ids = [];
  for (let r = 0; r < runs; r++) {
    const run = await meta.makeRun(dir);
    meta.initRunMetaSync(run, { ns: 'bench', name: 'train' }, { name: 'train', data: { exec: 'x' } }, {}, { args: ['x'], env: {} });
    await mkdir(run.runDir);
    const t0 = Date.now() - points * 10;
    const lines = [];
    for (let i = 0; i < points; i++) lines.push(`{"k":"loss","s":${i},"v":${(1 / (i + 1) + r / 10 + Math.random() / 100).toPrecision(8)},"t":${t0 + i * 10}}`);
    await writeFile(join(run.metaDir, 'scalars'), `${lines.join('\n')}\n`);
    await writeFile(join(run.metaDir, 'proc', 'exit'), '0').catch(async () => {
      await mkdir(join(run.metaDir, 'proc'), { recursive: true });
      await writeFile(join(run.metaDir, 'proc', 'exit'), '0');
    });
    ids.push(run.id);
  }
  return ids;
}

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage view', 'the CLI (packages/cli/dist/gage.js) is not built')];
  if (!existsSync(CHROMIUM)) return [skipped(name, 'gage view', `${CHROMIUM} is missing (apt-get install chromium)`)];
  const { chromium } = await import('playwright-core');
  const rows = [];
  const n = rounds ?? (quick ? 1 : 5);
  const count = quick ? 100 : 10_000;
  const cwd = await tempDir('view-cwd-');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    // The runs table: a fresh server each round, so the first listing of the runs dir is in the time.
    const runsDir = await cachedResultRuns(count);
    const times = [];
    const wholes = [];
    const rss = [];
    for (let i = 0; i < n; i++) {
      const view = await startView(runsDir, cwd);
      const page = await browser.newPage();
      try {
        const t0 = performance.now();
        await page.goto(view.url);
        await page.locator('[data-testid=run-count]', { hasText: `${count} runs` }).waitFor({ timeout: 60_000 });
        await page.locator('tr[data-run-id]').first().waitFor();
        times.push(performance.now() - t0);
        // The first screenful may come before the rest (packages/view/README.md): the whole table, then the memory.
        await page.locator('[data-testid=run-count][data-complete=true]', { hasText: `${count} runs` }).waitFor({ timeout: 120_000 });
        wholes.push(performance.now() - t0);
        const rendered = await page.locator('tr[data-run-id]').count();
        if (rendered >= count && count > 200) throw new Error(`the table rendered ${rendered} rows: it is not virtualized`);
        rss.push(await peakRssMb(view.child.pid));
      } finally {
        await page.close();
        await view.stop();
      }
    }
    rows.push(result(name, `${count} runs, table first render after the request`, 'time', stats(times).median, 1000, 'ms', {
      stats: stats(times),
      // Informative: when every run was in the table (no target).
      whole: stats(wholes),
    }));
    rows.push(result(name, `${count} runs, gage view peak RSS`, 'memory', stats(rss).median, 150, 'MB', { stats: stats(rss) }));

    // A chart of 5 runs × 100,000 points.
    const points = quick ? 1000 : 100_000;
    const chartDir = await tempDir('view-chart-');
    try {
      const ids = await chartRuns(chartDir, 5, points);
      const view = await startView(chartDir, cwd);
      try {
        const draws = [];
        for (let i = 0; i < n; i++) {
          const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
          try {
            await page.goto(view.url);
            await page.goto(`${new URL(view.url).origin}/#/charts?runs=${ids.join(',')}`);
            const chart = page.locator(`[data-testid=chart][data-points="${5 * points}"][data-draw-ms]`);
            await chart.waitFor({ timeout: 60_000 });
            draws.push(Number(await chart.getAttribute('data-draw-ms')));
          } finally {
            await page.close();
          }
        }
        rows.push(result(name, `chart of 5 runs × ${points} points, drawn`, 'time', stats(draws).median, 500, 'ms', { stats: stats(draws) }));
      } finally {
        await view.stop();
      }
    } finally {
      await rm(chartDir, { recursive: true, force: true });
    }

    // A new output line: the run prints its Date.now(); the page notes when the line shows.
    const liveDir = await tempDir('view-live-');
    const project = await tempDir('view-project-');
    let runner;
    try {
      await writeFile(join(project, 'gage.toml'), '[tick]\nexec = "node tick.cjs"\n');
      const lines = quick ? 5 : 20;
      await writeFile(join(project, 'tick.cjs'),
        // Ticks once the bench writes "go" into the run dir (after the page is watching).
        `const fs = require('fs'); const wait = setInterval(() => { if (!fs.existsSync('go')) return; clearInterval(wait); let i = 0;\n` +
          `const t = setInterval(() => { console.log('tick ' + Date.now()); if (++i >= ${lines}) clearInterval(t); }, 700); }, 20);\n`);
      runner = spawn('node', [GAGE_BIN, '--runs', liveDir, 'run', 'tick', '-y'], { cwd: project, env: cliEnv(), stdio: 'ignore' });
      const meta = await import(pkg('meta'));
      let live;
      while (!(live = (await meta.listRuns(liveDir))[0])) await new Promise((r) => setTimeout(r, 20));
      const view = await startView(liveDir, cwd);
      const page = await browser.newPage();
      try {
        await page.goto(view.url);
        await page.goto(`${new URL(view.url).origin}/#/run/${live.id}?tab=output`);
        await page.locator('[data-testid=output]').waitFor();
        await page.evaluate(() => {
          window.__lags = [];
          new MutationObserver((records) => {
            const now = Date.now();
            for (const r of records) {
              for (const node of r.addedNodes) {
                const m = /tick (\d+)/.exec(node.textContent ?? '');
                if (m) window.__lags.push(now - Number(m[1]));
              }
            }
          }).observe(document.querySelector('[data-testid=output]'), { childList: true });
        });
        await writeFile(join(live.runDir, 'go'), '');
        await page.waitForFunction((want) => window.__lags.length >= want, lines, { timeout: lines * 700 + 30_000 }).catch(async (err) => {
          throw new Error(`${err.message}; the page shows: ${(await page.locator('body').innerText()).slice(0, 800)}`);
        });
        const lags = await page.evaluate(() => window.__lags);
        rows.push(result(name, `new output line visible after the run printed it (${lags.length} lines)`, 'time', stats(lags).median, 500, 'ms', {
          stats: stats(lags),
        }));
      } finally {
        await page.close();
        await view.stop();
      }
    } finally {
      if (runner && runner.exitCode === null) await new Promise((resolve) => runner.on('close', resolve));
      await rm(liveDir, { recursive: true, force: true });
      await rm(project, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    await rm(cwd, { recursive: true, force: true });
  }
  return rows;
}

await runIfMain(import.meta.url, run);
