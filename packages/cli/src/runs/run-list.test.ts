import { describe, expect, test } from '@jest/globals';
import type { Run } from '@gage/types';
import { selectOne } from './run-list.js';

const entry = (id: string, name: string) => ({ run: { id, name } as Run, index: 0 });
const ENTRIES = [entry('aaa1', 'kafom-fikud'), entry('aab2', 'babab-bopop'), entry('c3', 'zizuz-rolod')];

function thrown(f: () => unknown): { code?: string; message: string; hint?: string } {
  try {
    f();
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('nothing thrown');
}

describe('selectOne()', () => {
  test('selects one entry with selectOneRun of @gage/meta, spec 1 when none is given', () => {
    expect(selectOne(ENTRIES, undefined)).toBe(ENTRIES[0]);
    expect(selectOne(ENTRIES, 'c')).toBe(ENTRIES[2]);
    expect(selectOne(ENTRIES, '-1:')).toBe(ENTRIES[2]);
  });

  test("throws meta's RunSelectError codes and the texts of docs/spec/cli.md 3.2", () => {
    expect(thrown(() => selectOne(ENTRIES, 'zzz'))).toMatchObject({
      code: 'ERR_GAGE_NO_RUNS_MATCH',
      message: "No runs match 'zzz'",
      hint: "Use 'gage list' to show available runs.",
    });
    expect(thrown(() => selectOne([], undefined))).toMatchObject({
      code: 'ERR_GAGE_NO_RUNS',
      message: 'No runs found',
      hint: "Use 'gage list' to show available runs.",
    });
    expect(thrown(() => selectOne(ENTRIES, 'aa'))).toMatchObject({
      code: 'ERR_GAGE_RUN_AMBIGUOUS',
      message: "'aa' matches 2 runs",
      hint: 'Use an index or a longer ID or name.',
    });
  });
});
