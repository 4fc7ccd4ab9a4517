import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execRun } from './exec-run.js';
import { extractRunSummary } from './extract-run-summary.js';
import { finalizeRun } from './finalize-run.js';
import { readMetaFileSync } from '@gage/meta';
import { OpDef, parseJson, type JsonObject, type Run } from '@gage/types';
import { makeStagedRun, runnerLog } from '../test/helpers.js';
import { cleanupTestdirs } from '@gage/test-utils';

afterEach(cleanupTestdirs);

/** A staged run whose op prints `output` and writes `files` into its run dir. */
async function runWith(data: JsonObject, output: string, files: Record<string, string> = {}): Promise<Run> {
  const script = `process.stdout.write(${JSON.stringify(output)});`;
  const run = await makeStagedRun({}, ['node', '-e', script], { exec: ['node', '-e', script] });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(run.runDir, path, '..'), { recursive: true });
    await writeFile(join(run.runDir, path), text);
  }
  await execRun(run);
  return Object.assign(run, { testOpdef: OpDef('op', data) });
}

const extract = (run: Run & { testOpdef?: ReturnType<typeof OpDef> }) => extractRunSummary(run, run.testOpdef);

describe('extractRunSummary(): summary files (decision 19)', () => {
  test('summary.json in the run dir, integers as bigint', async () => {
    const run = await runWith({}, 'hi\n', { 'summary.json': '{"attributes": {"type": "example"}, "metrics": {"speed": 0.1, "steps": 10}}' });
    expect(await extract(run)).toEqual({
      summary: { attributes: { type: 'example' }, metrics: { speed: 0.1, steps: 10n } },
      source: 'summary.json',
      warnings: [],
    });
  });

  test('summary.filename names another file; .toml files are TOML', async () => {
    const json = await runWith({ summary: { filename: 'out/results.json' } }, '', { 'out/results.json': '{"metrics": {"speed": 0.2}}' });
    expect((await extract(json)).summary).toEqual({ attributes: {}, metrics: { speed: 0.2 } });
    const toml = await runWith({ summary: { filename: 'zefile.toml' } }, '', { 'zefile.toml': '[attributes]\ntype = "alt-toml"\n\n[metrics]\nspeed = 0.3\n' });
    expect(await extract(toml)).toEqual({ summary: { attributes: { type: 'alt-toml' }, metrics: { speed: 0.3 } }, source: 'zefile.toml', warnings: [] });
  });

  test('values with metadata keep value and label; NaN and Infinity stay floats; run.label is kept', async () => {
    const run = await runWith({}, '', {
      'summary.json':
        '{"metrics": {"foo": {"value": 1.123, "label": "Foo", "color": "green"}, "bad": NaN, "big": Infinity}, "attributes": {"a": {"value": "x"}}, "run": {"label": "best"}}',
    });
    const { summary, warnings } = await extract(run);
    expect(warnings).toEqual([]);
    expect(summary?.metrics).toEqual({ foo: { value: 1.123, label: 'Foo' }, bad: NaN, big: Infinity });
    expect(summary?.attributes).toEqual({ a: { value: 'x' } });
    expect(summary?.run).toEqual({ label: 'best' });
  });

  test('malformed: not JSON, wrong types, unknown fields, too big, outside the run dir: warnings, nothing thrown', async () => {
    expect(await extract(await runWith({}, '', { 'summary.json': '{"metrics": ' }))).toEqual({
      summary: undefined,
      source: 'summary.json',
      warnings: ['summary file "summary.json": Expecting value: line 1 column 13 (char 12)'],
    });
    const typed = await extract(await runWith({}, '', { 'summary.json': '{"metrics": {"loss": "low", "acc": 0.9}, "attributes": {"x": [1]}, "extra": 1}' }));
    expect(typed.summary).toEqual({ attributes: {}, metrics: { acc: 0.9 } });
    expect(typed.warnings).toEqual([
      `summary file "summary.json": metric 'loss': expected a number (or {"value": <number>}), got a string`,
      `summary file "summary.json": attribute 'x': expected a string, number, boolean or null (or {"value": ...}), got a list`,
      `summary file "summary.json": unknown summary field 'extra' (only "attributes", "metrics" and "run" are read)`,
    ]);
    const big = await extract(await runWith({}, '', { 'summary.json': `{"metrics": {"x": 1}, "attributes": {"pad": "${'x'.repeat(1_100_000)}"}}` }));
    expect(big.summary).toBeUndefined();
    expect(big.warnings).toEqual([expect.stringMatching(/^summary file "summary\.json": \d+ bytes, over the 1048576-byte limit; not read$/)]);
    const outside = await extract(await runWith({ summary: { filename: '../x.json' } }, ''));
    expect(outside.warnings).toEqual(['summary file "../x.json" is outside the run directory; not read']);
  });
});

