import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { listRuns } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';
import { expectNoCrash, gage, scale, sleep, spawnGage } from './_helpers.js';
import { seededRandom } from './_seeded-random.js';

/**
 * SIGKILL of `gage import` at random moments. The import writes the files of
 * each run directly into its box `.<id>.import.<pid>` (no temp file and
 * rename: docs/spec/import.md 2), so a kill leaves half-written files there;
 * none may ever show under a run's name. Seed: `GAGE_SEED` or the clock,
 * printed.
 */
const RUNS = scale(30, 100);
const TRIALS = Number(process.env.GAGE_IMPORT_KILL_TRIALS ?? scale(6, 30));
const SEED = Number(process.env.GAGE_SEED ?? Date.now() % 2 ** 31);
const GUILD_RUN = fileURLToPath(new URL('../../../packages/meta/test/fixtures/import/guild/9a1b2c3d4e5f40718293a4b5c6d7e801', import.meta.url));

let tmp: string;
let src: string;
/** Meta files, run files and user entries of each run after an import that was not killed. */
let reference: Map<string, Map<string, string>>;
/** How long that import took (ms): the kills fall within it. */
let importMs: number;

function hexId(i: number): string {
  return `${(((i + 1) * 2654435761) >>> 0).toString(16).padStart(8, '0')}${'b'.repeat(24)}`;
}

/** Every file of a run (meta dir, run dir, `.user`) by a name that does not depend on when it was imported. */
async function runFiles(runsDir: string, id: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(join(dir, e.name), `${prefix}${e.name}/`);
      else {
        const text = await readFile(join(dir, e.name), 'utf8');
        const mode = ((await stat(join(dir, e.name))).mode & 0o777).toString(8);
        // The runner log's time and the user entries' names are the import's clock.
        if (prefix === 'meta/' + 'log/' && e.name === 'runner') files.set(`${prefix}${e.name}`, `${text.replace(/^\S+ /, '<time> ')} ${mode}`);
        else if (prefix === 'user/') files.set(`user/${text}`, mode);
        else files.set(`${prefix}${e.name}`, `${text} ${mode}`);
      }
    }
  };
  await walk(join(runsDir, `${id}.meta`), 'meta/');
  await walk(join(runsDir, id), 'run/');
  await walk(join(runsDir, `${id}.user`), 'user/');
  return files;
}

beforeAll(async () => {
  tmp = await testdir();
  src = join(tmp, 'guild-runs');
  for (let i = 0; i < RUNS; i++) await cp(GUILD_RUN, join(src, hexId(i)), { recursive: true });
  const runsDir = join(tmp, 'reference');
  const started = performance.now();
  const res = await gage(['--runs', runsDir, 'import', src, '-y'], { cwd: tmp, home: tmp });
  importMs = performance.now() - started;
  expectNoCrash(res);
  expect(res.code).toBe(0);
  reference = new Map();
  for (let i = 0; i < RUNS; i++) {
    const id = hexId(i);
    // The source path differs per run; the trials import from the same source, so it stays as it is.
    reference.set(id, await runFiles(runsDir, id));
  }
  console.log(`import-kill: seed ${SEED}, ${RUNS} runs, ${TRIALS} trials, a whole import ${Math.round(importMs)} ms`);
}, 600_000);

afterAll(async () => {
  await removeTree(tmp);
});

describe(`SIGKILL of gage import at random moments (${TRIALS} trials)`, () => {
  test('every run listed is whole, byte for byte; the next import finishes the others and leaves no box', async () => {
    const random = seededRandom(SEED);
    let killedMidway = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const runsDir = join(tmp, `runs-${trial}`);
      const proc = spawnGage(['--runs', runsDir, 'import', src, '-y'], { cwd: tmp, home: tmp });
      // Node's start-up is part of the time measured: kill anywhere in the import.
      await sleep(Math.floor(random() * importMs));
      proc.child.kill('SIGKILL');
      await proc.result;
      const listed = (await listRuns(runsDir).catch(() => [])).map((r) => r.id);
      if (listed.length > 0 && listed.length < RUNS) killedMidway++;
      for (const id of listed) expect([trial, id, await runFiles(runsDir, id)]).toEqual([trial, id, reference.get(id)]);
      const res = await gage(['--runs', runsDir, 'import', src, '-y'], { cwd: tmp, home: tmp });
      expectNoCrash(res);
      expect([trial, res.code]).toEqual([trial, 0]);
      expect((await listRuns(runsDir)).length).toBe(RUNS);
      expect((await readdir(runsDir)).filter((n) => n.startsWith('.'))).toEqual([]);
      for (const id of reference.keys()) expect([trial, id, await runFiles(runsDir, id)]).toEqual([trial, id, reference.get(id)]);
      await removeTree(runsDir);
    }
    console.log(`import-kill: ${killedMidway} of ${TRIALS} kills fell between the first and the last run`);
  }, 1_800_000);
});
