import { describe, expect, test } from '@jest/globals';
import { checkIncompatible } from './check-incompatible.js';
import { defineCommand, defineOption, type CommandArgs } from './command-spec.js';
import { parseArgs } from './parse-args.js';

/** True when A and B are the same type (checked by `pnpm typecheck`). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const yesOption = defineOption({ key: 'yes', flags: ['-y', '--yes'], kind: 'flag', help: 'No prompt.' });

const spec = defineCommand({
  name: 'run',
  usage: '[options]',
  summary: 'Run.',
  options: [
    yesOption,
    { key: 'label', flags: ['-l', '--label'], kind: 'value', metavar: 'TEXT' },
    { key: 'batch', flags: ['-b', '--batch'], kind: 'list', metavar: 'FILE' },
    { key: 'more', flags: ['-m', '--more'], kind: 'count' },
    { key: 'force-flags', flags: ['--force-flags'], kind: 'flag' },
  ],
});

describe('defineCommand()', () => {
  test('types the parsed options from the spec: flag boolean, value string | undefined, list string[], count number', () => {
    const parsed: CommandArgs<typeof spec> = parseArgs(spec, ['-y', '-l', 'best', '-b', 'a.csv', '--batch=b.csv', '-mm', '--force-flags'], 'run');
    const typed: Equal<typeof parsed.options, { yes: boolean; label: string | undefined; batch: string[]; more: number; 'force-flags': boolean }> = true;
    expect(typed).toBe(true);
    expect(parsed.options).toEqual({ yes: true, label: 'best', batch: ['a.csv', 'b.csv'], more: 2, 'force-flags': true });
  });

  test('options not given have the value of none', () => {
    expect(parseArgs(spec, [], 'run').options).toEqual({ yes: false, label: undefined, batch: [], more: 0, 'force-flags': false });
  });

  test('a misspelt key does not compile (pnpm typecheck)', () => {
    const parsed = parseArgs(spec, ['-y'], 'run');
    // @ts-expect-error `yess` is no option of the spec
    expect(parsed.options.yess).toBeUndefined();
    // @ts-expect-error a value option is no boolean
    const label: boolean = parsed.options.label;
    expect(label).toBeUndefined();
    // @ts-expect-error checkIncompatible takes the command's keys (and `runs`) only
    expect(() => checkIncompatible(parsed, [['yes', 'lable']], 'run')).not.toThrow();
    expect(() => checkIncompatible(parsed, [['runs', 'yes']], 'run')).not.toThrow();
  });
});
