// Test helpers for @gage/proc: fixture processes and runs, index decoding (temp dirs: @gage/test-utils).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initRunMetaSync, makeReadOnlySync, makeRun, scanRunFiles, writeManifest, writeMetaFileSync, writeRunTimestampSync } from '@gage/meta';
import { testdir } from '@gage/test-utils';
import type { JsonValue, OpDef, Run } from '@gage/types';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A bare run (meta dir and run dir made) for output tests that need no meta files. */
export async function makeBareRun(): Promise<Run> {
  const runsDir = await testdir();
  const run: Run = { id: 'abc', name: 'abc', runDir: join(runsDir, 'abc'), metaDir: join(runsDir, 'abc.meta') };
  await mkdir(run.metaDir, { recursive: true });
  await mkdir(run.runDir, { recursive: true });
  return run;
}

/** Spawns `node <fixture> ...args` with piped stdout and stderr (in `cwd`: a run dir lets `emit.mjs` find its run's output). */
export function spawnFixture(name: string, args: string[] = [], cwd?: string): ChildProcess {
  return spawn('node', [join(FIXTURES, name), ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd });
}

/** The exit code of a child, `-signum` style not needed here. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Decodes an index file into `[timestamp, stream]` pairs. */
export function decodeIndex(bytes: Uint8Array): [number, number][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: [number, number][] = [];
  for (let pos = 0; pos + 9 <= bytes.length; pos += 9) {
    records.push([Number(view.getBigUint64(pos)), view.getUint8(pos + 8)]);
  }
  return records;
}

/** `emit.mjs` steps as its one argument (`["await", [file, bytes]]` waits for a file to grow). */
export function steps(...list: [string, string | number | [string, number]][]): string[] {
  return [JSON.stringify(list)];
}

/** Messages of `log/runner`, without their timestamps. */
export async function runnerLog(run: Run): Promise<string[]> {
  const text = await readFile(join(run.metaDir, 'log', 'runner'), 'utf8');
  return text.split('\n').filter((l) => l !== '').map((l) => l.slice(l.indexOf(' ') + 1));
}

/** Runs `node <fixture>` as the run command: the argv array for `proc/cmd`. */
export function fixtureCmd(name: string, ...args: string[]): string[] {
  return ['node', join(FIXTURES, name), ...args];
}

/**
 * A staged run, staged the way `stageRun` of `@gage/stage` leaves it (which
 * `@gage/proc` may not import): run-dir files, `log/files`, `log/patched`,
 * `manifest`, `staged`.
 */
export async function makeStagedRun(
  files: Record<string, string>,
  args: string | string[],
  options: { env?: Record<string, string>; exec?: JsonValue; data?: Record<string, JsonValue> } = {},
): Promise<Run> {
  const runsDir = await testdir();
  const run = await makeRun(runsDir);
  const opdef: OpDef = { name: 'test', data: { exec: options.exec ?? args, ...options.data } };
  initRunMetaSync(run, { ns: 'test', name: 'test' }, opdef, {}, { args, env: options.env ?? {} });
  await mkdir(run.runDir, { recursive: true });
  for (const [path, content] of Object.entries(files)) await writeFile(join(run.runDir, path), content);
  await scanRunFiles(run, 's');
  writeMetaFileSync(run, 'log/patched', '');
  await writeManifest(run);
  for (const path of Object.keys(files)) makeReadOnlySync(join(run.runDir, path));
  writeRunTimestampSync(run, 'staged');
  return run;
}
