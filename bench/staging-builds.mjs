// staging-builds: `stageRun` of this checkout's build against another build
// of @gage/meta + @gage/stage (an earlier commit), alternately in one process,
// so that a change to staging is measured against its own before.
//   node bench/staging-builds.mjs <baseline root> [rounds] [cases]
// <baseline root> holds packages/{meta,stage}/dist built from the other
// commit, whose @gage/* imports resolve to that root's packages (see
// docs/performance.md, "Staging with the run lock kept fresh"). Cases: a
// comma list of file counts, `*` after a count for `sourcecode = ["**/*"]`
// (no type or size test: sizes unknown to the plan); default 500,5000,5000*.
// Set CPU=1 to compare the process's CPU time instead of wall time (less
// noisy on a shared machine), TMPDIR=/dev/shm to leave the disk out.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compare, removeTree, ROOT, tempDir, timeIt } from './_lib.mjs';

const [baselineRoot, roundsText = '15', casesText = '500,5000,5000*'] = process.argv.slice(2);
if (!baselineRoot) {
  process.stderr.write('Usage: node bench/staging-builds.mjs <baseline root> [rounds] [cases]\n');
  process.exit(2);
}
const load = (root, name) => import(pathToFileURL(join(root, 'packages', name, 'dist/index.js')).href);
const sides = {
  product: { meta: await load(ROOT, 'meta'), stage: await load(ROOT, 'stage') },
  baseline: { meta: await load(baselineRoot, 'meta'), stage: await load(baselineRoot, 'stage') },
};

/** The staging benchmark's project: a gage.toml and small Python modules, 50 per package dir. */
async function makeProject(dir, count) {
  await writeFile(join(dir, 'gage.toml'), '[train]\nexec = "python3 train.py"\n');
  for (let i = 0; i < count - 1; i += 50) {
    const sub = join(dir, 'src', `pkg${String(i / 50).padStart(3, '0')}`);
    await mkdir(sub, { recursive: true });
    await Promise.all(
      Array.from({ length: Math.min(50, count - 1 - i) },
        (_, j) => writeFile(join(sub, `mod${j}.py`), `# module ${i + j}\n\ndef f${j}(x):\n    return x * ${j}\n`.repeat(4))),
    );
  }
}

const f = (s, d = 1) => `${s.median.toFixed(d)} (${s.min.toFixed(d)}–${s.max.toFixed(d)})`;
for (const spec of casesText.split(',')) {
  const count = Number(spec.replace('*', ''));
  const data = { exec: 'python3 train.py' };
  if (spec.endsWith('*')) data.sourcecode = ['**/*'];
  else if (count > 500) data.sourcecode = [`**/* text size<100000 max-matches=${count + 10}`, '-**/.* dir'];
  const project = await tempDir('builds-project-');
  const scratch = await tempDir('builds-scratch-');
  try {
    await makeProject(project, count);
    let k = 0;
    const side = ({ meta, stage }) => async () => {
      const runsDir = join(scratch, `runs${k++}`);
      const run = await meta.makeRun(runsDir);
      // initRunMeta before the Sync names (issue 13): a baseline may be older.
      await (meta.initRunMetaSync ?? meta.initRunMeta)(run, { ns: 'bench', name: 'train' }, { name: 'train', data }, {}, { args: ['python3', 'train.py'],
        env: {} });
      const cpu0 = process.cpuUsage();
      const wall = await timeIt(() => stage.stageRun(run, project, { onWarning: () => {} }));
      const cpu = process.cpuUsage(cpu0);
      await removeTree(runsDir);
      return process.env.CPU ? (cpu.user + cpu.system) / 1000 : wall;
    };
    const r = await compare({ rounds: Number(roundsText), warmup: 1, product: side(sides.product), baseline: side(sides.baseline) });
    process.stdout.write(
      `${spec} files: this ${f(r.product)} ms, baseline ${f(r.baseline)} ms, ratio ${f(r.ratio, 3)}${process.env.CPU ? ' (CPU time)' : ''}\n`,
    );
  } finally {
    await removeTree(project);
    await removeTree(scratch);
  }
}
