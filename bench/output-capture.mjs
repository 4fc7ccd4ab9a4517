// output capture: `gage run` of a process printing many short lines, and
// one printing long lines, quiet (`-q`) and echoed (gage's stdout into a
// file), against the same process piped into a file (`| cat > file`).
// Targets: time ratio ≤ 2 in both modes (scalars off); with every line a
// scalar line (`step N loss X acc Y`, decision 20) ≤ 2.5; runner peak
// memory ≤ 100 MB.
import { closeSync, openSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, cliEnv, cliReady, compare, removeTree, result, runIfMain, skipped, tempDir, timeProcess } from './_lib.mjs';

export const name = 'output-capture';

// The generator: Python (what most runs are), writing whole chunks of
// lines so that it runs close to the pipe's limit and gage's cost shows.
const GEN_PY = `import sys
mode, count, width = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
out = sys.stdout
if mode == 'short':
    for start in range(0, count, 10000):
        out.write(''.join('step %d loss 0.5\\n' % i for i in range(start, min(count, start + 10000))))
elif mode == 'scalars':
    for start in range(0, count, 10000):
        out.write(''.join('step %d loss %.6f acc %.4f\\n' % (i, 1.0 / (i + 1), i / count) for i in range(start, min(count, start + 10000))))
else:
    line = 'x' * (width - 1) + '\\n'
    per = max(1, (1 << 20) // width)
    left = count
    while left > 0:
        n = min(per, left)
        out.write(line * n)
        left -= n
out.flush()
`;

function cases(quick) {
  return quick
    ? [
      { op: 'short', args: ['short', '20000', '0'], scalars: false, target: 2 },
      { op: 'long', args: ['long', '200', '10000'], scalars: false, target: 2 },
      { op: 'scalars', args: ['scalars', '20000', '0'], scalars: true, target: 2.5 },
    ]
    : [
      { op: 'short', args: ['short', '1000000', '0'], scalars: false, target: 2 },
      { op: 'long', args: ['long', '20000', '10000'], scalars: false, target: 2 }, // 200,000,000 bytes in 10,000-byte lines
      { op: 'scalars', args: ['scalars', '1000000', '0'], scalars: true, target: 2.5 },
    ];
}

function expectedBytes([mode, count, width]) {
  const n = Number(count);
  if (mode === 'long') return n * Number(width);
  let total = 0;
  if (mode === 'scalars') {
    for (let i = 0; i < n; i++) total += `step ${i} loss ${(1 / (i + 1)).toFixed(6)} acc ${(i / n).toFixed(4)}\n`.length;
    return total;
  }
  for (let i = 0; i < n; i++) total += `step ${i} loss 0.5\n`.length;
  return total;
}

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage run', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const project = await tempDir('output-');
  const scratch = await tempDir('output-scratch-');
  const rows = [];
  try {
    await writeFile(join(project, 'gen.py'), GEN_PY);
    // The real interpreter, not a version manager's shell shim (pyenv's adds ~80 ms to both sides).
    let python;
    try {
      python = (await timeProcess('python3', ['-c', 'import sys; print(sys.executable)'], { stdout: 'pipe' })).stdout.trim();
    } catch {
      return [skipped(name, 'gage run', 'python3 (the run process) is not installed')];
    }
    const toml = cases(quick)
      .map((c) => `[${c.op}]\nexec = ${JSON.stringify([python, 'gen.py', ...c.args])}\nsourcecode = ["gen.py"]\noutput-scalars = ${c.scalars}\n`)
      .join('\n');
    await writeFile(join(project, 'gage.toml'), toml);
    const env = cliEnv();
    delete env.PYTHONUNBUFFERED;
    for (const c of cases(quick)) {
      const bytes = expectedBytes(c.args);
      const label = `${c.op} (${c.args[0] === 'long' ? `${(bytes / 1e6).toFixed(0)} MB` : `${c.args[1]} lines`})`;
      for (const mode of ['quiet', 'echoed']) {
        const r = await compare({
          rounds: rounds ?? (quick ? 1 : 5),
          product: async () => {
            const runs = join(scratch, 'runs');
            const echoPath = join(scratch, 'echo');
            const fd = mode === 'echoed' ? openSync(echoPath, 'w') : 'ignore';
            const args = [GAGE_BIN, '--runs', runs, 'run', '-y', ...(mode === 'quiet' ? ['-q'] : []), c.op];
            let t;
            try {
              t = await timeProcess('node', args, { cwd: project, env, stdout: fd, memory: true });
            } finally {
              if (fd !== 'ignore') closeSync(fd);
            }
            await checkCapture(runs, bytes, mode === 'echoed' ? echoPath : undefined);
            await removeTree(runs);
            await removeTree(echoPath);
            return t;
          },
          baseline: async () => {
            const out = join(scratch, 'baseline');
            const cmd = `${python} gen.py ${c.args.join(' ')} | cat > ${out}`;
            const t = await timeProcess('sh', ['-c', cmd], { cwd: project, env, memory: true });
            if ((await stat(out)).size !== bytes) throw new Error(`baseline wrote ${(await stat(out)).size} bytes, expected ${bytes}`);
            await removeTree(out);
            return t;
          },
        });
        rows.push(result(name, `${label}, ${mode}`, 'ratio', r.ratio.median, c.target, 'ratio', { stats: r.ratio, ...r }));
        const rss = r.productRssKb;
        rows.push(
          result(name, `${label}, ${mode}`, 'peak RSS', rss.median / 1024, 100, 'MB', {
            stats: { median: rss.median / 1024, min: rss.min / 1024, max: rss.max / 1024 },
            product: r.product,
            baseline: r.baseline,
            baselineRssMb: r.baselineRssKb.median / 1024,
          }),
        );
      }
    }
    return rows;
  } finally {
    await removeTree(project);
    await removeTree(scratch);
  }
}

/** The run recorded every byte (and echoed every byte when asked). */
async function checkCapture(runsDir, bytes, echoPath) {
  const metas = (await readdir(runsDir)).filter((n) => n.endsWith('.meta'));
  if (metas.length !== 1) throw new Error(`expected one run in ${runsDir}, found ${metas.length}`);
  const size = (await stat(join(runsDir, metas[0], 'output/40_run'))).size;
  if (size !== bytes) throw new Error(`output/40_run has ${size} bytes, expected ${bytes}`);
  if (echoPath && (await stat(echoPath)).size !== bytes) {
    throw new Error(`gage echoed ${(await stat(echoPath)).size} bytes, expected ${bytes}`);
  }
}

await runIfMain(import.meta.url, run);
