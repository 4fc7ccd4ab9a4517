// Runs the benchmark suite (all, or the named ones) and prints one table.
//   node bench/run.mjs [--quick] [--rounds N] [--json FILE] [name...]
// GAGE_BENCH_NODE=/path/to/node runs gage and the baselines with that Node (see _lib.mjs NODE).
// Exits 0 when every benchmark ran; targets are reported, not enforced.
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { NODE, parseOptions, printTable } from './_lib.mjs';

const BENCHMARKS = ['startup', 'completion', 'run-overhead', 'output-capture', 'staging', 'listing', 'config-patching', 'provenance', 'results', 'batch',
  'parallel', 'view', 'import'];

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv.splice(jsonAt, 2)[1] : undefined;
const options = parseOptions(argv);
const unknown = options.names.filter((n) => !BENCHMARKS.includes(n));
if (unknown.length) {
  process.stderr.write(`Unknown benchmark: ${unknown.join(', ')}\nAvailable: ${BENCHMARKS.join(', ')}\n`);
  process.exit(2);
}
const selected = options.names.length ? options.names : BENCHMARKS;
const rows = [];
let failed = 0;
const t0 = performance.now();
for (const name of selected) {
  process.stderr.write(`${name}...\n`);
  try {
    const mod = await import(`./${name}.mjs`);
    rows.push(...(await mod.run(options)));
  } catch (err) {
    failed++;
    process.stderr.write(`${name} failed: ${err?.stack ?? err}\n`);
    rows.push({ bench: name, case: '-', metric: '-', skipped: `ERROR: ${String(err?.message ?? err).split('\n')[0]}` });
  }
}
printTable(rows);
const missed = rows.filter((r) => !r.skipped && !r.pass).length;
const skippedRows = rows.filter((r) => r.skipped && !r.skipped.startsWith('ERROR')).length;
process.stdout.write(
  `\n${rows.length - skippedRows - failed} measured, ${missed} over target, ${skippedRows} skipped, ${failed} failed` +
    ` (${options.quick ? 'quick mode, ' : ''}${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
);
process.stdout.write(`Node ${execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim()}${NODE === 'node' ? '' : ` (GAGE_BENCH_NODE=${NODE})`}\n`);
if (jsonFile) await writeFile(jsonFile, `${JSON.stringify(rows, null, 2)}\n`);
process.exit(failed ? 1 : 0);
