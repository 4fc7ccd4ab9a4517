import { open, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseJson, type JsonValue, type OpDef, type Run } from '@gage/types';
import { normalizeRunSummary, type RunSummary } from './run-summary.js';

/** Bytes of a summary file, or of output searched for a summary, read at most (issue 14). */
export const SUMMARY_MAX_BYTES = 1_048_576;

/** The default `output-summary` pattern (docs/spec/stage.md 2.2): group 1 is the JSON summary. */
const DEFAULT_OUTPUT_PATTERN = /--- summary ---(.*)---/s;

/** What {@link extractRunSummary} found. */
export interface ExtractedSummary {
  /** The summary, when one was found and some of it is valid. */
  summary: RunSummary | undefined;
  /** Where it came from: the summary file's path in the run dir, or `output`. */
  source: string | undefined;
  /** Problems, one line each (a summary that cannot be read is a warning, never a failed run). */
  warnings: string[];
}

/**
 * Reads a run's summary at finalize (decision 19, docs/spec/lifecycle.md 10
 * step 2): the op's summary file (`summary.filename`, default
 * `summary.json`, in the run dir; `.toml` files as TOML, others as JSON,
 * NaN and Infinity allowed) when it exists; else, unless `output-summary` is
 * `false` or `""`, the run's output: the whole output as JSON (when it is at
 * most 1 MiB), then the pattern `--- summary ---(.*)---`; a string
 * `output-summary` is a regular expression (`.` matches line breaks; Python's
 * `(?P<name>` is accepted) whose group 1 is the JSON. Files over 1 MiB are
 * not read; of a longer output only its last 1 MiB is searched. Never throws
 * for the summary's content.
 *
 * @example
 * ```ts
 * const { summary, warnings } = await extractRunSummary(run, opdef);
 * // summary: { attributes: { type: 'example' }, metrics: { speed: 0.1 } }
 * ```
 */
export async function extractRunSummary(run: Run, opdef: OpDef | undefined): Promise<ExtractedSummary> {
  const summaryField = opdef?.data['summary'];
  const filename = summaryField !== null && typeof summaryField === 'object' && !Array.isArray(summaryField) && typeof summaryField['filename'] === 'string'
    ? summaryField['filename']
    : 'summary.json';
  const path = resolve(run.runDir, filename);
  const rel = relative(run.runDir, path);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..') {
    return { summary: undefined, source: undefined, warnings: [`summary file "${filename}" is outside the run directory; not read`] };
  }
  const st = await stat(path).catch(() => undefined);
  if (st !== undefined) return fromFile(path, rel.split(sep).join('/'), st.isFile() ? st.size : -1);
  return fromOutput(run, opdef?.data['output-summary']);
}

async function fromFile(path: string, name: string, size: number): Promise<ExtractedSummary> {
  const fail = (why: string): ExtractedSummary => ({ summary: undefined, source: name, warnings: [`summary file "${name}": ${why}`] });
  if (size < 0) return fail('not a regular file');
  if (size > SUMMARY_MAX_BYTES) return fail(`${size} bytes, over the ${SUMMARY_MAX_BYTES}-byte limit; not read`);
  let data: JsonValue;
  try {
    const text = (await readHead(path, size)).toString('utf8');
    data = extname(name).toLowerCase() === '.toml' ? await parseToml(text) : parseJson(text, { bigint: true });
  } catch (err) {
    return fail((err as Error).message);
  }
  const { summary, warnings } = normalizeRunSummary(data);
  return { summary, source: name, warnings: warnings.map((w) => `summary file "${name}": ${w}`) };
}

async function fromOutput(run: Run, setting: JsonValue | undefined): Promise<ExtractedSummary> {
  const none: ExtractedSummary = { summary: undefined, source: undefined, warnings: [] };
  if (setting === false || setting === '') return none;
  let pattern = DEFAULT_OUTPUT_PATTERN;
  if (typeof setting === 'string') {
    try {
      pattern = new RegExp(setting.replaceAll('(?P<', '(?<'), 's');
    } catch (err) {
      return { ...none, warnings: [`output-summary pattern ${JSON.stringify(setting)}: ${(err as Error).message}`] };
    }
  }
  const outputPath = join(run.metaDir, 'output', '40_run');
  const size = await stat(outputPath).then((s) => (s.isFile() ? s.size : -1), () => -1);
  if (size < 0) return none;
  const start = Math.max(0, size - SUMMARY_MAX_BYTES);
  const text = (await readHead(outputPath, size - start, start)).toString('utf8');
  const warnings: string[] = [];
  if (typeof setting !== 'string' && start === 0) {
    const whole = tryJson(text);
    if (whole !== undefined && isSummaryData(whole)) return decoded(whole, warnings);
  }
  const m = pattern.exec(text);
  if (!m) return { ...none, warnings };
  if (m[1] === undefined) return { ...none, warnings: [`output-summary pattern ${JSON.stringify(setting)} must capture a group`] };
  const data = tryJson(m[1]);
  if (data === undefined) return { ...none, source: 'output', warnings: ['the summary in the output is not valid JSON'] };
  if (!isSummaryData(data)) return { ...none, source: 'output', warnings: ['the summary in the output has no "attributes" or "metrics"'] };
  return decoded(data, warnings);
}

function decoded(data: JsonValue, warnings: string[]): ExtractedSummary {
  const result = normalizeRunSummary(data);
  return { summary: result.summary, source: 'output', warnings: [...warnings, ...result.warnings.map((w) => `output summary: ${w}`)] };
}

function tryJson(text: string): JsonValue | undefined {
  try {
    return parseJson(text.trim(), { bigint: true });
  } catch {
    return undefined;
  }
}

function isSummaryData(v: JsonValue): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && ('metrics' in v || 'attributes' in v);
}

/** `length` bytes of a file from `position`, the file opened once. */
async function readHead(path: string, length: number, position = 0): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await file.read(buffer, done, length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buffer.subarray(0, done);
  } finally {
    await file.close();
  }
}

async function parseToml(text: string): Promise<JsonValue> {
  const { parse } = await import('smol-toml');
  return parse(text, { integersAsBigInt: true, unsafeKeyBehaviour: 'keep' }) as unknown as JsonValue;
}
