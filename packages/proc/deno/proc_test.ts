import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initRunMetaSync, makeRun } from '@gage/meta';
import { collectReadBuffers, execRun, finalizeRun, openRunOutput, readRunOutput, startRun } from '@gage/proc';
import { removeTree, testdir } from '@gage/test-utils';

const EMIT = fileURLToPath(new URL('../test/fixtures/emit.mjs', import.meta.url));

async function withRun(args: string[], body: (run: Awaited<ReturnType<typeof makeRun>>) => Promise<void>) {
  const runsDir = await testdir();
  try {
    const run = await makeRun(runsDir);
    initRunMetaSync(run, { ns: 'test', name: 'test' }, { name: 'test', data: { exec: args } }, {}, { args, env: {} });
    await Deno.mkdir(run.runDir);
    await body(run);
  } finally {
    await removeTree(runsDir);
  }
}

Deno.test('startRun runs node and its output is captured and read back under Deno', async () => {
  // Two pipes read in one turn of a busy event loop come in either order: "tial" waits until "err" is in the output
  // ("par" is held back until its LF, so only a pause stands before "err").
  const steps = [['out', 'par'], ['sleep', 300], ['err', 'err\n'], ['await', ['output/40_run', 4]], ['out', 'tial\nlast']];
  await withRun(['node', EMIT, JSON.stringify(steps)], async (run) => {
    const p = await startRun(run);
    const output = openRunOutput(run, p);
    assert.equal(await p.wait(), 0);
    await output.waitAndClose();
    assert.equal(await readFile(join(run.metaDir, 'output', '40_run'), 'utf8'), 'err\npartial\nlast');
    const lines = await readRunOutput(run);
    assert.deepEqual(lines.map((l) => [l.stream, l.text]), [[1, 'err'], [0, 'partial'], [0, 'last']]);
  });
});

Deno.test('execRun and finalizeRun record a signal exit under Deno', async () => {
  await withRun(['node', EMIT, JSON.stringify([['kill', 'SIGTERM']])], async (run) => {
    const status = await execRun(run);
    assert.equal(status, -15);
    await finalizeRun(run, status);
    assert.equal(await readFile(join(run.metaDir, 'proc', 'exit'), 'utf8'), '-15');
  });
});

Deno.test('execRun passes output chunks and captures 5 MB exactly under Deno', async () => {
  collectReadBuffers(); // a no-op outside Node: must not fail
  const longLine = fileURLToPath(new URL('../test/fixtures/long-line.mjs', import.meta.url));
  await withRun(['node', longLine, '5000000', JSON.stringify('\nend\n')], async (run) => {
    const pieces: Uint8Array[] = [];
    let calls = 0;
    const status = await execRun(run, {
      onOutputChunk: (_stream, chunk) => {
        calls++;
        pieces.push(...chunk);
      },
    });
    assert.equal(status, 0);
    const output = await readFile(join(run.metaDir, 'output', '40_run'));
    assert.equal(output.length, 5_000_005);
    assert.ok(Buffer.concat(pieces).equals(output));
    assert.ok(calls >= 2);
  });
});

Deno.test('the run leads a process group of its own, and last lines without LF read back apart, under Deno', async () => {
  // ERR is written once its pipe ended: OUT waits for it.
  const steps = [['err', 'ERR'], ['close', 'err'], ['await', ['output/40_run', 3]], ['out', 'OUT']];
  await withRun(['node', EMIT, JSON.stringify(steps)], async (run) => {
    const p = await startRun(run);
    // Read at once from /proc (a `ps` process could start after the run ended on a loaded machine):
    // the fields after the command name are state, ppid, pgrp.
    const stat = Deno.readTextFileSync(`/proc/${p.pid}/stat`);
    const output = openRunOutput(run, p);
    assert.equal(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]), p.pid);
    assert.equal(await p.wait(), 0);
    await output.waitAndClose();
    const lines = await readRunOutput(run);
    assert.deepEqual(lines.map((l) => [l.stream, l.text]), [[1, 'ERR'], [0, 'OUT']]);
  });
});
