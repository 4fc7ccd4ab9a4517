import { describe, expect, test } from '@jest/globals';
import { parseBoardConfig } from './board-config.js';

const problem = (data: Record<string, unknown>) => {
  try {
    parseBoardConfig(data);
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('expected an error');
};

describe('parseBoardConfig', () => {
  test('columns: strings and field objects, labels and other attributes camel-cased for viewers', () => {
    const board = parseBoardConfig({
      title: 'Runs',
      columns: ['metric:loss', 'run-attr:name', 'attr:type', { config: 'lr', label: 'LR', 'row-group': true }, { 'run-attr': 'op_version' }, {
        field: 'metric:acc',
        sort: 'desc',
      }, { score: { average: ['metric:acc', ['config:lr', 2n]] }, label: 's' }],
      'run-select': { operation: 'train', status: ['completed', 'error'] },
      'group-column': { 'flag-filter-label': 'X' },
    });
    expect(board.meta).toEqual({ title: 'Runs', groupColumn: { flagFilterLabel: 'X' } });
    expect(board.columns).toEqual([
      { field: 'metric:loss' },
      { field: 'run:name' },
      { field: 'attribute:type' },
      { field: 'config:lr', label: 'LR', rowGroup: true },
      { field: 'run:op_version' },
      { field: 'metric:acc', sort: 'desc' },
      { score: { average: ['metric:acc', ['config:lr', 2n]] }, label: 's' },
    ]);
    expect(board.runSelect).toEqual({ operations: ['train'], statuses: ['completed', 'error'] });
    expect(board.groupSelect).toBeUndefined();
  });

  test('group-select: group-by and min or max, each a field object', () => {
    expect(parseBoardConfig({ 'group-select': { 'group-by': { attribute: 'foo' }, max: { 'run-attr': 'started' } } }).groupSelect).toEqual({
      groupBy: 'attribute:foo',
      pick: 'max',
      field: 'run:started',
    });
    expect(parseBoardConfig({ 'group-select': { 'group-by': { config: 'm' }, min: { metric: 'loss' } } }).groupSelect).toEqual({ groupBy: 'config:m',
      pick: 'min', field: 'metric:loss' });
  });

  test.each([
    [{ 'group-select': {} }, 'invalid board config: group-select for board is missing group-by field: expected run-attr, attribute, metric, or config'],
    [{ 'group-select': { 'group-by': { attribute: 'model' } } }, 'invalid board config: group-select for board must specify either min or max fields'],
    [{ 'group-select': { 'group-by': { attribute: 'model' }, min: { metric: 'a' }, max: { metric: 'a' } } },
      'invalid board config: group-select for board must specify either min or max fields'],
    [{ 'group-select': { 'group-by': { attribute: 'model' }, min: { foo: 123n } } },
      'invalid board config: group-select selector (min/max) for board is missing field: expected run-attr, attribute, metric, or config'],
    [{ colums: [] }, "invalid board config: unknown key 'colums': expected id, name, title, description, columns, run-select, group-select, group-column"],
    [{ columns: 'metric:loss' }, "invalid board config: 'columns' must be a list"],
    [{ columns: ['loss'] }, "invalid board config: column 1: 'loss' is not a field: expected run:NAME, attribute:NAME, metric:NAME or config:NAME"],
    [{ columns: ['metric:a', {}] },
      'invalid board config: column 2 must name exactly one field with one of field, run-attr, attribute, metric, config or score'],
    [{ columns: [{ metric: 'a', config: 'b' }] },
      'invalid board config: column 1 must name exactly one field with one of field, run-attr, attribute, metric, config or score (it has metric, config)'],
    [{ columns: [{ metric: 'a', label: 3n }] }, "invalid board config: column 1: 'label' must be a string"],
    [{ columns: [{ metric: 'a', sort: 'up' }] }, "invalid board config: column 1: 'sort' must be asc or desc"],
    [{ columns: ['run:bogus'] },
      "invalid board config: column 1: unknown run attribute 'bogus': expected id, name, operation, op_ns, op_version, started, stopped, time, status, label, exit_code"],
    [{ columns: [{ score: { sum: [] } }] }, "invalid board config: column 1: 'score' must be {average: [field, ...]}"],
    [{ 'run-select': { other: 1n } }, "invalid board config: run-select: unknown field 'other': expected operation or status"],
    [{ 'run-select': { status: 'done' } },
      "invalid board config: run-select: unknown status 'done': expected staged, pending, queued, running, completed, error, terminated, unknown"],
    [{ 'run-select': { operation: 123n } }, 'invalid board config: run-select: operation must be a name or a list of names'],
  ])('%j', (data, message) => {
    expect(problem(data as Record<string, unknown>)).toEqual({ code: 'ERR_GAGE_BOARD_CONFIG', message });
  });
});
