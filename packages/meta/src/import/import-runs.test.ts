import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTree, testdir } from '@gage/test-utils';
import { listRuns } from '../list/list-runs.js';
import { readRunConfigSync } from '../run/read-run-config-sync.js';
import { readRunCmdSync } from '../run/read-run-cmd-sync.js';
import { readManifestSync } from '../files/read-manifest-sync.js';
import { readFilesLogSync } from '../files/read-files-log-sync.js';
import { runStatus } from '../status/run-status.js';
import { runUserAttrs } from '../attrs/run-user-attrs.js';
import { runComments } from '../comments/run-comments.js';
import { runTimestampSync } from '../meta-file/run-timestamp-sync.js';
import { importRuns } from './import-runs.js';
import { findForeignRuns } from './find-foreign-runs.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/import', import.meta.url));
const GAGE_1 = '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c001';
const GUILD_1 = '9a1b2c3d4e5f40718293a4b5c6d7e801';

let tmp: string;
let dest: string;
beforeEach(async () => {
  tmp = await testdir();
  dest = join(tmp, 'runs');
});
afterEach(async () => {
  await removeTree(tmp);
});

/** A copy of a fixture runs dir (imports must never depend on the committed files staying untouched). */
function fixture(name: string): string {
  const dir = join(tmp, `src-${name}`);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Every path under a dir with its size and mode: what "the source is never modified" compares. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const st = statSync(join(dir, path));
      out.push(`${path} ${st.isDirectory() ? 'd' : st.size} ${(st.mode & 0o777).toString(8)} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(path);
    }
  };
  walk('');
  return out;
}

async function byId(id: string) {
  const run = (await listRuns(dest)).find((r) => r.id === id);
  if (!run) throw new Error(`run ${id} not imported`);
  return run;
}

describe('findForeignRuns', () => {
  test('finds Gage (Python) zips and Guild run dirs, and nothing else', async () => {
    const dir = fixture('gage-py');
    cpSync(join(FIXTURES, 'guild'), dir, { recursive: true });
    const found = await findForeignRuns(dir);
    expect(found.map((r) => `${r.format} ${r.id}`)).toEqual([
      'gage-py 5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c001',
      'gage-py 5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c002',
      'gage-py 5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c003',
      'guild 9a1b2c3d4e5f40718293a4b5c6d7e801',
      'guild 9a1b2c3d4e5f40718293a4b5c6d7e802',
      'guild 9a1b2c3d4e5f40718293a4b5c6d7e803',
      'guild 9a1b2c3d4e5f40718293a4b5c6d7e804',
    ]);
    expect(await findForeignRuns(join(tmp, 'missing'))).toEqual([]);
  });
});

describe('importRuns from Gage (Python)', () => {
  test('converts each run with its config types, command, status, output, attributes and files', async () => {
    const src = fixture('gage-py');
    const before = snapshot(src);
    const result = await importRuns(src, dest);
    expect(result.skipped).toEqual([]);
    expect(result.imported.map((r) => r.id).sort()).toEqual([GAGE_1, '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c002', '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c003']);
    expect(snapshot(src)).toEqual(before);
    const run = await byId(GAGE_1);
    expect(run.opref).toEqual({ ns: 'demo', name: 'train' });
    const config = readRunConfigSync(run);
    expect(config['epochs']).toBe(3n);
    expect(config['lr']).toBe(1.0);
    expect(typeof config['lr']).toBe('number');
    expect(config['eps']).toBe(1e-5);
    expect(config['big']).toBe(12345678901234567890n);
    expect(config['name']).toBe('réseau ✓');
    expect(readFileSync(join(run.metaDir, 'config.json'), 'utf8')).toContain('"lr": 1.0');
    expect(readRunCmdSync(run).args).toEqual(['python', 'train.py']);
    expect(existsSync(join(run.metaDir, 'proc', 'cmd.json'))).toBe(false);
    expect(await runStatus(run)).toBe('completed');
    expect(runTimestampSync(run, 'started')).toBe(1_700_000_000_002_000);
    expect(readFileSync(join(run.metaDir, 'output', '40_run'), 'utf8')).toBe('epoch 1 loss=0.5\népreuve terminée ✓\n');
    expect(readFileSync(join(run.metaDir, 'output', '40_run.index')).length).toBe(18);
    expect((await runUserAttrs(run))['label']).toBe('baseline ✓');
    expect((await runComments(run)).map((c) => c.msg)).toEqual(['looks good']);
    expect(readFileSync(`${run.runDir}.project`, 'utf8')).toBe('file:/home/maria/demo');
    expect((readManifestSync(run) ?? []).map((e) => `${e.type} ${e.path}`)).toEqual(['s train.py', 'g model.txt']);
    expect(readFileSync(join(run.runDir, 'model.txt'), 'utf8')).toBe('weights\n');
    expect(statSync(join(run.runDir, 'model.txt')).mode & 0o222).toBe(0);
    expect(readFileSync(join(run.metaDir, 'log', 'runner'), 'utf8')).toMatch(/Imported from Gage \(Python\) run ".*c001\.meta\.zip" \(copy\)\n$/);
    expect(await runStatus(await byId('5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c002'))).toBe('error');
    expect(await runStatus(await byId('5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c003'))).toBe('terminated');
  });

  test('a second import skips the runs already there; --force imports them again', async () => {
    const src = fixture('gage-py');
    await importRuns(src, dest);
    const again = await importRuns(src, dest);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(Array(3).fill(expect.stringMatching(/^already imported/)));
    const forced = await importRuns(src, dest, { force: true });
    expect(forced.imported.length).toBe(3);
    expect((await listRuns(dest)).length).toBe(3);
    expect(readdirSync(dest).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('--move takes the runs out of the source dir; --link shares the files and changes no mode', async () => {
    const src = fixture('gage-py');
    await importRuns(src, dest, { mode: 'move' });
    expect(readdirSync(src)).toEqual([]);
    expect((await listRuns(dest)).length).toBe(3);
    const src2 = fixture('gage-py');
    const dest2 = join(tmp, 'linked');
    const before = snapshot(src2);
    await importRuns(src2, dest2, { mode: 'link' });
    expect(snapshot(src2)).toEqual(before);
    expect(statSync(join(dest2, GAGE_1, 'model.txt')).ino).toBe(statSync(join(src2, GAGE_1, 'model.txt')).ino);
  });
});

describe('importRuns from Guild AI', () => {
  test('converts flags, command, env, timestamps, status, output, label, tags, comments and source code', async () => {
    const src = fixture('guild');
    const before = snapshot(src);
    const result = await importRuns(src, dest, { author: 'tester' });
    expect(result.skipped).toEqual([]);
    expect(result.imported.length).toBe(4);
    expect(snapshot(src)).toEqual(before);
    const run = await byId(GUILD_1);
    expect(run.opref).toEqual({ ns: 'mnist', name: 'train' });
    const config = readRunConfigSync(run);
    expect(config).toEqual({ dropout: 1.0, epochs: 10n, eps: 1e-5, 'layers.0': 64n, 'layers.1': 32n, lr: 0.1, name: 'réseau ✓', y: 'n' });
    expect(readFileSync(join(run.metaDir, 'config.json'), 'utf8')).toContain('"dropout": 1.0');
    expect(readRunCmdSync(run).args).toEqual(['/usr/bin/python3', '-um', 'guild.op_main', 'train', '--', '--lr', '0.1']);
    const env = JSON.parse(readFileSync(join(run.metaDir, 'proc', 'env'), 'utf8')) as Record<string, string>;
    expect(env['WANDB_API_KEY']).toBe('<redacted>');
    expect(env['GUILD_OP']).toBe('mnist:train');
    expect(await runStatus(run)).toBe('completed');
    expect(runTimestampSync(run, 'started')).toBe(1_700_000_000_002_000);
    expect(runTimestampSync(run, 'stopped')).toBe(1_700_000_000_009_000);
    expect(readFileSync(join(run.metaDir, 'output', '40_run'), 'utf8')).toBe('Epoch 1\nloss: 0.25 ✓\nwarn\n');
    const index = readFileSync(join(run.metaDir, 'output', '40_run.index'));
    expect([...index].filter((_, i) => i % 9 === 8)).toEqual([0, 0, 1]);
    const attrs = await runUserAttrs(run);
    expect(attrs['label']).toBe('lr=0.1 épreuve');
    expect(attrs['tags']).toEqual(['baseline', '✓']);
    expect((await runComments(run)).map((c) => [c.msg, c.timestamp])).toEqual([['best so far ✓', 1_700_000_000_005]]);
    expect((readManifestSync(run) ?? []).map((e) => `${e.type} ${e.path}`)).toEqual(['s train.py', 'g checkpoint.txt']);
    expect(existsSync(join(run.runDir, '.guild'))).toBe(false);
    expect(readFilesLogSync(run).length).toBe(2);
    expect(readFileSync(join(run.metaDir, 'sys', 'guild_host.json'), 'utf8')).toBe('"maria-laptop"');
    expect(readFileSync(join(run.metaDir, 'sys', 'guild_random_seed.json'), 'utf8')).toBe('1234567');
    expect(await runStatus(await byId('9a1b2c3d4e5f40718293a4b5c6d7e802'))).toBe('error');
    expect(await runStatus(await byId('9a1b2c3d4e5f40718293a4b5c6d7e803'))).toBe('terminated');
    expect(await runStatus(await byId('9a1b2c3d4e5f40718293a4b5c6d7e804'))).toBe('terminated');
  });

  test('a run whose LOCK names a live process is skipped as still running', async () => {
    const src = fixture('guild');
    writeFileSync(join(src, '9a1b2c3d4e5f40718293a4b5c6d7e803', '.guild', 'LOCK'), String(process.pid));
    const result = await importRuns(src, dest);
    expect(result.skipped).toEqual([
      expect.objectContaining({ id: '9a1b2c3d4e5f40718293a4b5c6d7e803', reason: `it is still running (process ${process.pid}, .guild/LOCK)` }),
    ]);
    expect(result.imported.length).toBe(3);
  });

  test('--move takes the Guild run dirs, .guild and all, out of the source dir', async () => {
    const src = fixture('guild');
    await importRuns(src, dest, { mode: 'move' });
    expect(readdirSync(src)).toEqual([]);
    const run = await byId(GUILD_1);
    expect(readdirSync(run.runDir).sort()).toEqual(['checkpoint.txt', 'train.py']);
    expect((readManifestSync(run) ?? []).map((e) => `${e.type} ${e.path}`)).toEqual(['s train.py', 'g checkpoint.txt']);
  });

  test("the scalars of TensorFlow event files go to 'scalars' and the summary; a damaged file gives a note", async () => {
    const src = fixture('guild');
    const result = await importRuns(src, dest);
    expect(result.imported.find((r) => r.id === '9a1b2c3d4e5f40718293a4b5c6d7e802')?.notes).toEqual([]);
    const run = await byId('9a1b2c3d4e5f40718293a4b5c6d7e802');
    expect(readFileSync(join(run.metaDir, 'scalars'), 'utf8')).toBe(
      '{"k":"loss","s":0,"v":0.5,"t":1700000001000}\n' + '{"k":"loss","s":1,"v":0.25,"t":1700000002000}\n' + '{"k":"acc","s":1,"v":0.875,"t":1700000003000}\n',
    );
    expect(JSON.parse(readFileSync(join(run.metaDir, 'summary.json'), 'utf8'))).toEqual({ attributes: {}, metrics: { acc: 0.875, loss: 0.25 } });
    expect(readFileSync(join(run.runDir, 'logs', 'events.out.tfevents.1700000000.maria-laptop.1.0')).length).toBe(258);

    const src2 = fixture('guild');
    const events = join(src2, '9a1b2c3d4e5f40718293a4b5c6d7e802', 'logs', 'events.out.tfevents.1700000000.maria-laptop.1.0');
    writeFileSync(events, readFileSync(events).subarray(0, 150));
    const dest2 = join(tmp, 'runs2');
    const damaged = await importRuns(src2, dest2);
    const notes = damaged.imported.find((r) => r.id === '9a1b2c3d4e5f40718293a4b5c6d7e802')?.notes ?? [];
    expect(notes).toEqual([
      expect.stringMatching(
        /^TensorFlow event file "logs\/events.out.tfevents.1700000000.maria-laptop.1.0" is damaged \(a truncated record header at byte 146\); scalars of the first 3 records imported$/,
      ),
    ]);
    expect(readFileSync(join(dest2, '9a1b2c3d4e5f40718293a4b5c6d7e802.meta', 'scalars'), 'utf8').split('\n').length).toBe(3);
  });

  test('a 100,000-line output keeps one index record per line', async () => {
    const src = fixture('guild');
    const guild = join(src, GUILD_1, '.guild');
    const lines = Array.from({ length: 100_000 }, (_, i) => `step ${i} loss=${1 / (i + 1)}\n`);
    writeFileSync(join(guild, 'output'), lines.join(''));
    const index = Buffer.alloc(9 * 100_000);
    for (let i = 0; i < 100_000; i++) index.writeBigUInt64BE(BigInt(1_700_000_000_002 + i), i * 9);
    writeFileSync(join(guild, 'output.index'), index);
    const result = await importRuns(src, dest, { filter: (row) => row.id === GUILD_1 });
    expect(result.imported.map((r) => r.notes)).toEqual([[]]);
    const run = await byId(GUILD_1);
    expect(readFileSync(join(run.metaDir, 'output', '40_run.index')).equals(index)).toBe(true);
  });
});

describe('importRuns on bad input', () => {
  test('skips a corrupt zip, a missing attrs dir and flags that are not a mapping, with their reasons; imports a short index with a note', async () => {
    const src = fixture('bad');
    const before = snapshot(src);
    const result = await importRuns(src, dest);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.id, s.reason]));
    expect(reasons['5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1cbad']).toMatch(/is not a readable zip file: not a zip file/);
    expect(reasons['0badbadbadbadbadbadbadbadbad0001']).toMatch(/attrs" is missing$/);
    expect(reasons['0badbadbadbadbadbadbadbadbad0002']).toMatch(/flags" is not a YAML mapping$/);
    expect(result.imported.map((r) => [r.id, r.notes])).toEqual([
      ['0badbadbadbadbadbadbadbadbad0003', ['output index has 1 records for 3 lines: the last 2 take the time of the line before them']],
    ]);
    expect((await listRuns(dest)).map((r) => r.id)).toEqual(['0badbadbadbadbadbadbadbadbad0003']);
    expect(readFileSync(join(dest, '0badbadbadbadbadbadbadbadbad0003.meta', 'output', '40_run.index')).length).toBe(27);
    expect(snapshot(src)).toEqual(before);
    expect(readdirSync(dest).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  test('a runs dir mixing formats imports each run by its own format; --from picks one', async () => {
    const src = fixture('gage-py');
    cpSync(join(FIXTURES, 'guild'), src, { recursive: true });
    const only = await importRuns(src, dest, { from: 'guild', preview: true });
    expect(only.imported.map((r) => r.format)).toEqual(Array(4).fill('guild'));
    expect(existsSync(dest)).toBe(false);
    const all = await importRuns(src, dest);
    expect(all.imported.length).toBe(7);
  });

  test('a Gage (Python) run dir that lacks a file of its files log is skipped before anything moves', async () => {
    const src = fixture('gage-py');
    const id = '5f3c5c5e-9f0a-4a53-8f5e-2d3c3bb1c002';
    rmSync(join(src, id, 'model.txt'));
    const result = await importRuns(src, dest, { mode: 'move' });
    expect(result.skipped).toEqual([
      expect.objectContaining({ id, reason: `its run dir does not match its files log: "model.txt" is missing in "${join(src, id)}"` }),
    ]);
    expect(readdirSync(join(src, id))).toEqual(['train.py']);
    expect(existsSync(join(src, `${id}.meta.zip`))).toBe(true);
    expect(readdirSync(dest).filter((n) => n.startsWith('.') || n.startsWith(id))).toEqual([]);
  });

  test('refuses to import into the source dir itself', async () => {
    const src = fixture('gage-py');
    await expect(importRuns(src, src)).rejects.toThrow(`Cannot import runs into their source dir "${src}"`);
  });

  test('an interrupted import leaves no run listed, and the next import finishes it', async () => {
    const src = fixture('guild');
    // What a kill between building the run aside and renaming it into place leaves.
    const box = join(dest, `.${GUILD_1}.import.2147483000`);
    cpSync(join(src, GUILD_1), join(box, 'run'), { recursive: true });
    cpSync(join(src, GUILD_1), join(dest, GUILD_1), { recursive: true });
    expect(await listRuns(dest)).toEqual([]);
    const result = await importRuns(src, dest);
    expect(result.imported.length).toBe(4);
    expect(readdirSync(dest).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(existsSync(join(dest, GUILD_1, '.guild'))).toBe(false);
  });
});
