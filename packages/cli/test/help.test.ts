import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { removeTree, testdir } from '@gage/test-utils';
import type { Io } from '../src/io.js';
import { runMain } from '../src/main.js';
import { HELP_TOPICS } from '../src/help/help-topics.js';
import { BIN, gage, gageBin, gageEnv } from './_helpers.js';

const TOPICS_DIR = fileURLToPath(new URL('../src/help/topics/', import.meta.url));
const NAMES = ['batches', 'board', 'exec', 'filters', 'gagefile', 'operations', 'remotes', 'scalars', 'select-runs', 'sweeps'];
const topicSource = (name: string) => readFileSync(join(TOPICS_DIR, `${name}.md`), 'utf8');

let home: string;

beforeAll(async () => {
  home = await testdir();
});

afterAll(async () => {
  await removeTree(home);
});

/** `gage args` in process on a terminal of `columns` (stdout a TTY that is not the process's: no pager). */
async function onFakeTerminal(args: string[], env: Record<string, string>, columns = 60): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io: Io = {
    stdout: { write: (d) => ((stdout += String(d)), true), isTTY: true, columns },
    stderr: { write: () => true },
    stdin: { on: () => undefined, pause: () => undefined, resume: () => undefined },
    env: { PATH: process.env.PATH, HOME: home, TERM: 'xterm', ...env },
  };
  const code = await runMain(args, io, { cwd: home });
  return { code, stdout };
}

describe('gage help', () => {
  test('lists the topics with a line each; -h shows the same', async () => {
    expect(HELP_TOPICS.map((t) => t.name)).toEqual(NAMES);
    const r = await gage(['help'], { cwd: home, home });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Usage: gage help [options] topic', '', '  Show help for a topic.', '']);
    for (const t of HELP_TOPICS) expect(lines).toContain(`    ${t.name.padEnd(11)}  ${t.summary}`);
    expect(r.stdout.endsWith('\nOptions:\n  -h, --help  Show this message and exit.\n')).toBe(true);
    expect((await gage(['help', '-h'], { cwd: home, home })).stdout).toBe(r.stdout);
  });

  test('gage help lists help among the commands', async () => {
    expect((await gage([], { cwd: home, home })).stdout).toMatch(/\n {2}help +Show help for a topic\.\n/);
  });

  test.each(NAMES)('%s: the Markdown source when not on a terminal', async (name) => {
    const r = await gage(['help', name], { cwd: home, home });
    expect(r).toEqual({ code: 0, stdout: topicSource(name), stderr: '' });
    expect(r.stdout).toMatch(/^# \S/);
  });

  test('an unknown topic or an extra argument is a usage error', async () => {
    expect(await gage(['help', 'nope'], { cwd: home, home })).toEqual({
      code: 2,
      stdout: '',
      stderr: `Usage: gage help [options] topic\nTry 'gage help -h' for help.\n\nError: No such topic 'nope'. Topics: ${NAMES.join(', ')}.\n`,
    });
    const extra = await gage(['help', 'exec', 'filters'], { cwd: home, home });
    expect(extra.code).toBe(2);
    expect(extra.stderr.endsWith('Error: Got unexpected extra argument (filters)\n')).toBe(true);
  });

  test('every `gage help <topic>` that gage or a topic mentions exists', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const mentioned = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (/\.(ts|md)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/gage help ([a-z][\w-]*)/g)) mentioned.add(m[1] as string);
        }
      }
    };
    for (const pkg of readdirSync(root)) scan(join(root, pkg, 'src'));
    expect(mentioned.has('exec')).toBe(true); // the hint of an operation without exec (@gage/stage)
    expect([...mentioned].filter((n) => !NAMES.includes(n))).toEqual([]);
  });

  test('on a terminal: rendered to the width, headings and code styled, no Markdown markers', async () => {
    const r = await onFakeTerminal(['help', 'exec'], { FORCE_COLOR: '1' }, 60);
    expect(r.code).toBe(0);
    const plain = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain.startsWith('EXEC: THE COMMANDS AN OPERATION RUNS\n\n')).toBe(true);
    expect(r.stdout.startsWith('\x1b[1m\x1b[93mEXEC')).toBe(true);
    expect(r.stdout).toContain('\x1b[36mrun_id\x1b[39m');
    expect(plain).not.toMatch(/^#/m);
    expect(plain).not.toContain('`');
    expect(plain).toContain('\n  • A string is one shell command;');
    expect(plain).toMatch(/\n╭─+┬─+╮\n│ phase +│ when +│\n/);
    // Code blocks (indented 6 and more) are shown as written; everything else fits.
    for (const line of plain.trimEnd().split('\n').filter((l) => !/^ {6}/.test(l))) expect([...line].length).toBeLessThanOrEqual(60);
    const noColor = await onFakeTerminal(['help', 'filters'], { NO_COLOR: '1' }, 80);
    expect(noColor.stdout).not.toContain('\x1b[');
    expect(noColor.stdout.startsWith('FILTERS\n\n')).toBe(true);
  });

  test('the bundle holds the topics: dist/gage.js prints them from anywhere', async () => {
    const r = await gageBin(['help', 'select-runs'], { cwd: home, home });
    expect(r).toEqual({ code: 0, stdout: topicSource('select-runs'), stderr: '' });
  });

  test('on a real terminal: through $PAGER; piped from there: the Markdown', () => {
    const script = (command: string, env: Record<string, string>) => {
      const r = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd: home,
        encoding: 'utf8',
        env: { ...gageEnv({ home }), SHELL: '/bin/sh', TERM: 'xterm', GAGE_BIN: BIN, ...env },
      });
      if (r.error) throw new Error(`cannot run 'script' (${r.error.message}): apt-get install bsdutils`);
      expect(r.status).toBe(0);
      return r.stdout.replace(/\r\n/g, '\n');
    };
    const paged = script('node "$GAGE_BIN" help gagefile', { PAGER: 'sed "s/^/paged: /"' });
    expect(paged.startsWith('paged: GAGE FILE\npaged: \n')).toBe(true);
    const missing = script('node "$GAGE_BIN" help gagefile', { PAGER: 'no-such-pager-here' });
    expect(missing).toMatch(/no-such-pager-here: (command )?not found\nGAGE FILE\n\n/);
    const piped = script('node "$GAGE_BIN" help gagefile | cat', { PAGER: 'sed "s/^/paged: /"' });
    expect(piped).toBe(topicSource('gagefile'));
  });
});
