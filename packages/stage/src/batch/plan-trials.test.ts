import { describe, expect, test } from '@jest/globals';
import { parseRunFlag } from '../config/parse-run-flag.js';
import { planTrials } from './plan-trials.js';
import type { BatchFile } from './read-batch-file.js';

const flags = (...args: string[]) => args.map(parseRunFlag);
const texts = (trials: { name: string; text: string }[][]) => trials.map((t) => t.map((f) => `${f.name}=${f.text}`).join(' '));
const batch = (file: string, rows: Record<string, string>[]): BatchFile => ({
  file,
  rows: rows.map((r) => Object.entries(r).map(([name, text]) => parseRunFlag(`${name}=${text}`))),
});

describe('planTrials()', () => {
  test('no batch and no sweep: one trial with the flags as given', () => {
    expect(planTrials(flags('x=1', 'x=2'))).toEqual({ search: 'single', trials: [flags('x=1', 'x=2')], total: 1, seed: undefined, sweeps: [] });
  });

  test('a grid is the product over the flags, the first varying slowest; plain flags ride along', () => {
    const plan = planTrials(flags('lr=[0.1,0.01]', 'name=a', 'bs=range[16:32:16]'));
    expect(plan.search).toBe('grid');
    expect(plan.sweeps).toEqual(['lr', 'bs']);
    expect(texts(plan.trials)).toEqual(['lr=0.1 name=a bs=16', 'lr=0.1 name=a bs=32', 'lr=0.01 name=a bs=16', 'lr=0.01 name=a bs=32']);
  });

  test('several batch files multiply (first slowest), then the sweeps; flags come after the rows so they override', () => {
    const x = batch('x.csv', [{ x: '1' }, { x: '2' }]);
    const y = batch('y.csv', [{ y: '4' }, { y: '5' }]);
    expect(texts(planTrials(flags('z=[7,8]', 'y=22'), { batches: [x, y] }).trials)).toEqual([
      'x=1 y=4 z=7 y=22',
      'x=1 y=4 z=8 y=22',
      'x=1 y=5 z=7 y=22',
      'x=1 y=5 z=8 y=22',
      'x=2 y=4 z=7 y=22',
      'x=2 y=4 z=8 y=22',
      'x=2 y=5 z=7 y=22',
      'x=2 y=5 z=8 y=22',
    ]);
  });

  test('only the last flag of a name counts: a later plain value replaces a sweep', () => {
    expect(texts(planTrials(flags('x=[1,2]', 'x=3'), { batches: [batch('b.csv', [{}])] }).trials)).toEqual(['x=3']);
  });

  test('--max-runs keeps the first N; 0 leaves none; a negative N keeps all', () => {
    const f = flags('x=range[1:5]');
    expect(texts(planTrials(f, { maxRuns: 2 }).trials)).toEqual(['x=1', 'x=2']);
    expect(planTrials(f, { maxRuns: 2 }).total).toBe(5);
    expect(planTrials(f, { maxRuns: 0 }).trials).toEqual([]);
    expect(planTrials(f, { maxRuns: -1 }).trials).toHaveLength(5);
  });

  test('more than 10,000 trials without --max-runs is refused with the count, before any trial is made', () => {
    let err: unknown;
    try {
      planTrials(flags('x=range[1:1000]', 'y=range[1:1000]', 'z=range[1:1000000]'));
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'ERR_GAGE_TOO_MANY_TRIALS',
      count: 1e12,
      message: 'Batch of 1,000,000,000,000 trials is larger than 10,000',
      hint: 'Use --max-runs N to run the first N of them (--max-runs -1 for all).',
    });
    expect(planTrials(flags('x=range[1:10000]')).trials).toHaveLength(10000);
    expect(texts(planTrials(flags('x=range[1:20000]'), { maxRuns: 1 }).trials)).toEqual(['x=1']);
  });

  test('an empty batch file gives no trials', () => {
    expect(planTrials(flags('x=[1,2]'), { batches: [batch('b.csv', [])] }).trials).toEqual([]);
  });
});

describe('planTrials() random search', () => {
  const f = flags('lr=loguniform[1e-4:1e-1]', 'bs=[16,32]', 'act=choice[relu,tanh]', 'seed=randint[0:9]');

  test('draws 20 trials by default; the same seed gives the same trials; the seed is returned', () => {
    const a = planTrials(f, { randomSeed: 42 });
    expect(a).toMatchObject({ search: 'random', seed: 42, total: 20, sweeps: ['lr', 'bs', 'act', 'seed'] });
    expect(a.trials).toHaveLength(20);
    expect(planTrials(f, { randomSeed: 42 }).trials).toEqual(a.trials);
    expect(planTrials(f, { randomSeed: 43 }).trials).not.toEqual(a.trials);
    expect(new Set(a.trials.map((t) => t[1]?.text))).toEqual(new Set(['16', '32']));
  });

  test('a seed is made when none is given; --max-runs sets the count', () => {
    const plan = planTrials(f, { maxRuns: 3 });
    expect(Number.isSafeInteger(plan.seed)).toBe(true);
    expect(plan.trials).toHaveLength(3);
    expect(planTrials(f, { maxRuns: 3, randomSeed: plan.seed }).trials).toEqual(plan.trials);
  });

  test('the same seed gives the same values, as text too (recorded and shown alike)', () => {
    const plan = planTrials(flags('x=uniform[0:1]'), { randomSeed: 7, maxRuns: 2 });
    expect(texts(plan.trials)).toEqual(texts(planTrials(flags('x=uniform[0:1]'), { randomSeed: 7, maxRuns: 2 }).trials));
    for (const t of plan.trials) expect(String(t[0]?.value)).toBe(t[0]?.text);
  });

  test('the draws are fixed for a seed (the Deno test checks the same numbers)', () => {
    const plan = planTrials(flags('n=randint[1:1000]', 'lr=loguniform[1e-4:1e-1]'), { randomSeed: 42, maxRuns: 3 });
    expect(texts(plan.trials)).toEqual(['n=911 lr=0.001239291569270844', 'n=783 lr=0.04468498124081705', 'n=460 lr=0.0010497649002480108']);
  });

  test('a negative --max-runs is refused: a random sweep has no end', () => {
    expect(() => planTrials(f, { maxRuns: -1 })).toThrow('A random sweep needs a number of trials: got --max-runs -1');
  });

  test('batch rows are drawn too', () => {
    const rows = batch('b.csv', [{ x: '1' }, { x: '2' }]);
    const plan = planTrials(flags('y=uniform[0:1]'), { batches: [rows], randomSeed: 1, maxRuns: 50 });
    expect(new Set(plan.trials.map((t) => t[0]?.text))).toEqual(new Set(['1', '2']));
  });
});
