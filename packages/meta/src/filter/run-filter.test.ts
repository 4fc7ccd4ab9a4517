import { describe, expect, test } from '@jest/globals';
import { parseRunFilter, type FilterRow } from './run-filter.js';

const NOW = new Date(2026, 11, 7, 15, 30).getTime();
const HOUR = 3_600_000;

const RUNS: FilterRow[] = [
  { id: 'a1', name: 'bolo', operation: 'train', status: 'completed', label: 'best 2 DEV', started: NOW - 3 * HOUR, stopped: NOW - 2 * HOUR,
    config: { lr: 0.1, epochs: 10n, optimizer: 'adam', 'batch-size': 32n, amp: true }, metrics: { loss: 0.25, acc: { value: 0.9, label: 'Accuracy' } } },
  { id: 'b2', name: 'kimu', operation: 'train', status: 'error', label: null, started: NOW - 26 * HOUR, stopped: NOW - 25.9 * HOUR,
    config: { lr: 0.01, epochs: 5n, optimizer: 'sgd', 'batch-size': 64n, amp: false }, metrics: { loss: 1.5 } },
  { id: 'c3', name: 'rato', operation: 'eval', status: 'running', label: 'smoke', started: NOW - 10 * 60_000, config: { split: 'test', loss: 'mse' },
    attributes: { model: 'resnet' } },
];

const match = (expr: string) => {
  const f = parseRunFilter(expr);
  return RUNS.filter((r) => f.matches(r, NOW)).map((r) => r.id);
};

describe('parseRunFilter(): the simple form keeps the substring match', () => {
  test.each([
    ['', ['a1', 'b2', 'c3']],
    ['train', ['a1', 'b2']],
    ['error', ['b2']],
    ['DEV', ['a1']],
    ['2 DEV', ['a1']],
    ['best 2', ['a1']],
    ["'smoke'", ['c3']],
    ['50%', []],
    ['x', []],
    ['amp', []], // a lone word is the simple form, even when it names a config key: use `amp == true`
  ])('%j → %j', (expr, ids) => {
    expect(match(expr)).toEqual(ids);
    expect(parseRunFilter(expr).term).toBeDefined();
  });
});

describe('parseRunFilter(): expressions (decision 21)', () => {
  test.each([
    ['lr=0.1', ['a1']],
    ['lr == 0.1', ['a1']],
    ['lr != 0.1', ['b2', 'c3']],
    ['lr > 0.05', ['a1']],
    ['lr <= 0.1 and epochs >= 10', ['a1']],
    ['epochs == 10.0', ['a1']],
    ['epochs * 2 == 20', ['a1']],
    ['lr * 10 ** 2 >= 10', ['a1']],
    ['-lr < -0.05', ['a1']],
    ['operation == train', ['a1', 'b2']],
    ['operation != train', ['c3']],
    ['status in [completed error]', ['a1', 'b2']],
    ['status in [completed, error]', ['a1', 'b2']],
    ['status not-in [completed error]', ['c3']],
    ["operation =~ '^tr'", ['a1', 'b2']],
    ['operation =~ ai', ['a1', 'b2']],
    ['operation !~ ai', ['c3']],
    ['label =~ DEV', ['a1']],
    ['label == null', ['b2']],
    ['optimizer == adam or split == test', ['a1', 'c3']],
    ['not (status == running)', ['a1', 'b2']],
    ['amp == true', ['a1']],
    ['batch-size > 32', ['b2']],
    ['config:loss == mse', ['c3']],
    ['metric:loss < 1', ['a1']],
    ['loss < 1', ['a1']],
    ['acc > 0.5', ['a1']],
    ['model == resnet', ['c3']],
    ['attr:model == resnet', ['c3']],
    ['attr:status == running', ['c3']],
    ['started >= (today)', ['a1', 'c3']],
    ['started < (now) - 1d', ['b2']],
    ['started > (now) - 1h', ['c3']],
    ["started >= '2026-12-07'", ['a1', 'c3']],
    ['time > 30m', ['a1']],
    ['time < 30m', ['b2', 'c3']],
    ['time > 3600', []],
    ['time >= 3600', ['a1']],
    ['stopped - started >= 1h', ['a1']],
    ['id == a1 or name == kimu', ['a1', 'b2']],
  ])('%j → %j', (expr, ids) => {
    expect(match(expr)).toEqual(ids);
    expect(parseRunFilter(expr).term).toBeUndefined();
  });

  test('a number against a text config value, or a missing value, does not match (no error)', () => {
    expect(match('optimizer > 1')).toEqual([]);
    expect(match('missing_key > 1')).toEqual([]);
    expect(match('split < 3')).toEqual([]);
  });

  test('names lists the columns used', () => {
    expect([...parseRunFilter('lr > 0.1 and status in [completed] or metric:loss < x').names].sort()).toEqual(['lr', 'metric:loss', 'status', 'x']);
  });
});

describe('parseRunFilter(): errors name the problem and its position', () => {
  const error = (expr: string) => {
    try {
      parseRunFilter(expr);
    } catch (err) {
      return `${(err as { code: string }).code}: ${(err as Error).message}`;
    }
    return 'no error';
  };

  test.each([
    ['lr >', 'ERR_GAGE_FILTER: expected a value at the end (at position 5)'],
    ['(lr > 1', "ERR_GAGE_FILTER: '(' at position 1 is not closed (at position 8)"],
    ['lr > 1)', "ERR_GAGE_FILTER: unexpected ')' (at position 7)"],
    ['status in [a b', "ERR_GAGE_FILTER: '[' at position 11 is not closed (at position 15)"],
    ["label == 'open", 'ERR_GAGE_FILTER: a quoted string is not closed (at position 10)'],
    ['lr > > 1', "ERR_GAGE_FILTER: expected a value, got '>' (at position 6)"],
    ['and', "ERR_GAGE_FILTER: expected a value, got 'and' (at position 1)"],
    ['lr == 1 and', 'ERR_GAGE_FILTER: expected a value at the end (at position 12)'],
    ['name > 5', "ERR_GAGE_FILTER: column 'name' holds text; '>' cannot compare it with a number (at position 6)"],
    ['status < 1h', "ERR_GAGE_FILTER: column 'status' holds text; '<' cannot compare it with a number (at position 8)"],
    ['started > 5', "ERR_GAGE_FILTER: column 'started' is a time; compare it with (now), (today), a date like '2026-01-31', or (now) - 1d (at position 9)"],
    ["label =~ '('", "ERR_GAGE_FILTER: invalid pattern '(': /(/: Unterminated group (at position 10)"],
    ['lr > 1x', "ERR_GAGE_FILTER: unexpected 'x' after the number 1 (at position 7)"],
    ['lr > # 1', "ERR_GAGE_FILTER: unexpected '#' (at position 6)"],
  ])('%j', (expr, message) => {
    expect(error(expr)).toBe(message);
  });
});