describe('extractRunSummary(): output-summary', () => {
  test('absent or true: the whole output as JSON, else the default --- summary --- pattern', async () => {
    const whole = await extract(await runWith({}, '{"metrics": {"i": 1, "f": 2.3}, "attributes": {"s": "abc"}}\n'));
    expect(whole).toEqual({ summary: { attributes: { s: 'abc' }, metrics: { i: 1n, f: 2.3 } }, source: 'output', warnings: [] });
    const pattern = await extract(await runWith({ 'output-summary': true }, 'Running\n--- summary ---\n{"metrics": {"i": 2}}\n---\n'));
    expect(pattern.summary).toEqual({ attributes: {}, metrics: { i: 2n } });
  });

  test('a string is a pattern whose group 1 is the JSON; Python named groups are accepted', async () => {
    const run = await runWith({ 'output-summary': 'Summary:\\n(?P<s>.*?)\\n\\n' }, 'x\nSummary:\n{"metrics": {"i": 3}}\n\nmore\n');
    expect((await extract(run)).summary).toEqual({ attributes: {}, metrics: { i: 3n } });
  });

  test('false finds nothing; bad patterns and non-JSON summaries are warnings', async () => {
    expect(await extract(await runWith({ 'output-summary': false }, '{"metrics": {"i": 1}}'))).toEqual({ summary: undefined, source: undefined, warnings: [] });
    expect((await extract(await runWith({ 'output-summary': '(' }, 'x'))).warnings).toEqual([
      expect.stringMatching(/^output-summary pattern "\(": Invalid regular expression/),
    ]);
    expect((await extract(await runWith({ 'output-summary': '--- summary ---' }, '--- summary ---\n'))).warnings).toEqual([
      'output-summary pattern "--- summary ---" must capture a group',
    ]);
    expect((await extract(await runWith({}, '--- summary ---\nnot json\n---\n'))).warnings).toEqual(['the summary in the output is not valid JSON']);
  });

  test('no summary anywhere: nothing, no warning', async () => {
    expect(await extract(await runWith({}, 'just output\n'))).toEqual({ summary: undefined, source: undefined, warnings: [] });
  });
});

describe('finalizeRun() writes the meta summary', () => {
  test('summary.json in the meta dir, read-only; warnings in the runner log and to onWarning; the run completes', async () => {
    const script = 'require("fs").writeFileSync("summary.json", JSON.stringify({metrics: {loss: 0.5, bad: "x"}}))';
    const run = await makeStagedRun({}, ['node', '-e', script]);
    const status = await execRun(run);
    const warnings: string[] = [];
    await finalizeRun(run, status, { onWarning: (w) => warnings.push(w) });
    expect(parseJson(readMetaFileSync(run, 'summary.json') as string, { bigint: true })).toEqual({ attributes: {}, metrics: { loss: 0.5 } });
    expect(warnings).toEqual([`summary file "summary.json": metric 'bad': expected a number (or {"value": <number>}), got a string`]);
    const log = await runnerLog(run);
    expect(log).toEqual(expect.arrayContaining([
      `Summary: summary file "summary.json": metric 'bad': expected a number (or {"value": <number>}), got a string`,
      'Using the run summary in "summary.json"',
      'Writing meta summary',
    ]));
    expect(readMetaFileSync(run, 'proc/exit')).toBe('0');
  });

  test('no summary: no summary.json', async () => {
    const run = await makeStagedRun({}, ['node', '-e', '0']);
    await finalizeRun(run, await execRun(run));
    expect(readMetaFileSync(run, 'summary.json')).toBeUndefined();
  });
});
