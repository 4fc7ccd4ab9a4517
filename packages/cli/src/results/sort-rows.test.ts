import { describe, expect, test } from '@jest/globals';
import type { RunEntry } from '../runs/run-list.js';
import { sortRows } from './sort-rows.js';
import type { ResultRow } from './result-row.js';

const row = (id: string, values: Record<string, unknown>): ResultRow => ({ entry: {} as RunEntry,
  fields: new Map<string, unknown>([['run:id', id], ...Object.entries(values)]) });
const ids = (rows: ResultRow[]) => rows.map((r) => r.fields.get('run:id'));

describe('sortRows', () => {
  const rows = [row('a', { 'metric:x': 10n }), row('b', { 'metric:x': 9.5 }), row('c', {}), row('d', { 'metric:x': 'text' }),
    row('e', { 'metric:x': { value: 2 } }), row('f', { 'metric:x': null })];

  test('numbers (integers and floats) as numbers, then texts; missing values last in both directions', () => {
    expect(ids(sortRows(rows, [{ field: 'metric:x', descending: false }]))).toEqual(['e', 'b', 'a', 'd', 'c', 'f']);
    expect(ids(sortRows(rows, [{ field: 'metric:x', descending: true }]))).toEqual(['d', 'a', 'b', 'e', 'c', 'f']);
  });

  test('stable: equal rows keep their order; the next key breaks ties', () => {
    const r = [row('a', { 'config:e': 5n, 'config:lr': 0.1 }), row('b', { 'config:e': 10n, 'config:lr': 0.01 }),
      row('c', { 'config:e': 5n, 'config:lr': 0.05 })];
    expect(ids(sortRows(r, [{ field: 'config:e', descending: false }]))).toEqual(['a', 'c', 'b']);
    expect(ids(sortRows(r, [{ field: 'config:e', descending: false }, { field: 'config:lr', descending: false }]))).toEqual(['c', 'a', 'b']);
  });
});
