import { closeSync, openSync, writeSync } from 'node:fs';
import { scanScalarLine, jsonNumber, type ScalarLine } from './_scalar-line.js';

/** Which lines give scalars: the default pattern (decision 20), or regular expressions with named groups. */
export type ScalarPatterns = 'default' | readonly RegExp[];

/** The last value of one scalar key. */
export interface LastScalar {
  /** The value as a JSON number (`NaN`, `Infinity` included). */
  value: string;
  step: number;
}

/**
 * Turns output lines into scalar time series as the output is captured
 * (decision 20): each value of a line goes to the meta file `scalars` as one
 * JSON object a line, `{"k":<key>,"s":<step>,"v":<value>,"t":<ms>}`,
 * appended once per chunk. The step is the line's `step`, else the last step
 * seen, else a counter per key (0, 1, ...). The file is made on the first
 * value (a run that prints none has none).
 *
 * @example
 * ```ts
 * const capture = new ScalarCapture(runMetaPath(run, 'scalars'), 'default');
 * capture.lines(['step 1 loss 0.5'], Date.now());
 * capture.close();
 * ```
 */
export class ScalarCapture {
  readonly #path: string;
  readonly #patterns: ScalarPatterns;
  #fd: number | undefined;
  #step: number | undefined;
  readonly #counts = new Map<string, number>();
  /** The last value of each key, in the order keys first appeared. */
  readonly last = new Map<string, LastScalar>();

  constructor(path: string, patterns: ScalarPatterns) {
    this.#path = path;
    this.#patterns = patterns;
  }

  /**
   * Scans complete output lines received at `time` (ms): the lines of one
   * chunk, in one or more pieces, LFs included.
   */
  chunk(pieces: readonly Uint8Array[], time: number): void {
    const text = pieces.length === 1 ? Buffer.from(pieces[0] as Uint8Array).toString('utf8') : Buffer.concat(pieces).toString('utf8');
    this.lines(text.split('\n'), time);
  }

  /** Scans lines (without LF) received at `time` (ms). */
  lines(lines: readonly string[], time: number): void {
    let out = '';
    for (const line of lines) {
      if (line.length === 0) continue;
      const found = this.#patterns === 'default' ? scanScalarLine(line) : matchPatterns(line, this.#patterns);
      if (found === undefined) continue;
      if (found.step !== undefined) this.#step = found.step;
      for (const { key, value } of found.values) {
        const count = this.#counts.get(key) ?? 0;
        this.#counts.set(key, count + 1);
        const step = found.step ?? this.#step ?? count;
        this.last.set(key, { value, step });
        out += `{"k":${JSON.stringify(key)},"s":${step},"v":${value},"t":${time}}\n`;
      }
    }
    if (out === '') return;
    this.#fd ??= openSync(this.#path, 'a');
    const bytes = Buffer.from(out);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.#fd, bytes, offset);
  }

  /** Closes the file (if one was made). */
  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}

/** Values of the named groups of the first matching pattern of each pattern (group `step` is the step). */
function matchPatterns(line: string, patterns: readonly RegExp[]): ScalarLine | undefined {
  let result: ScalarLine | undefined;
  for (const re of patterns) {
    const groups = re.exec(line.replace(/\r$/, ''))?.groups;
    if (!groups) continue;
    result ??= { values: [], step: undefined };
    for (const [key, text] of Object.entries(groups)) {
      if (text === undefined) continue;
      const t = text.trim();
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:nan|inf|infinity)$/i.test(t)) continue;
      if (key === 'step') {
        if (/^\+?\d+$/.test(t)) result.step = Number(t);
      } else {
        result.values.push({ key, value: jsonNumber(t) });
      }
    }
  }
  return result;
}

/**
 * The scalar patterns of an op's `output-scalars` (decision 20): absent or
 * `true` the default pattern, `false` none (`undefined`), a string or a list
 * of strings regular expressions (Python's `(?P<name>` accepted) whose named
 * groups are keys. A pattern that does not compile is left out and named in
 * `problems`.
 *
 * @example
 * ```ts
 * scalarPatterns(undefined);                      // { patterns: 'default', problems: [] }
 * scalarPatterns('loss=(?P<loss>\\S+)').patterns; // [/loss=(?<loss>\S+)/]
 * ```
 */
export function scalarPatterns(setting: unknown): { patterns: ScalarPatterns | undefined; problems: string[] } {
  if (setting === undefined || setting === null || setting === true) return { patterns: 'default', problems: [] };
  if (setting === false) return { patterns: undefined, problems: [] };
  const sources = typeof setting === 'string' ? [setting] : Array.isArray(setting) ? setting.filter((s): s is string => typeof s === 'string') : [];
  const patterns: RegExp[] = [];
  const problems: string[] = [];
  for (const source of sources) {
    try {
      const re = new RegExp(source.replaceAll('(?P<', '(?<'));
      if (!/\(\?<[A-Za-z_]/.test(re.source)) problems.push(`output-scalars pattern ${JSON.stringify(source)} has no named group`);
      else patterns.push(re);
    } catch (err) {
      problems.push(`output-scalars pattern ${JSON.stringify(source)}: ${(err as Error).message}`);
    }
  }
  return { patterns: patterns.length > 0 ? patterns : undefined, problems };
}
