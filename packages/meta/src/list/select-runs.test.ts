import { describe, expect, test } from '@jest/globals';
import type { Run } from '@gage/types';
import { runFor } from '../../test/runs-fixtures.js';
import { selectOneRun } from './select-one-run.js';
import { selectRuns } from './select-runs.js';

// Six runs, index 1 (newest) first. Ids are hex, so names are 'babab-…'.
const IDS = ['a1', 'b2', 'c3', 'd4', 'e5', '9e'];
const RUNS = IDS.map(runFor);
const ids = (runs: Run[]) => runs.map((r) => r.id);

describe('selectRuns()', () => {
  test.each([
    ['1', ['a1']],
    ['6', ['9e']],
    ['01', ['a1']],
    [':', IDS],
    [':1', ['a1']],
    ['2:4', ['b2', 'c3', 'd4']],
    ['-2:', ['e5', '9e']],
    [':-4', ['a1', 'b2']],
    ['-3:-1', ['d4', 'e5']],
    ['0:2', ['a1', 'b2']],
    ['5:', ['e5', '9e']],
    ['4:100', ['d4', 'e5', '9e']],
    ['-100:2', ['a1', 'b2']],
    ['c', ['c3']],
    ['c3', ['c3']],
    [RUNS[3]!.name, ['d4']],
    ['babab-b', IDS],
    ['9', ['9e']], // out-of-range index falls back to the id prefix
    ['7', []],
    ['0', []],
    ['-1', []],
    ['3:2', []],
    ['1:2:3', []],
    ['1:2x', []],
    [' 1', []],
  ])('%j selects %j', (spec, expected) => {
    expect(ids(selectRuns(RUNS, [spec]))).toEqual(expected);
  });

  test('the union of several specs keeps list order without duplicates', () => {
    expect(ids(selectRuns(RUNS, ['3', '1', 'c', '-2:', '9']))).toEqual(['a1', 'c3', 'e5', '9e']);
  });

  test('no specs or no runs select nothing', () => {
    expect(selectRuns(RUNS, [])).toEqual([]);
    expect(selectRuns([], ['1', ':', 'a'])).toEqual([]);
  });

  test('returns the run objects of the list', () => {
    expect(selectRuns(RUNS, ['2'])[0]).toBe(RUNS[1]);
  });
});

describe('selectOneRun()', () => {
  test('takes the newest run without a spec, else the one run the spec selects', () => {
    expect(selectOneRun(RUNS).id).toBe('a1');
    expect(selectOneRun(RUNS, '4').id).toBe('d4');
    expect(selectOneRun(RUNS, 'e').id).toBe('e5');
    expect(selectOneRun(RUNS, '-1:').id).toBe('9e');
  });

  test("no match: No runs match '<spec>' with the list hint", () => {
    expect(() => selectOneRun(RUNS, 'zzz')).toThrow(
      expect.objectContaining({
        code: 'ERR_GAGE_NO_RUNS_MATCH',
        message: "No runs match 'zzz'",
        hint: "Use 'gage list' to show available runs.",
      }),
    );
    expect(() => selectOneRun([], '1')).toThrow(expect.objectContaining({ message: "No runs match '1'" }));
  });

  test('no spec and no runs: No runs found with the list hint', () => {
    expect(() => selectOneRun([])).toThrow(
      expect.objectContaining({
        code: 'ERR_GAGE_NO_RUNS',
        message: 'No runs found',
        hint: "Use 'gage list' to show available runs.",
      }),
    );
  });

  test("several matches: '<spec>' matches <n> runs", () => {
    expect(() => selectOneRun(RUNS, 'babab')).toThrow(
      expect.objectContaining({
        code: 'ERR_GAGE_RUN_AMBIGUOUS',
        message: "'babab' matches 6 runs",
        hint: 'Use an index or a longer ID or name.',
      }),
    );
    expect(() => selectOneRun(RUNS, '2:3')).toThrow(expect.objectContaining({ message: "'2:3' matches 2 runs" }));
  });
});
