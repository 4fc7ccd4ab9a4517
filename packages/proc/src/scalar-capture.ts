import { closeSync, openSync, writeSync } from 'node:fs';
import { RecordWriter } from './_record-writer.js';
import { ScalarByteScanner } from './_scalar-bytes.js';
import { jsonNumber, scalarValue } from './_scalar-json-number.js';

/** Which lines give scalars: the default pattern (decision 20), or regular expressions with named groups. */
export type ScalarPatterns = 'default' | readonly RegExp[];

/**
 * Turns output lines into scalar time series as the output is captured
 * (decision 20): each value of a line goes to the meta file `scalars` as one
 * JSON object a line, `{"k":<key>,"s":<step>,"v":<value>,"t":<ms>}`,
 * appended once per chunk. The step is the line's `step`, else the last step
 * seen, else a counter per key (0, 1, ...). The file is made on the first
 * value (a run that prints none has none). The default pattern is scanned on
 * the bytes (see `ScalarByteScanner`); patterns run on each line's text.
 *
 * @example
 * ```ts
 * const capture = new ScalarCapture(runMetaPath(run, 'scalars'), 'default');
 * capture.chunk([Buffer.from('step 1 loss 0.5\n')], Date.now());
 * capture.close();
 * ```
 */
export class ScalarCapture {
  readonly #path: string;
  readonly #patterns: ScalarPatterns;
  readonly #scanner = new ScalarByteScanner();
  readonly #out = new RecordWriter();
  #fd: number | undefined;
  /** For patterns: the last step seen and the value count per key. */
  #step: number | undefined;
  readonly #counts = new Map<string, number>();
  /** For patterns: the values of the current chunk, `[key, value text]`. */
  readonly #chunkValues: [string, string][] = [];
  /** The last value of each key stored so far, keys in order of first appearance. */
  readonly #last = new Map<string, number>();

  constructor(path: string, patterns: ScalarPatterns) {
    this.#path = path;
    this.#patterns = patterns;
  }

  /**
   * Scans complete output lines received at `time` (ms): the lines of one
   * chunk, in one or more pieces, LFs included.
   */
  chunk(pieces: readonly Uint8Array[], time: number): void {
    const bytes = pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces);
    const out = this.#out;
    out.reset();
    this.#chunkValues.length = 0;
    if (this.#patterns === 'default') this.#scanner.scanLines(bytes, time, out);
    else this.#matchLines(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'), this.#patterns, time);
    if (out.length === 0) return;
    this.#fd ??= openSync(this.#path, 'a');
    const view = out.view();
    let offset = 0;
    while (offset < view.length) offset += writeSync(this.#fd, view, offset);
    // Only values stored count: a failed write above leaves them out.
    if (this.#patterns === 'default') this.#scanner.collectLast(out, this.#last);
    else for (const [key, value] of this.#chunkValues) this.#last.set(key, scalarValue(value));
  }

  /**
   * The last value of each key written to `scalars` so far, keys in order of
   * first appearance: what `summarizeScalars(iterRunScalars(run))` gives as
   * `last` for a file this capture wrote, without reading it back.
   *
   * @example
   * ```ts
   * capture.lastValues.get('loss'); // 0.25
   * ```
   */
  get lastValues(): ReadonlyMap<string, number> {
    return this.#last;
  }

  /** Closes the file (if one was made). */
  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }

  /** Values of the named groups of each pattern that matches a line (group `step` is the step). */
  #matchLines(text: string, patterns: readonly RegExp[], time: number): void {
    for (const raw of text.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') continue;
      let lineStep: number | undefined;
      const values: [string, string][] = [];
      for (const re of patterns) {
        const groups = re.exec(line)?.groups;
        if (!groups) continue;
        for (const [key, value] of Object.entries(groups)) {
          const t = value?.trim();
          if (t === undefined || !NUMBER.test(t)) continue;
          if (key === 'step') {
            if (/^\+?\d+$/.test(t)) lineStep = Number(t);
          } else {
            values.push([key, jsonNumber(t)]);
          }
        }
      }
      if (lineStep !== undefined) this.#step = lineStep;
      for (const [key, value] of values) {
        const count = this.#counts.get(key) ?? 0;
        this.#counts.set(key, count + 1);
        const step = lineStep ?? this.#step ?? count;
        this.#chunkValues.push([key, value]);
        this.#out.ascii(`{"k":${JSON.stringify(key)},"s":${step},"v":${value},"t":${time}}\n`);
      }
    }
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:nan|inf|infinity)$/i;

/**
 * The scalar patterns of an op's `output-scalars` (decision 20): absent or
 * `true` the default pattern, `false` none (`undefined`), a string or a list
 * of strings regular expressions (Python's `(?P<name>` accepted) whose named
 * groups are keys. A pattern that does not compile, or has no named group, is
 * left out and named in `problems`.
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
