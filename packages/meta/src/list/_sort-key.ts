import { compareCodePoints, type Run } from '@gage/types';
import { ListRunsError } from '../errors.js';
import type { MetaReader } from '../run/_load-run.js';
import { warnMeta } from '../meta-logger.js';
import { parseMetaInteger } from '../meta-file/_parse-meta-integer.js';

/** A value runs are sorted by; `undefined` when the run lacks it. */
export type SortValue = string | number | undefined;

type KeyReader = (run: Run, read: MetaReader) => SortValue;

const timestamp = (name: string): KeyReader => (run, read) => readInteger(run, read, name, () => `Invalid timestamp '${name}' in "${run.metaDir}"`);

/** The attributes runs can be sorted by: those of `runAttrSync` (docs/spec/lifecycle.md 12), plus `initialized`. */
const READERS: Record<string, KeyReader> = {
  id: (run) => run.id,
  name: (run) => run.name,
  dir: (run) => run.runDir,
  initialized: timestamp('initialized'),
  staged: timestamp('staged'),
  started: timestamp('started'),
  stopped: timestamp('stopped'),
  timestamp: (run, read) => READERS['started']!(run, read) ?? READERS['staged']!(run, read) ?? READERS['initialized']!(run, read),
  exit_code: (run, read) => readInteger(run, read, 'proc/exit', (text) => `Invalid exit status in "${run.metaDir}": ${text}`),
};

/** A parsed `sort` entry: attribute name, `-` prefix for descending. */
export interface SortSpec {
  read: KeyReader;
  descending: boolean;
}

/** Parses `['-timestamp', 'id']` and the like, rejecting unknown names up front. */
export function parseSort(sort: readonly string[]): SortSpec[] {
  return sort.map((spec) => {
    const descending = spec.startsWith('-');
    const name = descending ? spec.slice(1) : spec;
    const read = Object.hasOwn(READERS, name) ? READERS[name] : undefined;
    if (!read) {
      throw new ListRunsError(`Cannot sort runs by '${name}': unknown attribute`, {
        hint: `Sort by ${Object.keys(READERS).join(', ')} (prefix '-' for descending).`,
      });
    }
    return { read, descending };
  });
}

/**
 * Orders two key tuples: each key in turn, a missing value first when
 * ascending and last when descending.
 */
export function compareKeys(specs: readonly SortSpec[], a: readonly SortValue[], b: readonly SortValue[]): number {
  for (let i = 0; i < specs.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return (specs[i] as SortSpec).descending ? -c : c;
  }
  return 0;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function readInteger(run: Run, read: MetaReader, file: string, invalid: (text: string) => string): number | undefined {
  const text = read(run.metaDir, file);
  if (typeof text !== 'string') return undefined;
  const value = parseMetaInteger(text);
  if (value === undefined) warnMeta(invalid(text.trimEnd()));
  return value;
}
