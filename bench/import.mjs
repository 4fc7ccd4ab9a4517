// import: `gage import SRC -y` of 1,000 Guild AI runs and of 1,000 Gage
// (Python) runs (target: ≤ 10 s each, issue 20), and of 250 Guild runs to
// check that the time grows linearly with the number of runs (ms per run at
// 1,000 over ms per run at 250, target ≤ 1.5). Each run is a copy of a
// fixture of packages/meta/test/fixtures/import (made as those tools write
// runs) under a new id: YAML attributes, an output of 3 lines with its index,
// one source file and one generated file; a Gage (Python) run is a stored zip
// of 17 members and a run dir of 2 files.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GAGE_BIN, GNU_TIME, ROOT, cliEnv, cliReady, removeTree, result, runIfMain, skipped, stats, tempDir, timeProcess } from './_lib.mjs';

export const name = 'import';

const FIXTURES = join(ROOT, 'packages/meta/test/fixtures/import');
const GUILD = join(FIXTURES, 'guild', '9a1b2c3d4e5f40718293a4b5c6d7e801');
const GAGE_PY = join(FIXTURES, 'gage-py');
const GAGE_PY_ID = '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c002';

/** `count` Guild runs in `dir`, ids that differ in their first 8 hex digits. */
async function makeGuildRuns(dir, count) {
  for (let i = 0; i < count; i++) await cp(GUILD, join(dir, hexId(i, 32)), { recursive: true });
}

/**
 * `count` Gage (Python) runs: the fixture zip with its `id` member left as it
 * is (the importer takes the id from the zip's name only when the zip has
 * none, so ids are unique through the file names and the `id` member is
 * dropped by rewriting it with the same length).
 */
async function makeGagePyRuns(dir, count) {
  const zip = await readFile(join(GAGE_PY, `${GAGE_PY_ID}.meta.zip`));
  for (let i = 0; i < count; i++) {
    const id = `${hexId(i, 8)}-9f0a-4a53-8f5e-2d3c3bb1c002`;
    // The id member holds the fixture's id; the same number of bytes under the new id keeps the zip valid only with a new CRC, so rewrite the
    // id's first 8 characters in place and fix the CRC-32 of that member in both headers.
    await writeFile(join(dir, `${id}.meta.zip`), withId(zip, GAGE_PY_ID, id));
    await cp(join(GAGE_PY, GAGE_PY_ID), join(dir, id), { recursive: true });
  }
}

function hexId(i, length) {
  return (((i + 1) * 2654435761) >>> 0).toString(16).padStart(8, '0') + 'a'.repeat(length - 8);
}

/** The zip with every occurrence of the old id (the `id` and `log/files`-free members hold it once: `id`) replaced, CRCs fixed. */
function withId(zip, oldId, newId) {
  const out = Buffer.from(zip);
  const from = Buffer.from(oldId);
  let at = out.indexOf(from);
  while (at !== -1) {
    Buffer.from(newId).copy(out, at);
    at = out.indexOf(from, at + 1);
  }
  // Fix the CRC of each stored member from its (now changed) bytes.
  let p = out.readUInt32LE(out.length - 22 + 16);
  const count = out.readUInt16LE(out.length - 22 + 10);
  for (let k = 0; k < count; k++) {
    const size = out.readUInt32LE(p + 20);
    const nameLen = out.readUInt16LE(p + 28);
    const local = out.readUInt32LE(p + 42);
    const start = local + 30 + out.readUInt16LE(local + 26) + out.readUInt16LE(local + 28);
    const crc = crc32(out.subarray(start, start + size));
    out.writeUInt32LE(crc, p + 16);
    out.writeUInt32LE(crc, local + 14);
    p += 46 + nameLen + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

function crc32(data) {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Wall time and CPU time (user + system, from GNU time: the machine is
 * shared, so both are reported). Each round imports into a runs dir of its
 * own, pushed to `dests` and removed only at the end: on ext4 without a
 * journal (this machine's) the inode allocator skips, one by one, every
 * inode freed in the last 30 s (`recently_deleted`), so a round that
 * followed the removal of the previous round's 35,000 files paid 2-3 times
 * the system time (docs/performance.md, "## Import").
 */
async function timeImport(src, rounds, dests) {
  const env = cliEnv();
  const times = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    const home = await tempDir('import-dest-');
    dests.push(home);
    const args = [GAGE_BIN, '--runs', join(home, 'runs'), 'import', src, '-y'];
    const { ms, stderr } = await timeProcess(GNU_TIME, ['-f', 'cpu %U %S', 'node', ...args], { cwd: home, env });
    const m = /^Imported \d+ runs\ncpu ([\d.]+) ([\d.]+)\n$/.exec(stderr);
    if (!m) throw new Error(`gage import: ${stderr}`);
    times.push(ms);
    cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  return { wall: stats(times), cpu: stats(cpu) };
}

export async function run({ quick, rounds }) {
  if (!(await cliReady())) return [skipped(name, 'gage import', 'the CLI (packages/cli/dist/gage.js) is not built')];
  const n = quick ? 200 : 1000;
  const small = n / 4;
  const r = rounds ?? (quick ? 1 : 3);
  const guild = await tempDir('import-guild-');
  const guildSmall = await tempDir('import-guild-small-');
  const gagePy = await tempDir('import-gage-py-');
  const dests = [];
  try {
    await makeGuildRuns(guild, n);
    await makeGuildRuns(guildSmall, small);
    await makeGagePyRuns(gagePy, n);
    const big = await timeImport(guild, r, dests);
    const few = await timeImport(guildSmall, r, dests);
    const py = await timeImport(gagePy, r, dests);
    const growth = big.wall.median / n / (few.wall.median / small);
    const target = quick ? 2000 : 10000;
    return [
      result(name, `gage import of ${n} Guild AI runs`, 'wall', big.wall.median, target, 'ms', { stats: big.wall }),
      result(name, `gage import of ${n} Guild AI runs`, 'cpu (user + sys)', big.cpu.median, target, 'ms', { stats: big.cpu }),
      result(name, `gage import of ${n} Gage (Python) runs`, 'wall', py.wall.median, target, 'ms', { stats: py.wall }),
      result(name, `gage import of ${n} Gage (Python) runs`, 'cpu (user + sys)', py.cpu.median, target, 'ms', { stats: py.cpu }),
      result(name, `ms per run at ${n} ÷ ms per run at ${small} (Guild)`, 'ratio', growth, 1.5, 'ratio', {
        stats: { median: growth, min: growth, max: growth },
      }),
    ];
  } finally {
    for (const dir of dests) await removeTree(dir);
    await removeTree(guild);
    await removeTree(guildSmall);
    await removeTree(gagePy);
  }
}

await runIfMain(import.meta.url, run);
