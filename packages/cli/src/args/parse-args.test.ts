import { describe, expect, test } from '@jest/globals';
import { checkIncompatible } from './check-incompatible.js';
import { defineCommand, type CommandSpec } from './command-spec.js';
import { formatHelp } from './format-help.js';
import { parseArgs } from './parse-args.js';

const spec = defineCommand({
  name: 'list',
  usage: '[options] [run]...',
  summary: 'List runs.',
  options: [
    { key: 'limit', flags: ['-n', '--limit'], kind: 'value', metavar: 'MAX', help: 'Page size.' },
    { key: 'more', flags: ['-m', '--more'], kind: 'count', help: 'More.' },
    { key: 'all', flags: ['-a', '--all'], kind: 'flag', help: 'All.' },
    { key: 'file', flags: ['-f', '--file'], kind: 'list', help: 'Files.' },
    { key: 'simple', flags: ['-0'], kind: 'flag', hidden: true },
  ],
});

function usageError(f: () => unknown): { code: string; message: string; usage: string; cmdPath: string } {
  try {
    f();
  } catch (err) {
    return err as { code: string; message: string; usage: string; cmdPath: string };
  }
  throw new Error('no error');
}

describe('parseArgs()', () => {
  test('parses values, counts, flags and positionals in any order', () => {
    const p = parseArgs(spec, ['1', '-n', '5', '-mm', '--all', 'abc'], 'ls');
    expect(p.args).toEqual(['1', 'abc']);
    expect(p.options.limit).toBe('5');
    expect(p.options.more).toBe(2);
    expect(p.options.all).toBe(true);
    expect(p.order).toEqual(['runs', 'limit', 'more', 'all']);
  });

  test('accepts --opt=value, attached short values and repeated list options', () => {
    const p = parseArgs(spec, ['--limit=7', '-fa.txt', '--file', 'b.txt', '-am'], 'list');
    expect(p.options.limit).toBe('7');
    expect(p.options.file).toEqual(['a.txt', 'b.txt']);
    expect(p.options.all).toBe(true);
    expect(p.options.more).toBe(1);
  });

  test('treats negative indexes and slices as positionals but -0 as an option', () => {
    const p = parseArgs(spec, ['-2:', '-1', '-3:-1', '-0'], 'list');
    expect(p.args).toEqual(['-2:', '-1', '-3:-1']);
    expect(p.options.simple).toBe(true);
  });

  test('-- ends options', () => {
    expect(parseArgs(spec, ['--', '-a'], 'list').args).toEqual(['-a']);
  });

  test('-h and --help set help', () => {
    expect(parseArgs(spec, ['-h'], 'list').help).toBe(true);
    expect(parseArgs(spec, ['-ah'], 'list').help).toBe(true);
  });

  test('an unknown option is a usage error naming the command as typed', () => {
    const err = usageError(() => parseArgs(spec, ['--bogus'], 'ls'));
    expect(err.code).toBe('ERR_GAGE_USAGE');
    expect(err.message).toBe('No such option: --bogus');
    expect(err.usage).toBe('gage ls [options] [run]...');
    expect(err.cmdPath).toBe('ls');
    expect(usageError(() => parseArgs(spec, ['-x'], 'ls')).message).toBe('No such option: -x');
  });

  test('a missing value is a usage error', () => {
    expect(usageError(() => parseArgs(spec, ['-n'], 'ls')).message).toBe("Option '-n' requires an argument.");
    expect(usageError(() => parseArgs(spec, ['--limit'], 'ls')).message).toBe("Option '--limit' requires an argument.");
  });

  test('too many positionals is a usage error', () => {
    const one: CommandSpec = { ...spec, maxArgs: 1 };
    expect(usageError(() => parseArgs(one, ['a', 'b'], 'show')).message).toBe('Got unexpected extra argument (b)');
  });
});

describe('checkIncompatible()', () => {
  test('names the option given first first', () => {
    const p = parseArgs(spec, ['-n', '3', '-a'], 'ls');
    expect(() => checkIncompatible(p, [['all', 'limit']], 'ls')).toThrow('limit and all cannot be used together.');
    const q = parseArgs(spec, ['-a', '1'], 'rm');
    const err = usageError(() => checkIncompatible(q, [['all', 'runs']], 'rm')) as unknown as { message: string; hint: string };
    expect(err.message).toBe('all and runs cannot be used together.');
    expect(err.hint).toBe("Try 'gage rm -h' for help.");
  });

  test('does nothing when only one is given', () => {
    expect(() => checkIncompatible(parseArgs(spec, ['-a'], 'ls'), [['all', 'limit']], 'ls')).not.toThrow();
  });
});

describe('formatHelp()', () => {
  test('starts with the usage line of the command as typed and hides hidden options', () => {
    const text = formatHelp(spec, 'ls');
    expect(text.startsWith('Usage: gage ls [options] [run]...\n')).toBe(true);
    expect(text).toContain('  -n, --limit MAX  Page size.');
    expect(text).toContain('-h, --help');
    expect(text).not.toContain('-0');
  });
});
