import { describe, expect, test } from '@jest/globals';
import { parseRunFlag } from '../config/parse-run-flag.js';
import { parseSweep, type GridSweep, type RandomSweep } from './parse-sweep.js';

const grid = (arg: string) => {
  const sweep = parseSweep(parseRunFlag(arg)) as GridSweep;
  expect(sweep.kind).toBe('grid');
  return Array.from({ length: sweep.size }, (_, i) => sweep.at(i).value);
};

const error = (arg: string) => {
  try {
    parseSweep(parseRunFlag(arg));
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message, hint: (err as { hint?: string }).hint };
  }
  throw new Error('no error');
};

describe('parseSweep() grids (decision 23)', () => {
  test('a list: items typed like flag values, quoted items may hold commas', () => {
    expect(grid('lr=[0.1,0.01]')).toEqual([0.1, 0.01]);
    expect(grid('x=[1, 2.0, abc, \'a,b\', "", true, null]')).toEqual([1n, 2, 'abc', 'a,b', '', true, null]);
    expect((parseSweep(parseRunFlag('x=[1.50]')) as GridSweep).at(0)).toEqual({ name: 'x', value: 1.5, text: '1.50' });
  });

  test('range: stop included, step 1 by default, integers when all are, floats without noise', () => {
    expect(grid('n=range[1:5]')).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(grid('n=range[1:6:2]')).toEqual([1n, 3n, 5n]);
    expect(grid('n=range[5:1:-2]')).toEqual([5n, 3n, 1n]);
    expect(grid('x=range[0:0.5:0.1]')).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(grid('x=range[1:2.0]')).toEqual([1, 2]);
  });

  test('a long range is not made up front', () => {
    const sweep = parseSweep(parseRunFlag('n=range[1:1000000000000]')) as GridSweep;
    expect(sweep.size).toBe(1e12);
    expect(sweep.at(999_999_999_999).value).toBe(1000000000000n);
  });

  test('linspace and logspace: count values, both ends included', () => {
    expect(grid('x=linspace[0:1:5]')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(grid('x=linspace[2:3:1]')).toEqual([2]);
    expect(grid('lr=logspace[-4:-1:4]')).toEqual([0.0001, 0.001, 0.01, 0.1]);
  });

  test('a quoted value, or one without brackets, is no sweep', () => {
    expect(parseSweep(parseRunFlag(`name="'[x]'"`))).toBeUndefined();
    expect(parseSweep(parseRunFlag("name='range[1:2]'"))).toBeUndefined();
    expect(parseSweep(parseRunFlag('name=a[1]b'))).toBeUndefined();
    expect(parseSweep(parseRunFlag('x=1'))).toBeUndefined();
  });
});

describe('parseSweep() random (decision 23)', () => {
  const draws = (arg: string, n = 200) => {
    const sweep = parseSweep(parseRunFlag(arg)) as RandomSweep;
    expect(sweep.kind).toBe('random');
    let i = 0;
    const random = () => ((i++ * 0.618033988749895) % 1);
    return Array.from({ length: n }, () => sweep.draw(random).value);
  };

  test('uniform, loguniform and randint stay in bounds; randint reaches both ends', () => {
    for (const v of draws('x=uniform[-1:1]')) expect(v as number).toBeGreaterThanOrEqual(-1), expect(v as number).toBeLessThan(1);
    for (const v of draws('x=loguniform[1e-4:1e-1]')) expect(v as number).toBeGreaterThanOrEqual(1e-4), expect(v as number).toBeLessThanOrEqual(1e-1);
    expect(new Set(draws('x=randint[1:3]'))).toEqual(new Set([1n, 2n, 3n]));
    expect(new Set(draws("x=choice[a, 'b c', 3]"))).toEqual(new Set(['a', 'b c', 3n]));
  });
});

describe('parseSweep() errors', () => {
  test('an unknown function, with the quoting hint', () => {
    expect(error('lr=linspce[0:1:5]')).toEqual({
      code: 'ERR_GAGE_SWEEP',
      message:
        "Invalid sweep lr=linspce[0:1:5]: unknown sweep function 'linspce' (known: [a,b,...], range, linspace, logspace, uniform, loguniform, randint, choice)",
      hint: `To use the value as it is, quote it: lr="'linspce[0:1:5]'"`,
    });
  });

  test('bad arguments name the problem', () => {
    expect(error('x=[]').message).toBe('Invalid sweep x=[]: the list is empty');
    expect(error('x=[1,,2]').message).toBe("Invalid sweep x=[1,,2]: item 2 is empty (quote it for an empty string: '')");
    expect(error('x=range[1:x]').message).toBe("Invalid sweep x=range[1:x]: 'x' is not a number");
    expect(error('x=range[1]').message).toBe("Invalid sweep x=range[1]: expected 2 or 3 numbers separated by ':', got 1");
    expect(error('x=range[1:5:0]').message).toBe('Invalid sweep x=range[1:5:0]: the step cannot be 0');
    expect(error('x=range[5:1]').message).toBe('Invalid sweep x=range[5:1]: no value goes from 5 to 1 by 1');
    expect(error('x=linspace[0:1:0]').message).toBe('Invalid sweep x=linspace[0:1:0]: the count must be a whole number of at least 1, got 0');
    expect(error('x=uniform[2:1]').message).toBe('Invalid sweep x=uniform[2:1]: the low end 2 is above the high end 1');
    expect(error('x=loguniform[0:1]').message).toBe('Invalid sweep x=loguniform[0:1]: loguniform needs a low end above 0');
    expect(error('x=randint[1:2.5]').message).toBe('Invalid sweep x=randint[1:2.5]: randint takes whole numbers');
    expect(error('x=range[1:nan]').message).toBe("Invalid sweep x=range[1:nan]: 'nan' is not a number");
  });
});
